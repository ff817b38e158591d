import { message as messageEntity, portal, thread as threadEntity } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { page } from './pages.ts';
import { Conflict } from '../errors.ts';
import type { Delivery } from './delivery-records.ts';
import type { ThreadMessage, Side } from '../schemas/messages.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

/** A thread as stored: counters per side and each side's participants. */
export interface StoredThread {
  readonly companyId: string;
  readonly threadId: string;
  readonly subject: string;
  readonly startedBy: string;
  readonly startedBySide: Side;
  readonly startedAt: string;
  readonly lastMessageAt: string;
  readonly messageCount: number;
  readonly unreadCompany: number;
  readonly unreadCbp: number;
  readonly companyParticipants?: readonly string[];
  readonly cbpParticipants?: readonly string[];
}

export type StoredMessage = ThreadMessage & { readonly companyId: string; readonly authorId: string };

const UNREAD = { company: 'unreadCompany', cbp: 'unreadCbp' } as const;
const PARTICIPANTS = { company: 'companyParticipants', cbp: 'cbpParticipants' } as const;
const other = (side: Side): Side => (side === 'company' ? 'cbp' : 'company');

/** DynamoDB stores no empty set: a side with no participants yet has none. */
const storedThread = ({ companyParticipants = [], cbpParticipants = [], ...rest }: StoredThread) => ({
  ...rest,
  ...(companyParticipants.length ? { companyParticipants: [...companyParticipants] } : {}),
  ...(cbpParticipants.length ? { cbpParticipants: [...cbpParticipants] } : {}),
});

/** A new thread with its first message, the audit record and the notice, together. */
export const start = async (
  thread: StoredThread,
  first: StoredMessage,
  audit: AuditAttributes,
  deliveries: readonly Delivery[],
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.thread.create(storedThread(thread)).commit(),
      entities.message.create(first).commit(),
      entities.audit.create(audit).commit(),
      ...deliveries.map((d) => entities.delivery.create(d).commit()),
    ])
    .go();
  assertCommitted(outcome, () => new Conflict('That thread already exists.'));
};

/**
 * A reply: the message, the thread's counters (the other side has one more unread), the
 * author among the participants, the audit record and the notice, together.
 */
export const post = async (
  companyId: string,
  threadId: string,
  msg: StoredMessage,
  authorEmail: string,
  audit: AuditAttributes,
  deliveries: readonly Delivery[],
): Promise<void> => {
  const side = msg.authorSide;
  const outcome = await portal.transaction
    .write((entities) => [
      entities.thread
        .patch({ companyId, threadId })
        .set({ lastMessageAt: msg.sentAt })
        .add({ messageCount: 1, [UNREAD[other(side)]]: 1, [PARTICIPANTS[side]]: [authorEmail] })
        .commit(),
      entities.message.create(msg).commit(),
      entities.audit.create(audit).commit(),
      ...deliveries.map((d) => entities.delivery.create(d).commit()),
    ])
    .go();
  // Threads are never deleted and the domain read this one: only an id collision can fail here.
  assertCommitted(outcome, () => new Conflict('The thread changed while you wrote; try again.', 'concurrent_change'));
};

export const get = async (companyId: string, threadId: string): Promise<StoredThread | null> =>
  ((await threadEntity.get({ companyId, threadId }).go({ consistent: true })).data as StoredThread | null) ?? null;

/**
 * A read marker: the side has read the `seen` messages it was shown as unread. A reply that
 * arrives meanwhile stays unread (the count goes down by what was seen, never to zero blindly);
 * a concurrent read that already took them off leaves the count alone. Not audited (it changes
 * no record of substance).
 */
export const markRead = async (companyId: string, threadId: string, side: Side, seen: number): Promise<void> => {
  try {
    await threadEntity
      .patch({ companyId, threadId })
      .add({ [UNREAD[side]]: -seen })
      .where((attr, op) => op.gte(attr[UNREAD[side]], seen))
      .go();
  } catch (error) {
    if ((error as { cause?: { name?: string } }).cause?.name !== 'ConditionalCheckFailedException') throw error;
  }
};

/** A company's threads, most recent activity first. */
export const list = (companyId: string, cursor: string | null, limit: number) =>
  page<StoredThread>(
    () => threadEntity.query.byActivity({ companyId }).go({ cursor, limit, pages: 1, order: 'desc' }),
    cursor,
  );

/** A thread's messages, oldest first (the order a conversation is read in). */
export const messages = (companyId: string, threadId: string, cursor: string | null, limit: number) =>
  page<StoredMessage>(
    () => messageEntity.query.byThread({ companyId, threadId }).go({ cursor, limit, pages: 1 }),
    cursor,
  );
