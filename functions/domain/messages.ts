/**
 * Secure messages (DESIGN section 3.9): two-way threads between one company and CBP. Any of the
 * company's users (also of a removed company) or any CBP staff member may start a thread or
 * reply; each side has its own unread count; a new message tells the other side's participants
 * (or, before CBP has written, CBP's program mailbox in a digest per company and window) that
 * there is one, never what it says. Each user and company may write only so many (limits.ts).
 */
import type { Clock, Ids } from './clock.ts';
import { isStaff, requireCompanyAccess, type Caller } from './caller.ts';
import { messageFor, readerOf, threadFor } from './disclosure.ts';
import { auditItem } from './audit.ts';
import { requireExistsIfEmpty } from './companies.ts';
import * as notices from './notices.ts';
import { enforceLimit } from './limits.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Delivery } from '../schemas/outbox.ts';
import type { Company } from '../schemas/company.ts';
import { Conflict, KeyReused, NotFound, ServiceUnavailable } from '../errors.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { PROGRAM_DIGEST_SECONDS } from '../definitions/limits.ts';
import type { Side, StoredMessage, StoredThread, Thread } from '../schemas/messages.ts';

/** One page of a list, and where the next starts (null on the last). */
interface Page<T> {
  readonly items: T[];
  readonly cursor: string | null;
}

/** What `requireExistsIfEmpty` (companies.ts) reads. */
type CompanyCheck = Parameters<typeof requireExistsIfEmpty>[0];

/** Threads and their messages. */
export interface ThreadStore {
  /** A new thread with its first message, its audit record and notices, all or nothing (a 409 if the thread exists). */
  start(thread: StoredThread, first: StoredMessage, audit: AuditRecord, deliveries: readonly Delivery[]): Promise<void>;
  /** A reply, with the thread's counters and participants, its audit record and notices, all or nothing. */
  post(
    companyId: string,
    threadId: string,
    message: StoredMessage,
    authorEmail: string,
    audit: AuditRecord,
    deliveries: readonly Delivery[],
  ): Promise<void>;
  get(companyId: string, threadId: string): Promise<StoredThread | null>;
  /** The message with this id, whenever it was written; null when none has it. */
  findMessage(companyId: string, threadId: string, messageId: string): Promise<StoredMessage | null>;
  /** Takes `seen` off the side's unread count, unless a concurrent read already did. */
  markRead(companyId: string, threadId: string, side: Side, seen: number): Promise<void>;
  /** Most recent activity first. */
  list(companyId: string, cursor: string | null, limit: number): Promise<Page<StoredThread>>;
  /** Oldest first. */
  messages(companyId: string, threadId: string, cursor: string | null, limit: number): Promise<Page<StoredMessage>>;
}

/** Who a participant's email belongs to now, and whether that account is still active. */
export interface MemberDirectory {
  getClaim(email: string): Promise<{ readonly companyId: string; readonly userId?: string } | null>;
  get(companyId: string, userId: string): Promise<{ readonly status: string } | null>;
}

export interface CompanyDirectory {
  get(companyId: string): Promise<Company | null>;
}

/** The outbox, asked whether a digest of this window is already queued. */
export interface QueuedDeliveries {
  get(deliveryId: string): Promise<Delivery | null>;
}

/** What counting a thread or message against the abuse limits needs (limits.ts). */
type Limiting = Parameters<typeof enforceLimit>[0];

/** What writing a message needs. */
export type MessageDeps = {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: CompanyDirectory;
  readonly members: MemberDirectory;
  readonly threads: ThreadStore;
  readonly outbox: QueuedDeliveries;
  /** CBP's C-TPAT program mailbox: hears in a digest of a company's message when nobody active at CBP takes part. */
  readonly programEmail: string;
} & Limiting;

const sideOf = (caller: Caller): Side => (isStaff(caller) ? 'cbp' : 'company');

/** The thread as the caller's side sees it: its own unread count. */
const view = (t: StoredThread, side: Side): Thread => ({
  threadId: t.threadId,
  companyId: t.companyId,
  subject: t.subject,
  startedBy: t.startedBy,
  startedBySide: t.startedBySide,
  startedAt: t.startedAt,
  lastMessageAt: t.lastMessageAt,
  messageCount: t.messageCount,
  unread: side === 'company' ? t.unreadCompany : t.unreadCbp,
});

