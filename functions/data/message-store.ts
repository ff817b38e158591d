/**
 * The store of secure message threads between a company and CBP. Both threads and messages sit
 * under keys that lead with the company, so a company's messages are isolated like the rest of
 * its data.
 *
 * Items: a thread at pk `COMPANY#<companyId>`, sk `THREAD#<threadId>`, on gsi1
 * `COMPANY#<companyId>#THREADS` / `<lastMessageAt>#<threadId>` (a company's threads by latest
 * activity); a message at pk `COMPANY#<companyId>#THREAD#<threadId>`, sk
 * `MESSAGE#<sentAt>#<messageId>`, and beside it, at sk `POSTED#<messageId>`, its id's claim: the
 * message's key leads with the time it was written, so only the claim lets a re-run of the same
 * post (the same Idempotency-Key derives the same id; decision 69) meet the message it wrote. Each
 * side's participants are a string set (absent while empty: DynamoDB stores no empty set).
 */
import type { StoredMessage, StoredThread, Side } from '../schemas/messages.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Delivery } from '../schemas/outbox.ts';
import { Conflict } from '../errors.ts';
import { auditOp } from './audit-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { assertCommitted } from './transact.ts';
import {
  createOp,
  getItem,
  gte,
  indexKey,
  isConditionFailure,
  key,
  patchOp,
  queryPage,
  transact,
  write,
  type Item,
  type Page,
} from './table-io.ts';

export type { StoredMessage, StoredThread };

const UNREAD = { company: 'unreadCompany', cbp: 'unreadCbp' } as const;
const PARTICIPANTS = { company: 'companyParticipants', cbp: 'cbpParticipants' } as const;
const other = (side: Side): Side => (side === 'company' ? 'cbp' : 'company');

const threadKey = (companyId: string, threadId: string) => key(`COMPANY#${companyId}`, `THREAD#${threadId}`);
const activityKey = (companyId: string, lastMessageAt: string, threadId: string) =>
  indexKey('gsi1', `COMPANY#${companyId}#THREADS`, `${lastMessageAt}#${threadId}`);
const messagePartition = (companyId: string, threadId: string) => `COMPANY#${companyId}#THREAD#${threadId}`;
const messageKey = (m: Pick<StoredMessage, 'companyId' | 'threadId' | 'sentAt' | 'messageId'>) =>
  key(messagePartition(m.companyId, m.threadId), `MESSAGE#${m.sentAt}#${m.messageId}`);
const claimKey = (companyId: string, threadId: string, messageId: string) =>
  key(messagePartition(companyId, threadId), `POSTED#${messageId}`);

/**
 * Members to add to string-set attributes with DynamoDB's ADD. table-io's `add` is typed for
 * numbers only; table-io marshals a JS Set of strings as a string set, so the value passes through.
 */
const setMembers = (members: Record<string, readonly string[]>): Record<string, number> =>
  Object.fromEntries(Object.entries(members).map(([path, values]) => [path, new Set(values)])) as never;

/** The thread item: each side's participants as a string set, left out while empty. */
const threadItem = ({ companyParticipants = [], cbpParticipants = [], ...rest }: StoredThread): Item => ({
  ...threadKey(rest.companyId, rest.threadId),
  ...activityKey(rest.companyId, rest.lastMessageAt, rest.threadId),
  ...rest,
  ...(companyParticipants.length ? { companyParticipants: new Set(companyParticipants) } : {}),
  ...(cbpParticipants.length ? { cbpParticipants: new Set(cbpParticipants) } : {}),
});

/** A thread as read: the string sets back as lists. */
const asThread = (item: Item): StoredThread => {
  const { companyParticipants, cbpParticipants, ...rest } = item;
  return {
    ...(rest as unknown as StoredThread),
    ...(companyParticipants ? { companyParticipants: [...(companyParticipants as Set<string>)] } : {}),
    ...(cbpParticipants ? { cbpParticipants: [...(cbpParticipants as Set<string>)] } : {}),
  };
};

