import {
  acknowledgement,
  acknowledgementCount,
  alert as alertEntity,
  fanOut as fanOutEntity,
  inboxItem,
  pendingAcknowledgement as pendingEntity,
  portal,
} from './entities.ts';
import { ACK_COUNT_SHARDS } from './alert-entities.ts';
import { assertCommitted } from './transact.ts';
import { page } from './pages.ts';
import { acrossShards, dueBefore } from './due-index.ts';
import { Conflict, ServiceUnavailable } from '../errors.ts';
import type { Delivery } from './delivery-records.ts';
import { awaitsAcknowledgement, type Alert } from '../schemas/alerts.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

/** Where one alert's fan-out has got to. */
export interface FanOut {
  readonly alertId: string;
  readonly shard: string;
  readonly dueAt: string;
  readonly cursor: string;
  readonly pages: number;
  readonly companies: number;
  readonly recipients: number;
}

export interface InboxItem {
  readonly companyId: string;
  readonly alertId: string;
  readonly publishedAt: string;
  readonly kind: Alert['kind'];
  readonly title: string;
  readonly severity: Alert['severity'];
  readonly expiresAt?: string;
  readonly acknowledgedAt?: string;
  readonly acknowledgedBy?: string;
}

export interface Acknowledgement {
  readonly alertId: string;
  readonly companyId: string;
  readonly userId: string;
  readonly name: string;
  readonly at: string;
}

/** A new alert with its audit record and, when it goes out at once, its fan-out. */
export const create = async (item: Alert, audit: AuditAttributes, fanOut?: FanOut): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.alert.create(item).commit(),
      entities.audit.create(audit).commit(),
      ...(fanOut ? [entities.fanOut.create(fanOut).commit()] : []),
    ])
    .go();
  assertCommitted(outcome, () => new Conflict('That alert already exists.'));
};

export const get = async (alertId: string): Promise<Alert | null> =>
  ((await alertEntity.get({ alertId }).go({ consistent: true })).data as Alert | null) ?? null;

/** A second CBP person's approval publishes an intelligence bulletin and starts its fan-out. */
export const approve = async (
  alertId: string,
  set: { approvedBy: string; publishedAt: string },
  fanOut: FanOut,
  audit: AuditAttributes,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.alert
        .patch({ alertId })
        .set({ ...set, status: 'published' })
        .where((attr, op) => op.eq(attr.status, 'awaiting-approval'))
        .commit(),
      entities.fanOut.create(fanOut).commit(),
      entities.audit.create(audit).commit(),
    ])
    .go();
  assertCommitted(outcome, () => new Conflict('The bulletin was already approved.', 'already_published'));
};

/** Every alert, newest first (CBP). */
export const list = (cursor: string | null, limit: number) =>
  page<Alert>(() => alertEntity.query.byCreated({}).go({ cursor, limit, pages: 1, order: 'desc' }), cursor);

/** Fan-outs with work left, from the due-date index. */
export const dueFanOuts = (now: string): AsyncGenerator<FanOut> =>
  acrossShards(
    (shard, cursor) =>
      fanOutEntity.query
        .byDue({ shard })
        .lt({ dueAt: dueBefore(now) })
        .go({ cursor, pages: 1, limit: 100 }) as Promise<{ data: FanOut[]; cursor: string | null }>,
  );

export const getFanOut = async (alertId: string): Promise<FanOut | null> =>
  ((await fanOutEntity.get({ alertId }).go({ consistent: true })).data as FanOut | null) ?? null;

/**
 * One page of a fan-out, all or nothing: the companies' inbox items, the email deliveries for
 * their users, and the fan-out's new position (or, on the last page, its end and the alert's
 * totals), only if nobody wrote this page first. Answers 'taken' when somebody did; any other
 * refusal (an inbox item that already exists would mean a company targeted twice) is an error,
 * never a page silently skipped.
 */