/** The participants whose accounts on their side are still active: somebody disabled, removed, or gone to another company hears no more. */
const stillActive = async (
  deps: { readonly members: MemberDirectory },
  emails: readonly string[],
  sideCompanyId: string,
): Promise<string[]> => {
  const checked = await Promise.all(
    emails.map(async (email) => {
      const claim = await deps.members.getClaim(email);
      if (claim?.companyId !== sideCompanyId || !claim.userId) return null;
      return (await deps.members.get(sideCompanyId, claim.userId))?.status === 'active' ? email : null;
    }),
  );
  return checked.filter((email): email is string => email !== null);
};

/**
 * Who hears of a new message: the other side's participants who are still active, never the
 * author. When none is left, the company's current point of contact (CBP writing) or CBP's
 * program mailbox (the company writing, answered `program-mailbox`: it hears in a digest).
 */
const noticeRecipients = async (
  deps: { readonly members: MemberDirectory; readonly companies: CompanyDirectory },
  t: Pick<StoredThread, 'companyId' | 'companyParticipants' | 'cbpParticipants'>,
  authorSide: Side,
  authorEmail: string,
): Promise<string[] | 'program-mailbox'> => {
  const others = authorSide === 'company' ? (t.cbpParticipants ?? []) : (t.companyParticipants ?? []);
  const active = await stillActive(deps, others, authorSide === 'company' ? CBP_COMPANY_ID : t.companyId);
  if (active.length === 0 && authorSide === 'company') return 'program-mailbox';
  const recipients = active.length
    ? active
    : [(await deps.companies.get(t.companyId))?.pocEmail].filter((e): e is string => Boolean(e));
  return recipients.filter((email) => email !== authorEmail);
};

/**
 * The notices of one message: to each recipient at once, or the company's digest to the program
 * mailbox for this window, unless an earlier message of the window already opened it.
 */
const noticesOf = async (
  deps: MessageDeps,
  caller: Caller,
  companyId: string,
  recipients: string[] | 'program-mailbox',
  side: Side,
  reason: string,
  now: Date,
): Promise<Delivery[]> => {
  if (recipients !== 'program-mailbox')
    return notices.messageNotice(deps.ids, recipients, side, reason, now.toISOString());
  const window = notices.digestWindow(now, PROGRAM_DIGEST_SECONDS);
  if (await deps.outbox.get(notices.digestId(companyId, window))) return [];
  const company =
    caller.prefetched?.companyId === companyId ? caller.prefetched.record : await deps.companies.get(companyId);
  return company ? [notices.messageDigest(deps.programEmail, company, window, now.toISOString())] : [];
};

/**
 * Writes a message with its notices. When the transaction fails because another message of the
 * company opened this window's digest a moment before, the digest already covers this message:
 * the write is made again without one (nothing of the first attempt was stored).
 */
const writeWithNotices = async (
  build: () => Promise<Delivery[]>,
  write: (deliveries: Delivery[]) => Promise<void>,
): Promise<Delivery[]> => {
  const deliveries = await build();
  try {
    await write(deliveries);
    return deliveries;
  } catch (error) {
    // A condition failed, or the other transaction held the digest at that moment.
    if (!(error instanceof Conflict || error instanceof ServiceUnavailable) || !deliveries.some(notices.isDigest))
      throw error;
    const again = await build();
    await write(again);
    return again;
  }
};

const newMessage = (
  deps: { readonly ids: Ids },
  caller: Caller,
  companyId: string,
  threadId: string,
  body: string,
  sentAt: string,
): StoredMessage => ({
  companyId,
  threadId,
  messageId: deps.ids.next(),
  body,
  authorId: caller.userId,
  authorName: caller.name,
  authorSide: sideOf(caller),
  sentAt,
});