const messageItem = (m: StoredMessage): Item => ({ ...messageKey(m), ...m });

/** A new thread with its first message, the audit record and the notice, together. */
export const start = async (
  thread: StoredThread,
  first: StoredMessage,
  audit: AuditRecord,
  deliveries: readonly Delivery[],
): Promise<void> => {
  const outcome = await transact([
    createOp(threadItem(thread)),
    createOp(messageItem(first)),
    auditOp(audit),
    ...deliveries.map(deliveryOp),
  ]);
  assertCommitted(outcome, () => new Conflict('That thread already exists.'));
};

/**
 * A reply: the message, the thread's counters (the other side has one more unread) and its place
 * in the list by activity, the author among the participants, the audit record and the notice,
 * together.
 */
export const post = async (
  companyId: string,
  threadId: string,
  msg: StoredMessage,
  authorEmail: string,
  audit: AuditRecord,
  deliveries: readonly Delivery[],
): Promise<void> => {
  const side = msg.authorSide;
  const outcome = await transact([
    patchOp(threadKey(companyId, threadId), {
      set: { lastMessageAt: msg.sentAt, ...activityKey(companyId, msg.sentAt, threadId) },
      add: { messageCount: 1, [UNREAD[other(side)]]: 1, ...setMembers({ [PARTICIPANTS[side]]: [authorEmail] }) },
    }),
    createOp(messageItem(msg)),
    createOp({ ...claimKey(companyId, threadId, msg.messageId), sentAt: msg.sentAt }),
    auditOp(audit),
    ...deliveries.map(deliveryOp),
  ]);
  // Threads are never deleted and the domain read this one: only an id already used can fail here.
  assertCommitted(outcome, () => new Conflict('The thread changed while you wrote; try again.', 'concurrent_change'));
};

/** The message with this id, through its claim; null when no message has it. */
export const findMessage = async (
  companyId: string,
  threadId: string,
  messageId: string,
): Promise<StoredMessage | null> => {
  const claim = await getItem<{ sentAt: string }>(claimKey(companyId, threadId, messageId), { consistent: true });
  if (!claim) return null;
  return getItem<StoredMessage>(messageKey({ companyId, threadId, messageId, sentAt: claim.sentAt }), {
    consistent: true,
  });
};

export const get = async (companyId: string, threadId: string): Promise<StoredThread | null> => {
  const item = await getItem<Item>(threadKey(companyId, threadId), { consistent: true });
  return item ? asThread(item) : null;
};

/**
 * A read marker: the side has read the `seen` messages it was shown as unread. A reply that
 * arrives meanwhile stays unread (the count goes down by what was seen, never to zero blindly);
 * a concurrent read that already took them off leaves the count alone. Not audited (it changes
 * no record of substance).
 */
export const markRead = async (companyId: string, threadId: string, side: Side, seen: number): Promise<void> => {
  try {
    await write(patchOp(threadKey(companyId, threadId), { add: { [UNREAD[side]]: -seen } }, gte(UNREAD[side], seen)));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

/** A company's threads, most recent activity first. */
export const list = async (companyId: string, cursor: string | null, limit: number): Promise<Page<StoredThread>> => {
  const page = await queryPage<Item>({ index: 'gsi1', partition: `COMPANY#${companyId}#THREADS` }, cursor, limit, {
    order: 'desc',
  });
  return { items: page.items.map(asThread), cursor: page.cursor };
};

/** A thread's messages, oldest first (the order a conversation is read in). */
export const messages = (
  companyId: string,
  threadId: string,
  cursor: string | null,
  limit: number,
): Promise<Page<StoredMessage>> =>
  queryPage<StoredMessage>(
    { partition: messagePartition(companyId, threadId), sort: { beginsWith: 'MESSAGE#' } },
    cursor,
    limit,
  );