export const writePage = async (
  item: FanOut,
  next: { cursor: string } | 'done',
  inbox: readonly InboxItem[],
  deliveries: readonly Delivery[],
  finishedAt: string,
): Promise<'written' | 'taken'> => {
  const companies = item.companies + inbox.length;
  const recipients = item.recipients + deliveries.reduce((n, d) => n + d.recipients.length, 0);
  const pending = inbox.filter(awaitsAcknowledgement);
  const outcome = await portal.transaction
    .write((entities) => [
      ...inbox.map((entry) => entities.inboxItem.create(entry).commit()),
      ...pending.map((entry) => entities.pendingAcknowledgement.create(entry).commit()),
      ...deliveries.map((d) => entities.delivery.create(d).commit()),
      next === 'done'
        ? entities.fanOut
            .delete({ alertId: item.alertId })
            .where((attr, op) => op.eq(attr.pages, item.pages))
            .commit()
        : entities.fanOut
            .patch({ alertId: item.alertId })
            .set({
              cursor: next.cursor,
              pages: item.pages + 1,
              companies,
              recipients,
              shard: item.shard,
              dueAt: item.dueAt,
            })
            .where((attr, op) => op.eq(attr.pages, item.pages))
            .commit(),
      ...(next === 'done'
        ? [
            entities.alert
              .patch({ alertId: item.alertId })
              .set({ companies, recipients, fannedOutAt: finishedAt })
              .commit(),
          ]
        : []),
    ])
    .go();
  if (!outcome.canceled) return 'written';
  const codes = (outcome.data as ReadonlyArray<{ code: string }>).map((d) => d.code);
  const position = inbox.length + pending.length + deliveries.length;
  if (codes[position] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return 'taken';
  throw new Error(
    `The page of alert ${item.alertId}'s fan-out was refused: ${codes.filter((c) => c !== 'None').join(', ')}`,
  );
};

/** A company's inbox, newest first. */
export const inbox = (companyId: string, cursor: string | null, limit: number) =>
  page<InboxItem>(
    () => inboxItem.query.byCompany({ companyId }).go({ cursor, limit, pages: 1, order: 'desc' }),
    cursor,
  );

/** The company's high and critical alerts that nobody in it has acknowledged yet, newest first: only those items are read. */
export const pendingAcknowledgement = async (companyId: string): Promise<InboxItem[]> =>
  (await pendingEntity.query.byCompany({ companyId }).go({ pages: 'all', order: 'desc' })).data as InboxItem[];

export const inboxEntry = async (companyId: string, publishedAt: string, alertId: string): Promise<InboxItem | null> =>
  ((await inboxItem.get({ companyId, publishedAt, alertId }).go({ consistent: true })).data as InboxItem | null) ??
  null;

export const acknowledgementBy = async (
  alertId: string,
  companyId: string,
  userId: string,
): Promise<Acknowledgement | null> =>
  ((await acknowledgement.get({ alertId, companyId, userId }).go({ consistent: true }))
    .data as Acknowledgement | null) ?? null;

/** A company's counter shard, fixed per company so that its one increment lands on one item. */
const shardOf = (companyId: string): number =>
  [...companyId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % ACK_COUNT_SHARDS;

/** Tries a transaction that collided with another (TransactionConflict) again, with jittered backoff; the last collision is a 503. */
const CONFLICT_RETRIES = 3;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A user's acknowledgement with its audit record; the first of the company's users also marks
 * the company's inbox item, takes it off the pending list and counts the company on the alert.
 * Answers false when this user had already acknowledged it.
 */
export const acknowledge = async (
  ack: Acknowledgement,
  entry: InboxItem,
  audit: AuditAttributes,
  attempt = 0,
): Promise<boolean> => {
  const first = !entry.acknowledgedAt;
  const outcome = await portal.transaction
    .write((entities) => [
      entities.acknowledgement.create(ack).commit(),
      entities.audit.create(audit).commit(),
      ...(first
        ? [
            entities.inboxItem
              .patch({ companyId: entry.companyId, publishedAt: entry.publishedAt, alertId: entry.alertId })
              .set({ acknowledgedAt: ack.at, acknowledgedBy: ack.userId })
              .where((attr, op) => op.notExists(attr.acknowledgedAt))
              .commit(),
            entities.pendingAcknowledgement
              .delete({ companyId: entry.companyId, publishedAt: entry.publishedAt, alertId: entry.alertId })
              .commit(),
            entities.acknowledgementCount
              .upsert({ alertId: ack.alertId, shard: shardOf(entry.companyId) })
              .add({ companies: 1 })
              .commit(),
          ]
        : []),
    ])
    .go();
  if (!outcome.canceled) return true;
  const codes = (outcome.data as ReadonlyArray<{ code: string }>).map((d) => d.code);
  if (codes[0] === 'ConditionalCheckFailed') return false;
  // Another user of the company acknowledged first: record this user's acknowledgement alone.
  if (first && codes[2] === 'ConditionalCheckFailed')
    return acknowledge(ack, { ...entry, acknowledgedAt: ack.at }, audit, attempt);
  if (codes.includes('TransactionConflict') && attempt < CONFLICT_RETRIES) {
    await pause(20 * 2 ** attempt * (0.5 + Math.random()));
    return acknowledge(ack, entry, audit, attempt + 1);
  }
  throw new ServiceUnavailable('The acknowledgement collided with another; try again.');
};

/** How many companies acknowledged the alert: the sum of its counter shards. */
export const acknowledgedCompanies = async (alertId: string): Promise<number> =>
  ((await acknowledgementCount.query.byAlert({ alertId }).go({ pages: 'all' })).data as { companies: number }[]).reduce(
    (n, s) => n + s.companies,
    0,
  );

/** The companies an alert reached (CBP's acknowledgement view). */
export const inboxesOf = (alertId: string, cursor: string | null, limit: number) =>
  page<InboxItem>(() => inboxItem.query.byAlert({ alertId }).go({ cursor, limit, pages: 1 }), cursor);

export const acknowledgementsOf = async (alertId: string, companyId: string): Promise<Acknowledgement[]> =>
  (await acknowledgement.query.byAlert({ alertId, companyId }).go({ pages: 'all' })).data as Acknowledgement[];
