import type { Clock } from './clock.ts';
import {
  laneOf,
  MAX_RECIPIENTS,
  type Delivery,
  type Lane,
  type Recipient,
  type RecipientResult,
  type SendResult,
} from '../schemas/outbox.ts';
import { asError, logger } from '../log.ts';

/** Where deliveries wait, and the lease that lets only one sender work on each. */
export interface OutboxStore {
  /** Leases the delivery to this sender until `leaseUntil`; null when it is finished, leased to another, or not due. */
  claim(current: Delivery, now: string, leaseUntil: string): Promise<Delivery | null>;
  /** Records the outcome of the attempt that claimed it, at `at`; throws when the lease was lost. */
  record(
    claimed: Delivery,
    outcome: {
      status: Delivery['status'];
      results: Record<string, RecipientResult>;
      nextAttemptAt: string;
      at: string;
    },
  ): Promise<void>;
  /** Saves the results so far while still leased to this attempt. */
  progress(claimed: Delivery, results: Record<string, RecipientResult>): Promise<void>;
  /** Deliveries of one lane (or both, the alert lane first) due for an attempt at `now`. */
  due(now: string, lane?: Lane): AsyncIterable<Delivery>;
}

/** Sends one template to up to 50 recipients, one result per recipient. */
export interface Mailer {
  sendTemplated(
    template: string,
    recipients: readonly Recipient[],
    defaultData: Record<string, string>,
  ): Promise<readonly SendResult[]>;
}

export interface OutboxDeps {
  readonly clock: Clock;
  readonly outbox: OutboxStore;
  readonly mailer: Mailer;
}

/** A delivery that still has unsent recipients after this many attempts is marked failed (and alarmed). */
export const MAX_ATTEMPTS = 5;
/** How long a sender holds a delivery before another may take it over: longer than a sender runs (5 min). */
const LEASE_MS = 10 * 60_000;
/** Exponential backoff between attempts: 30 s, 1 min, 2 min, 4 min ... */
export const backoffMs = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 60 * 60_000);

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

/** Deliveries a drain claims and sends together. */
const BATCH = 100;

const logFailure = (message: string, deliveryId: string, error: unknown) =>
  logger.error(message, { deliveryId, error: asError(error) });

/**
 * One attempt at several deliveries: lease each (only one sender wins each), then send the
 * recipients not yet sent, packing those of deliveries that share a template and its shared data
 * into bulk calls of up to 50 (so retries of a few throttled recipients from many deliveries
 * fill whole calls). After each call, every delivery it finished is recorded (sent, a retry of
 * its failed recipients scheduled with backoff, or given up after MAX_ATTEMPTS) and a delivery
 * it only started has its results so far saved, so a sender that dies can resend at most the
 * call in flight. Recipients already recorded as sent are never sent again. One delivery's
 * trouble (a lost lease, a failed write) skips only it.
 */
