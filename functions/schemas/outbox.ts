/** Outbox deliveries as stored: the records the domain decides and the outbox store keeps. */
import type { FailureKind } from '../definitions/email-failures.ts';

export interface Recipient {
  readonly email: string;
  readonly data: Record<string, string>;
}

export interface RecipientResult {
  readonly status: 'sent' | 'failed';
  readonly messageId?: string;
  readonly error?: string;
  /** Why it failed (definitions/email-failures.ts); absent on results recorded before kinds existed. */
  readonly kind?: FailureKind;
  readonly at: string;
}

export interface Delivery {
  readonly deliveryId: string;
  readonly template: string;
  readonly recipients: readonly Recipient[];
  readonly defaultData: Record<string, string>;
  /** `redriven`: it had failed, and an operator handed its unsent recipients to `redrivenTo`. */
  readonly status: 'pending' | 'sending' | 'sent' | 'failed' | 'redriven';
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly shard: string;
  readonly results: Record<string, RecipientResult>;
  readonly reason: string;
  readonly createdAt: string;
  /** When it gave up (status `failed`; also kept once re-driven). */
  readonly failedAt?: string;
  /** The delivery a re-drive handed its unsent recipients to. */
  readonly redrivenTo?: string;
  /** On a re-drive's delivery: the failed one it re-sends. */
  readonly redriveOf?: string;
}

/** SES v2 bulk sends take at most 50 destinations; a delivery never holds more. */
export const MAX_RECIPIENTS = 50;

/**
 * The outbox's two lanes on the due-date index: cargo security alerts under `OUTBOX#alert-<n>`,
 * every other email under `OUTBOX#<n>`. The sender empties the alert lane before it takes
 * anything else, so no amount of other mail delays an alert.
 */
export type Lane = 'alert' | 'mail';

/** How the shard attribute of a delivery in the alert lane begins (the alert stream consumer's filter matches it). */
export const ALERT_SHARD_PREFIX = 'alert-';

/** The due-index shard of a delivery in its lane (the shard attribute carries the lane). */
export const laneShard = (lane: Lane, shard: string): string =>
  lane === 'alert' ? `${ALERT_SHARD_PREFIX}${shard}` : shard;

/** The lane a stored delivery is in. */
export const laneOf = (d: Pick<Delivery, 'shard'>): Lane => (d.shard.startsWith(ALERT_SHARD_PREFIX) ? 'alert' : 'mail');

/** What one bulk send answers for one recipient. */
export type SendResult = { readonly email: string } & (
  | { readonly ok: true; readonly messageId: string }
  | { readonly ok: false; readonly error: string; readonly kind: FailureKind }
);
