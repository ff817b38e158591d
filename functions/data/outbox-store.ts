/**
 * The email outbox's store (DESIGN section 8): one delivery of one template to at most 50
 * recipients, written in the same transaction as the decision to send it (`deliveryOp`).
 *
 * Item: pk `OUTBOX#<deliveryId>`, sk `DELIVERY`. While pending or leased to a sender it sits on
 * the due-date index under `OUTBOX#<shard>` (the shard carries the lane), keyed by its next
 * attempt; a sent delivery leaves the index. One that gave up moves on it to
 * `OUTBOX-FAILED#<shard>`, keyed by when it failed, where a re-drive finds it (`failedSince`);
 * re-driven, it leaves the index.
 */
import type { AuditRecord } from '../schemas/audit.ts';
import type { Delivery, Lane, RecipientResult } from '../schemas/outbox.ts';
import { laneShard } from '../schemas/outbox.ts';
import { DELIVERY_ITEM, TABLE } from '../definitions/table.ts';
import { auditOp } from './audit-store.ts';
import { dueBefore, dueItems } from './due-index.ts';
import { committed } from './transact.ts';
import {
  and,
  createOp,
  eq,
  fromImage,
  getItem,
  indexKey,
  isConditionFailure,
  key,
  lte,
  or,
  patchOp,
  queryPage,
  transact,
  updateReturning,
  write,
  type Page,
  type WriteOp,
} from './table-io.ts';

export type { Delivery };

const deliveryKey = (deliveryId: string) => key(`${DELIVERY_ITEM.partitionPrefix}${deliveryId}`, DELIVERY_ITEM.sortKey);
const dueKey = (shard: string, nextAttemptAt: string, deliveryId: string) =>
  indexKey('due', `OUTBOX#${shard}`, `${nextAttemptAt}#${deliveryId}`);
const failedPartition = (shard: string) => `OUTBOX-FAILED#${shard}`;
const failedKey = (shard: string, failedAt: string, deliveryId: string) =>
  indexKey('due', failedPartition(shard), `${failedAt}#${deliveryId}`);

/** The write of a new pending delivery, for the transaction that decides to send it. */
export const deliveryOp = (d: Delivery): WriteOp =>
  createOp({
    ...deliveryKey(d.deliveryId),
    ...dueKey(d.shard, d.nextAttemptAt, d.deliveryId),
    ...d,
  });

/** Read consistently: whether a digest of this window is queued decides whether a message opens one. */
export const get = (deliveryId: string): Promise<Delivery | null> =>
  getItem<Delivery>(deliveryKey(deliveryId), { consistent: true });

/** The delivery a stream record's new image holds, as written by `deliveryOp`. */
export const fromStreamImage = (image: Readonly<Record<string, unknown>>): Delivery => fromImage<Delivery>(image);

/**
 * Leases a delivery to this sender: only one sender wins (a conditional update), and a lease
 * that is not finished by `leaseUntil` makes the delivery due again. Returns null when the
 * delivery is finished, leased to another sender, or not due yet.
 */