export const attemptAll = async (deps: OutboxDeps, items: readonly Delivery[]): Promise<DeliveryOutcome[]> => {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const claimed = await Promise.all(
    items.map((item) =>
      deps.outbox.claim(item, now.toISOString(), leaseUntil).catch((error: unknown) => {
        logFailure('delivery claim failed', item.deliveryId, error);
        return null;
      }),
    ),
  );
  const results = claimed.map((c) => ({ ...(c?.results ?? {}) }) as Record<string, RecipientResult>);
  const outcomes: Promise<DeliveryOutcome>[] = claimed.map(() => Promise.resolve<DeliveryOutcome>('skipped'));
  /** Writes for one delivery run one after another, while the next call is already being sent. */
  const after = (index: number, write: () => Promise<DeliveryOutcome>) =>
    (outcomes[index] = outcomes[index]!.then(write));

  const finish = (c: Delivery, index: number) =>
    after(index, async () => {
      const remaining = c.recipients.filter((r) => results[index]![r.email]?.status !== 'sent').length;
      const status = remaining === 0 ? 'sent' : c.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
      const nextAttemptAt =
        status === 'pending'
          ? new Date(deps.clock.now().getTime() + backoffMs(c.attempts)).toISOString()
          : c.nextAttemptAt;
      try {
        const at = deps.clock.now().toISOString();
        await deps.outbox.record(c, { status, results: { ...results[index]! }, nextAttemptAt, at });
      } catch (error) {
        // Its lease expires and it becomes due again; what it sent in the last call is resent.
        logFailure('delivery record failed', c.deliveryId, error);
        return 'skipped';
      }
      return status === 'pending' ? 'retrying' : status;
    });
  const saveProgress = (c: Delivery, index: number) =>
    after(index, async () => {
      await deps.outbox
        .progress(c, { ...results[index]! })
        .catch((error: unknown) => logFailure('delivery progress not saved', c.deliveryId, error));
      return 'skipped';
    });

  const groups = new Map<
    string,
    { template: string; defaultData: Record<string, string>; entries: { index: number; recipient: Recipient }[] }
  >();
  /** Per delivery: how many of its recipients this attempt still has to send. */
  const toSend: number[] = claimed.map(() => 0);
  claimed.forEach((c, index) => {
    if (!c) return;
    const key = `${c.template}\u0000${JSON.stringify(c.defaultData)}`;
    const group = groups.get(key) ?? { template: c.template, defaultData: c.defaultData, entries: [] };
    for (const recipient of c.recipients) {
      if (c.results[recipient.email]?.status === 'sent') continue;
      group.entries.push({ index, recipient });
      toSend[index] = toSend[index]! + 1;
    }
    groups.set(key, group);
    // Everything sent already (a sender died after its last call): only the record is missing.
    if (toSend[index] === 0) finish(c, index);
  });
  for (const group of groups.values()) {
    for (let i = 0; i < group.entries.length; i += MAX_RECIPIENTS) {
      const chunk = group.entries.slice(i, i + MAX_RECIPIENTS);
      const sent = await deps.mailer.sendTemplated(
        group.template,
        chunk.map((e) => e.recipient),
        group.defaultData,
      );
      const at = deps.clock.now().toISOString();
      sent.forEach((r, k) => {
        results[chunk[k]!.index]![r.email] = r.ok
          ? { status: 'sent', messageId: r.messageId, at }
          : { status: 'failed', error: r.error, kind: r.kind, at };
      });
      for (const index of new Set(chunk.map((e) => e.index))) {
        toSend[index] = toSend[index]! - chunk.filter((e) => e.index === index).length;
        if (toSend[index] === 0) finish(claimed[index]!, index);
        else saveProgress(claimed[index]!, index);
      }
    }
  }
  return Promise.all(outcomes);
};

/** One attempt at one delivery (see attemptAll). */
export const attempt = async (deps: OutboxDeps, current: Delivery): Promise<DeliveryOutcome> =>
  (await attemptAll(deps, [current]))[0]!;

export interface OutboxReport {
  readonly due: number;
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * The safety net: every delivery due now (new, retrying, or with an expired lease) gets an
 * attempt, a hundred at a time, until `budgetMs` is spent (what is left stays due for the next
 * run, well before the function's timeout would cut a batch short). Cargo security alerts come
 * first: the alert lane is emptied before any other mail is read, and looked at again before
 * every further batch, so an alert published while a backlog drains waits for one batch at most.
 */
export const drain = async (deps: OutboxDeps, budgetMs = Number.POSITIVE_INFINITY): Promise<OutboxReport> => {
  const started = Date.now();
  const counts = { due: 0, sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const overBudget = () => Date.now() - started >= budgetMs;
  /** Sends one lane's due deliveries a batch at a time; `beforeBatch` runs ahead of each further batch. Answers false when the budget ran out. */
  const sendLane = async (lane: Lane, beforeBatch?: () => Promise<boolean>): Promise<boolean> => {
    const batch: Delivery[] = [];
    const flush = async () => {
      for (const outcome of await attemptAll(deps, batch.splice(0))) counts[outcome] += 1;
    };
    for await (const item of deps.outbox.due(deps.clock.now().toISOString(), lane)) {
      counts.due += 1;
      batch.push(item);
      if (batch.length === BATCH) {
        await flush();
        if (overBudget()) return false;
        if (beforeBatch && !(await beforeBatch())) return false;
      }
    }
    await flush();
    return true;
  };
  if (await sendLane('alert')) await sendLane('mail', () => sendLane('alert'));
  return counts;
};

/**
 * The first attempt at deliveries just written, as the table's stream hands them over (in AWS a
 * Lambda event source mapping, locally `lib/local/stream-poller.ts`), off the request that
 * decided them. Cargo security alerts go first, so mail in the same batch never delays one. A
 * delivery not due yet (a digest waits for its window) or already taken by another sender (the
 * scheduled safety net, a retried batch) is skipped by the lease in `attemptAll`; what fails here
 * is retried by the safety net with backoff.
 */
export const sendNew = async (deps: OutboxDeps, items: readonly Delivery[]): Promise<DeliveryOutcome[]> => {
  const outcomes = new Map<Delivery, DeliveryOutcome>();
  for (const lane of ['alert', 'mail'] as const) {
    const batch = items.filter((d) => laneOf(d) === lane);
    if (batch.length === 0) continue;
    const sent = await attemptAll(deps, batch);
    batch.forEach((d, i) => {
      outcomes.set(d, sent[i]!);
    });
  }
  return items.map((d) => outcomes.get(d)!);
};
