import { delivery } from './entities.ts';
import { acrossShards, dueBefore } from './due-index.ts';
import { laneShard, type Delivery, type Lane, type RecipientResult } from './delivery-records.ts';

/** Read consistently: it is called right after the transaction that wrote the delivery. */
export const get = async (deliveryId: string): Promise<Delivery | null> =>
  ((await delivery.get({ deliveryId }).go({ consistent: true })).data as Delivery | null) ?? null;

/**
 * Leases a delivery to this sender: only one sender wins (a conditional update), and a lease
 * that is not finished by `leaseUntil` makes the delivery due again. Returns null when the
 * delivery is finished, leased to another sender, or not due yet.
 */
export const claim = async (current: Delivery, now: string, leaseUntil: string): Promise<Delivery | null> => {
  try {
    const { data } = await delivery
      .patch({ deliveryId: current.deliveryId })
      .set({ status: 'sending', nextAttemptAt: leaseUntil, attempts: current.attempts + 1, shard: current.shard })
      .where(
        (attr, op) =>
          `${op.eq(attr.attempts, current.attempts)} AND ${op.lte(attr.nextAttemptAt, now)} AND (${op.eq(attr.status, 'pending')} OR ${op.eq(attr.status, 'sending')})`,
      )
      .go({ response: 'all_new' });
    return data as Delivery;
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return null;
    throw error;
  }
};

/**
 * Records the outcome of one attempt; `nextAttemptAt` matters only while still pending. A
 * finished delivery keeps its per-recipient results but drops the template data, which may
 * hold a temporary password.
 */
export const record = async (
  claimed: Delivery,
  outcome: { status: Delivery['status']; results: Record<string, RecipientResult>; nextAttemptAt: string },
): Promise<void> => {
  const finished = outcome.status === 'sent' || outcome.status === 'failed';
  await delivery
    .patch({ deliveryId: claimed.deliveryId })
    .set({
      status: outcome.status,
      results: outcome.results,
      nextAttemptAt: outcome.nextAttemptAt,
      shard: claimed.shard,
      ...(finished ? { recipients: claimed.recipients.map((r) => ({ email: r.email, data: {} })) } : {}),
    })
    .where((attr, op) => `${op.eq(attr.attempts, claimed.attempts)} AND ${op.eq(attr.status, 'sending')}`)
    .go();
};

/**
 * Saves the results so far of a delivery still being sent, so that a sender that dies resends
 * none of them. A delivery no longer leased to this attempt is left alone.
 */
export const progress = async (claimed: Delivery, results: Record<string, RecipientResult>): Promise<void> => {
  try {
    await delivery
      .patch({ deliveryId: claimed.deliveryId })
      .set({ results })
      .where((attr, op) => `${op.eq(attr.attempts, claimed.attempts)} AND ${op.eq(attr.status, 'sending')}`)
      .go();
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException') return;
    throw error;
  }
};

/**
 * Deliveries of one lane due for an attempt at `now`, from the due-date index: pending, or with
 * an expired lease. Without a lane: the alert lane's first, then the rest.
 */
export async function* due(now: string, lane?: Lane): AsyncGenerator<Delivery> {
  for (const l of lane ? [lane] : (['alert', 'mail'] as const)) {
    yield* acrossShards(
      (shard, cursor) =>
        delivery.query
          .byDue({ shard: laneShard(l, shard) })
          .lt({ nextAttemptAt: dueBefore(now) })
          .go({ cursor, pages: 1, limit: 100 }) as Promise<{ data: Delivery[]; cursor: string | null }>,
    );
  }
}
