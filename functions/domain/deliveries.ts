import { shardOf } from './shards.ts';
import { laneShard, MAX_RECIPIENTS, type Delivery, type Lane, type Recipient } from '../schemas/outbox.ts';

/**
 * The attributes of a new pending delivery, for the store to write in the same transaction
 * as the decision to send it.
 * Due at once unless `dueAt` says later (a digest goes out when its window closes); `lane:
 * 'alert'` is for cargo security alerts only.
 */
export const newDelivery = (input: {
  deliveryId: string;
  template: string;
  recipients: readonly Recipient[];
  defaultData: Record<string, string>;
  reason: string;
  now: string;
  dueAt?: string;
  lane?: Lane;
}): Delivery => {
  if (input.recipients.length === 0 || input.recipients.length > MAX_RECIPIENTS) {
    throw new Error(`A delivery holds 1 to ${MAX_RECIPIENTS} recipients, not ${input.recipients.length}`);
  }
  return {
    deliveryId: input.deliveryId,
    template: input.template,
    recipients: input.recipients,
    defaultData: input.defaultData,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: input.dueAt ?? input.now,
    shard: laneShard(input.lane ?? 'mail', shardOf(input.deliveryId)),
    results: {},
    reason: input.reason,
    createdAt: input.now,
  };
};