export const startThread = async (
  deps: MessageDeps,
  caller: Caller,
  companyId: string,
  input: { subject: string; body: string },
): Promise<Thread> => {
  requireCompanyAccess(caller, companyId);
  const side = sideOf(caller);
  const company = side === 'cbp' ? await deps.companies.get(companyId) : undefined;
  if (side === 'cbp' && !company) throw new NotFound('No such company.');
  const now = deps.clock.now().toISOString();
  const threadId = deps.ids.next();
  const thread: StoredThread = {
    companyId,
    threadId,
    subject: input.subject,
    startedBy: caller.userId,
    startedBySide: side,
    startedAt: now,
    lastMessageAt: now,
    messageCount: 1,
    unreadCompany: side === 'cbp' ? 1 : 0,
    unreadCbp: side === 'company' ? 1 : 0,
    // Each author joins their side; CBP writing first reaches the company's point of contact.
    companyParticipants: side === 'company' ? [caller.email] : [],
    cbpParticipants: side === 'cbp' ? [caller.email] : [],
  };
  await enforceLimit(deps, caller, 'thread');
  const first = newMessage(deps, caller, companyId, threadId, input.body, now);
  const recipients = await noticeRecipients(deps, thread, side, caller.email);
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'thread.started',
      objectType: 'thread',
      objectId: threadId,
      changes: { subject: input.subject, messageId: first.messageId },
    },
    new Date(now),
    deps.ids.next(),
  );
  try {
    await writeWithNotices(
      () => noticesOf(deps, caller, companyId, recipients, side, `message:${companyId}:${threadId}`, new Date(now)),
      (d) => deps.threads.start(thread, first, audit, d),
    );
  } catch (error) {
    const earlier = error instanceof Conflict ? await deps.threads.get(companyId, threadId) : null;
    if (!earlier || earlier.startedBy !== caller.userId) throw error;
    // Ids derived from an Idempotency-Key: an earlier run of this same request started the thread.
    if (earlier.subject !== input.subject) throw new KeyReused();
    return threadFor(readerOf(caller))(view(earlier, side));
  }
  return threadFor(readerOf(caller))(view(thread, side));
};

const found = async (
  deps: { readonly threads: Pick<ThreadStore, 'get'> },
  companyId: string,
  threadId: string,
): Promise<StoredThread> => {
  const thread = await deps.threads.get(companyId, threadId);
  if (!thread) throw new NotFound('No such thread.');
  return thread;
};

export const post = async (
  deps: MessageDeps,
  caller: Caller,
  companyId: string,
  threadId: string,
  input: { body: string },
): Promise<StoredMessage> => {
  requireCompanyAccess(caller, companyId);
  const thread = await found(deps, companyId, threadId);
  const side = sideOf(caller);
  await enforceLimit(deps, caller, 'message');
  const now = deps.clock.now().toISOString();
  const msg = newMessage(deps, caller, companyId, threadId, input.body, now);
  const recipients = await noticeRecipients(deps, thread, side, caller.email);
  const audit = auditItem(
    caller,
    {
      companyId,
      action: 'message.posted',
      objectType: 'thread',
      objectId: threadId,
      changes: { messageId: msg.messageId },
    },
    new Date(now),
    deps.ids.next(),
  );
  try {
    await writeWithNotices(
      () => noticesOf(deps, caller, companyId, recipients, side, `message:${companyId}:${threadId}`, new Date(now)),
      (d) => deps.threads.post(companyId, threadId, msg, caller.email, audit, d),
    );
  } catch (error) {
    const earlier =
      error instanceof Conflict ? await deps.threads.findMessage(companyId, threadId, msg.messageId) : null;
    if (!earlier || earlier.authorId !== caller.userId) throw error;
    // Ids derived from an Idempotency-Key: an earlier run of this same request wrote the message.
    if (earlier.body !== input.body) throw new KeyReused();
    return earlier;
  }
  return msg;
};

export const listThreads = async (
  deps: { readonly threads: Pick<ThreadStore, 'list'> } & CompanyCheck,
  caller: Caller,
  companyId: string,
  cursor: string | null,
  limit: number,
) => {
  requireCompanyAccess(caller, companyId);
  const page = await deps.threads.list(companyId, cursor, limit);
  await requireExistsIfEmpty(deps, companyId, page.items.length === 0 && !cursor);
  return {
    items: page.items.map((t) => threadFor(readerOf(caller))(view(t, sideOf(caller)))),
    nextCursor: page.cursor,
  };
};

/** A page of the thread's messages, oldest first; reading the last page (the newest messages) marks them read for the caller's side. */
export const listMessages = async (
  deps: { readonly threads: Pick<ThreadStore, 'get' | 'messages' | 'markRead'> },
  caller: Caller,
  companyId: string,
  threadId: string,
  cursor: string | null,
  limit: number,
) => {
  requireCompanyAccess(caller, companyId);
  const side = sideOf(caller);
  // The thread first: every message its unread count includes is then on the pages read after it.
  const thread = await found(deps, companyId, threadId);
  const page = await deps.threads.messages(companyId, threadId, cursor, limit);
  const unread = side === 'company' ? thread.unreadCompany : thread.unreadCbp;
  const readToEnd = page.cursor === null;
  if (unread > 0 && readToEnd) await deps.threads.markRead(companyId, threadId, side, unread);
  const reader = readerOf(caller);
  return {
    thread: threadFor(reader)({ ...view(thread, side), unread: readToEnd ? 0 : unread }),
    items: page.items.map(({ companyId: _c, ...m }) => messageFor(reader, companyId)(m)),
    nextCursor: page.cursor,
  };
};
