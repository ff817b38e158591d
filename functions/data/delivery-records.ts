import { shardOf } from './due-index.ts';

/** Outbox delivery items as plain data: no client here, so domain code and unit tests use it freely. */
export interface Recipient {
  readonly email: string;
  readonly data: Record<string, string>;
}

export interface RecipientResult {
  readonly status: 'sent' | 'failed';
  readonly messageId?: string;
  readonly error?: string;
  readonly at: string;
}

export interface Delivery {
  readonly deliveryId: string;
  readonly template: string;
  readonly recipients: readonly Recipient[];
  readonly defaultData: Record<string, string>;
  readonly status: 'pending' | 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly shard: string;
  readonly results: Record<string, RecipientResult>;
  readonly reason: string;
  readonly createdAt: string;
}

/** SES v2 bulk sends take at most 50 destinations; a delivery never holds more. */
export const MAX_RECIPIENTS = 50;

/**
 * The outbox's two lanes on the due-date index: cargo security alerts under `OUTBOX#alert-<n>`,
 * every other email under `OUTBOX#<n>`. The sender empties the alert lane before it takes
 * anything else, so no amount of other mail delays an alert.
 */
export type Lane = 'alert' | 'mail';

/** The due-index shard of a delivery in its lane (the shard attribute carries the lane). */
export const laneShard = (lane: Lane, shard: string): string => (lane === 'alert' ? `alert-${shard}` : shard);

/** The lane a stored delivery is in. */
export const laneOf = (d: Pick<Delivery, 'shard'>): Lane => (d.shard.startsWith('alert-') ? 'alert' : 'mail');

/**
 * The attributes of a new pending delivery, for a transaction that also records the decision
 * to send it (`portal.transaction.write(({ delivery }) => [delivery.create(item).commit(), ...])`).
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
