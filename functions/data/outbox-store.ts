/**
 * The email outbox's store (DESIGN section 8): one delivery of one template to at most 50
 * recipients, written in the same transaction as the decision to send it (`deliveryOp`).
 *
 * Item: pk `OUTBOX#<deliveryId>`, sk `DELIVERY`. While pending or leased to a sender it sits on
 * the due-date index under `OUTBOX#<shard>` (the shard carries the lane), keyed by its next
 * attempt; a finished delivery leaves the index.
 */
import type { Delivery, Lane, RecipientResult } from '../schemas/outbox.ts';
import { laneShard } from '../schemas/outbox.ts';
import { DELIVERY_ITEM } from '../definitions/table.ts';
import { dueBefore, dueItems } from './due-index.ts';
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
  updateReturning,
  write,
  type WriteOp,
} from './table-io.ts';

export type { Delivery };

const deliveryKey = (deliveryId: string) => key(`${DELIVERY_ITEM.partitionPrefix}${deliveryId}`, DELIVERY_ITEM.sortKey);
const dueKey = (shard: string, nextAttemptAt: string, deliveryId: string) =>
  indexKey('due', `OUTBOX#${shard}`, `${nextAttemptAt}#${deliveryId}`);

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
 * Records the outcome of one attempt; `nextAttemptAt` matters only while still pending. A
 * finished delivery leaves the due-date index and keeps its per-recipient results but drops the
 * template data, which may hold a temporary password.
 */
export const record = async (
  claimed: Delivery,
  outcome: { status: Delivery['status']; results: Record<string, RecipientResult>; nextAttemptAt: string },
): Promise<void> => {
  const finished = outcome.status === 'sent' || outcome.status === 'failed';
  const index = dueKey(claimed.shard, outcome.nextAttemptAt, claimed.deliveryId);
  await write(
    patchOp(
      deliveryKey(claimed.deliveryId),
      {
        set: {
          status: outcome.status,
          results: outcome.results,
          nextAttemptAt: outcome.nextAttemptAt,
          ...(finished ? { recipients: claimed.recipients.map((r) => ({ email: r.email, data: {} })) } : index),
        },
        ...(finished ? { remove: Object.keys(index) } : {}),
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
