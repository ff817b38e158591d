/**
 * The alert store: cargo security alerts and sanitized intelligence, each alert's fan-out (a
 * work item on the due-date index until every targeted company has it), each company's inbox
 * copy, and each user's acknowledgement.
 *
 * Items:
 *  - the alert at pk `ALERT#<alertId>`, sk `ALERT`; on gsi1 `ALERTS` / `<createdAt>#<alertId>`
 *    (every alert, newest first);
 *  - its fan-out at sk `FANOUT` of the alert's partition; on the due-date index
 *    `FANOUT#<shard>` / `<dueAt>#<alertId>` until it is done, then deleted;
 *  - its acknowledgements at sk `ACK#<companyId>#<userId>`, and the count of companies that
 *    acknowledged at sk `ACKCOUNT#<shard>` (ACK_COUNT_SHARDS items), both in the alert's partition;
 *  - a company's inbox item at pk `COMPANY#<companyId>`, sk `INBOX#<publishedAt>#<alertId>`; on
 *    gsi1 `ALERT#<alertId>#INBOXES` / `COMPANY#<companyId>` (every company the alert reached);
 *  - while a high or critical alert awaits the company's acknowledgement, a copy at sk
 *    `ACK-PENDING#<publishedAt>#<alertId>` of the company's partition, so listing what is
 *    pending never reads the whole inbox.
 */
import { Conflict, ServiceUnavailable } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Delivery } from '../schemas/outbox.ts';
import {
  awaitsAcknowledgement,
  type Acknowledgement,
  type Alert,
  type FanOut,
  type InboxItem,
} from '../schemas/alert-records.ts';
import { auditOp } from './audit-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { assertCommitted } from './transact.ts';
import { dueBefore, dueItems } from './due-index.ts';
import {
  createOp,
  deleteOp,
  eq,
  getItem,
  indexKey,
  key,
  notExists,
  patchOp,
  queryAll,
  queryPage,
  transact,
  updateOp,
  type Page,
  type WriteOp,
} from './table-io.ts';

export type { Acknowledgement, Alert, FanOut, InboxItem };

/** Companies that acknowledged an alert are counted on this many items, so a burst of acknowledgements does not contend for one. */
export const ACK_COUNT_SHARDS = 10;

const alertPartition = (alertId: string) => `ALERT#${alertId}`;
const companyPartition = (companyId: string) => `COMPANY#${companyId}`;

const alertKey = (alertId: string) => key(alertPartition(alertId), 'ALERT');
const fanOutKey = (alertId: string) => key(alertPartition(alertId), 'FANOUT');
const fanOutDueKey = (f: Pick<FanOut, 'shard' | 'dueAt' | 'alertId'>) =>
  indexKey('due', `FANOUT#${f.shard}`, `${f.dueAt}#${f.alertId}`);
type InboxRef = Pick<InboxItem, 'companyId' | 'publishedAt' | 'alertId'>;
const inboxKey = (i: InboxRef) => key(companyPartition(i.companyId), `INBOX#${i.publishedAt}#${i.alertId}`);
const pendingKey = (i: InboxRef) => key(companyPartition(i.companyId), `ACK-PENDING#${i.publishedAt}#${i.alertId}`);
const acknowledgementKey = (alertId: string, companyId: string, userId: string) =>
  key(alertPartition(alertId), `ACK#${companyId}#${userId}`);
const countKey = (alertId: string, shard: number) => key(alertPartition(alertId), `ACKCOUNT#${shard}`);

const alertOp = (a: Alert): WriteOp =>
  createOp({
    ...alertKey(a.alertId),
    ...indexKey('gsi1', 'ALERTS', `${a.createdAt}#${a.alertId}`),
    ...a,
  });

const fanOutOp = (f: FanOut): WriteOp => createOp({ ...fanOutKey(f.alertId), ...fanOutDueKey(f), ...f });

/** What a company's copy of an alert holds, without its acknowledgement. */
const inboxCopy = (i: InboxItem) => ({
  companyId: i.companyId,
  alertId: i.alertId,
  publishedAt: i.publishedAt,
  kind: i.kind,
  title: i.title,
  severity: i.severity,
  ...(i.expiresAt !== undefined ? { expiresAt: i.expiresAt } : {}),
});

const inboxOp = (i: InboxItem): WriteOp =>
  createOp({
    ...inboxKey(i),
    ...indexKey('gsi1', `ALERT#${i.alertId}#INBOXES`, `COMPANY#${i.companyId}`),
    ...i,
  });

const pendingOp = (i: InboxItem): WriteOp => createOp({ ...pendingKey(i), ...inboxCopy(i) });

/** A new alert with its audit record and, when it goes out at once, its fan-out. */
export const create = async (alert: Alert, audit: AuditRecord, fanOut?: FanOut): Promise<void> => {
  const outcome = await transact([alertOp(alert), auditOp(audit), ...(fanOut ? [fanOutOp(fanOut)] : [])]);
  assertCommitted(outcome, () => new Conflict('That alert already exists.'));
};

export const get = (alertId: string): Promise<Alert | null> => getItem<Alert>(alertKey(alertId), { consistent: true });

