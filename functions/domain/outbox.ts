import type { Clock } from './deps.ts';
import type * as outboxData from '../data/outbox.ts';
import type * as emailData from '../data/email.ts';
import type { Delivery, RecipientResult } from '../data/delivery-records.ts';

/** A delivery that still has unsent recipients after this many attempts is marked failed (and alarmed). */
export const MAX_ATTEMPTS = 5;
/** How long a sender holds a delivery before another may take it over: longer than a sender runs (5 min). */
const LEASE_MS = 10 * 60_000;
/** Exponential backoff between attempts: 30 s, 1 min, 2 min, 4 min ... */
export const backoffMs = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 60 * 60_000);

export interface OutboxDeps {
  readonly clock: Clock;
  readonly outbox: Pick<typeof outboxData, 'claim' | 'record' | 'due' | 'get'>;
  readonly mailer: Pick<typeof emailData, 'sendTemplated'>;
}

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

/**
 * One attempt at one delivery: lease it (only one sender wins), send to the recipients not yet
 * sent, record each recipient's result, then finish it, schedule a retry of the failed ones
 * with backoff, or give up after MAX_ATTEMPTS. Recipients already sent are never sent again.
 */
export const attempt = async (deps: OutboxDeps, current: Delivery): Promise<DeliveryOutcome> => {
  const now = deps.clock.now();
  const claimed = await deps.outbox.claim(current, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
  if (!claimed) return 'skipped';
  const unsent = claimed.recipients.filter((r) => claimed.results[r.email]?.status !== 'sent');
  const sent = unsent.length ? await deps.mailer.sendTemplated(claimed.template, unsent, claimed.defaultData) : [];
  const at = deps.clock.now().toISOString();
  const results: Record<string, RecipientResult> = { ...claimed.results };
  for (const r of sent) results[r.email] = r.ok ? { status: 'sent', messageId: r.messageId, at } : { status: 'failed', error: r.error, at };
  const remaining = claimed.recipients.filter((r) => results[r.email]?.status !== 'sent').length;
  const status = remaining === 0 ? 'sent' : claimed.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
  const nextAttemptAt = status === 'pending' ? new Date(deps.clock.now().getTime() + backoffMs(claimed.attempts)).toISOString() : claimed.nextAttemptAt;
  await deps.outbox.record(claimed, { status, results, nextAttemptAt });
  return status === 'pending' ? 'retrying' : status;
};

/** Sends one delivery now if it is due (right after the transaction that created it). */
export const deliverNow = async (deps: OutboxDeps, deliveryId: string): Promise<DeliveryOutcome> => {
  const current = await deps.outbox.get(deliveryId);
  return current ? attempt(deps, current) : 'skipped';
};

export interface OutboxReport {
  readonly due: number;
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly skipped: number;
}

/** The safety net: every delivery due now (new, retrying, or with an expired lease) gets an attempt. */
export const drain = async (deps: OutboxDeps): Promise<OutboxReport> => {
  const counts = { due: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  for await (const item of deps.outbox.due(deps.clock.now().toISOString())) {
    counts.due += 1;
    try {
      counts[await attempt(deps, item)] += 1;
    } catch (error) {
      // One delivery's trouble (a lost lease, a throttled write) must not stop the others; its
      // lease expires and it becomes due again.
      counts.skipped += 1;
      console.error(JSON.stringify({ level: 'error', message: 'delivery attempt failed', deliveryId: item.deliveryId, error: String(error) }));
    }
  }
  return counts;
};

/**
 * Right after a decision to send mail has been committed: try the delivery now. A failure is
 * logged and left to the scheduled sender; the caller's request has already succeeded.
 */
export const sendSoon = async (deps: OutboxDeps, deliveryId: string | undefined): Promise<void> => {
  if (!deliveryId) return;
  await deliverNow(deps, deliveryId).catch((error: unknown) =>
    console.error(JSON.stringify({ level: 'error', message: 'immediate delivery failed; the scheduled sender will retry', deliveryId, error: String(error) })),
  );
};