export const claim = async (current: Delivery, now: string, leaseUntil: string): Promise<Delivery | null> => {
  try {
    return await updateReturning<Delivery>(
      patchOp(
        deliveryKey(current.deliveryId),
        {
          set: {
            status: 'sending',
            nextAttemptAt: leaseUntil,
            attempts: current.attempts + 1,
            ...dueKey(current.shard, leaseUntil, current.deliveryId),
          },
        },
        and(
          eq('attempts', current.attempts),
          lte('nextAttemptAt', now),
          or(eq('status', 'pending'), eq('status', 'sending')),
        ),
      ),
    );
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
};

/**
 * Records the outcome of one attempt at `at`; `nextAttemptAt` matters only while still pending. A
 * finished delivery keeps its per-recipient results but drops the template data, which may hold
 * a temporary password; a sent one leaves the due-date index, a failed one moves to its failed
 * partition (`failedSince`).
 */
export const record = async (
  claimed: Delivery,
  outcome: {
    status: Delivery['status'];
    results: Record<string, RecipientResult>;
    nextAttemptAt: string;
    at: string;
  },
): Promise<void> => {
  const finished = outcome.status === 'sent' || outcome.status === 'failed';
  const index =
    outcome.status === 'failed'
      ? failedKey(claimed.shard, outcome.at, claimed.deliveryId)
      : dueKey(claimed.shard, outcome.nextAttemptAt, claimed.deliveryId);
  await write(
    patchOp(
      deliveryKey(claimed.deliveryId),
      {
        set: {
          status: outcome.status,
          results: outcome.results,
          nextAttemptAt: outcome.nextAttemptAt,
          ...(finished ? { recipients: claimed.recipients.map((r) => ({ email: r.email, data: {} })) } : {}),
          ...(outcome.status === 'failed' ? { failedAt: outcome.at } : {}),
          ...(outcome.status === 'sent' ? {} : index),
        },
        ...(outcome.status === 'sent' ? { remove: Object.keys(index) } : {}),
      },
      and(eq('attempts', claimed.attempts), eq('status', 'sending')),
    ),
  );
};

/**
 * Saves the results so far of a delivery still being sent, so that a sender that dies resends
 * none of them. A delivery no longer leased to this attempt is left alone.
 */
export const progress = async (claimed: Delivery, results: Record<string, RecipientResult>): Promise<void> => {
  try {
    await write(
      patchOp(
        deliveryKey(claimed.deliveryId),
        { set: { results } },
        and(eq('attempts', claimed.attempts), eq('status', 'sending')),
      ),
    );
  } catch (error) {
    if (isConditionFailure(error)) return;
    throw error;
  }
};

/**
 * Deliveries of one lane due for an attempt at `now`, from the due-date index: pending, or with
 * an expired lease. Without a lane: the alert lane's first, then the rest.
 */
export async function* due(now: string, lane?: Lane): AsyncGenerator<Delivery> {
  for (const l of lane ? [lane] : (['alert', 'mail'] as const))
    yield* dueItems<Delivery>((shard) => `OUTBOX#${laneShard(l, shard)}`, dueBefore(now));
}

/**
 * Deliveries that gave up at or after `since`, from their partitions of the due-date index (both
 * lanes, every shard): queries only, never a Scan. One re-driven since has left the index.
 */
export async function* failedSince(since: string): AsyncGenerator<Delivery> {
  for (const lane of ['alert', 'mail'] as const)
    for (let shard = 0; shard < TABLE.dueShards; shard += 1) {
      let cursor: string | null = null;
      do {
        const page: Page<Delivery> = await queryPage<Delivery>(
          { index: 'due', partition: failedPartition(laneShard(lane, String(shard))), sort: { gte: since } },
          cursor,
          100,
        );
        yield* page.items;
        cursor = page.cursor;
      } while (cursor);
    }
}

/**
 * Hands a failed delivery's unsent recipients to `replacement` (a new pending delivery, which the
 * table's stream sends as any new one), with its audit record, all or nothing: the failed one
 * becomes `redriven` only if it is still failed after the same attempts, so of two re-drives (or
 * a re-drive and anything else that changed it) one wins. Answers false when this one did not.
 */
export const redrive = async (failed: Delivery, replacement: Delivery, audit: AuditRecord): Promise<boolean> => {
  const index = failedKey(failed.shard, failed.failedAt ?? '', failed.deliveryId);
  const outcome = await transact([
    patchOp(
      deliveryKey(failed.deliveryId),
      { set: { status: 'redriven', redrivenTo: replacement.deliveryId }, remove: Object.keys(index) },
      and(eq('status', 'failed'), eq('attempts', failed.attempts)),
    ),
    deliveryOp(replacement),
    auditOp(audit),
  ]);
  return committed(outcome);
};