/** A second CBP person's approval publishes an intelligence bulletin and starts its fan-out. */
export const approve = async (
  alertId: string,
  set: { approvedBy: string; publishedAt: string },
  fanOut: FanOut,
  audit: AuditRecord,
): Promise<void> => {
  const outcome = await transact([
    patchOp(alertKey(alertId), { set: { ...set, status: 'published' } }, eq('status', 'awaiting-approval')),
    fanOutOp(fanOut),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => new Conflict('The bulletin was already approved.', 'already_published'));
};

/** Every alert, newest first (CBP). */
export const list = (cursor: string | null, limit: number): Promise<Page<Alert>> =>
  queryPage<Alert>({ index: 'gsi1', partition: 'ALERTS' }, cursor, limit, { order: 'desc' });

/** Fan-outs with work left, from the due-date index. */
export const dueFanOuts = (now: string): AsyncGenerator<FanOut> =>
  dueItems<FanOut>((shard) => `FANOUT#${shard}`, dueBefore(now));

export const getFanOut = (alertId: string): Promise<FanOut | null> =>
  getItem<FanOut>(fanOutKey(alertId), { consistent: true });

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
  const samePage = eq('pages', item.pages);
  const outcome = await transact([
    ...inbox.map(inboxOp),
    ...pending.map(pendingOp),
    ...deliveries.map(deliveryOp),
    next === 'done'
      ? deleteOp(fanOutKey(item.alertId), samePage)
      : patchOp(
          fanOutKey(item.alertId),
          {
            set: {
              cursor: next.cursor,
              pages: item.pages + 1,
              companies,
              recipients,
              shard: item.shard,
              dueAt: item.dueAt,
              // The due-date index key is rebuilt from the same shard and due time.
              ...fanOutDueKey(item),
            },
          },
          samePage,
        ),
    ...(next === 'done'
      ? [patchOp(alertKey(item.alertId), { set: { companies, recipients, fannedOutAt: finishedAt } })]
      : []),
  ]);
  if (!outcome.canceled) return 'written';
  const codes = outcome.data.map((d) => d.code);
  const position = inbox.length + pending.length + deliveries.length;
  if (codes[position] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) return 'taken';
  throw new Error(
    `The page of alert ${item.alertId}'s fan-out was refused: ${codes.filter((c) => c !== 'None').join(', ')}`,
  );
};

/** A company's inbox, newest first. */
export const inbox = (companyId: string, cursor: string | null, limit: number): Promise<Page<InboxItem>> =>
  queryPage<InboxItem>({ partition: companyPartition(companyId), sort: { beginsWith: 'INBOX#' } }, cursor, limit, {
    order: 'desc',
  });

/** The company's high and critical alerts that nobody in it has acknowledged yet, newest first: only those items are read. */
export const pendingAcknowledgement = (companyId: string): Promise<InboxItem[]> =>
  queryAll<InboxItem>(
    { partition: companyPartition(companyId), sort: { beginsWith: 'ACK-PENDING#' } },
    { order: 'desc' },
  );

export const inboxEntry = (companyId: string, publishedAt: string, alertId: string): Promise<InboxItem | null> =>
  getItem<InboxItem>(inboxKey({ companyId, publishedAt, alertId }), { consistent: true });

export const acknowledgementBy = (
  alertId: string,
  companyId: string,
  userId: string,
): Promise<Acknowledgement | null> =>
  getItem<Acknowledgement>(acknowledgementKey(alertId, companyId, userId), { consistent: true });

/** A company's counter shard, fixed per company so that its one increment lands on one item. */
const counterShard = (companyId: string): number =>
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
  audit: AuditRecord,
  attempt = 0,
): Promise<boolean> => {
  const first = !entry.acknowledgedAt;
  const shard = counterShard(entry.companyId);
  const outcome = await transact([
    createOp({
      ...acknowledgementKey(ack.alertId, ack.companyId, ack.userId),
      ...ack,
    }),
    auditOp(audit),
    ...(first
      ? [
          patchOp(
            inboxKey(entry),
            { set: { acknowledgedAt: ack.at, acknowledgedBy: ack.userId } },
            notExists('acknowledgedAt'),
          ),
          deleteOp(pendingKey(entry)),
          updateOp(countKey(ack.alertId, shard), {
            set: { alertId: ack.alertId, shard },
            add: { companies: 1 },
          }),
        ]
      : []),
  ]);
  if (!outcome.canceled) return true;
  const codes = outcome.data.map((d) => d.code);
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
  (
    await queryAll<{ companies: number }>({ partition: alertPartition(alertId), sort: { beginsWith: 'ACKCOUNT#' } })
  ).reduce((n, s) => n + s.companies, 0);

/** The companies an alert reached (CBP's acknowledgement view). */
export const inboxesOf = (alertId: string, cursor: string | null, limit: number): Promise<Page<InboxItem>> =>
  queryPage<InboxItem>({ index: 'gsi1', partition: `ALERT#${alertId}#INBOXES` }, cursor, limit);

/** The users of one company who acknowledged the alert. */
export const acknowledgementsOf = (alertId: string, companyId: string): Promise<Acknowledgement[]> =>
  queryAll<Acknowledgement>({ partition: alertPartition(alertId), sort: { beginsWith: `ACK#${companyId}#` } });
