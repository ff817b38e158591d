/**
 * Secure messages (DESIGN section 3.9): two-way threads between one company and CBP. Any of the
 * company's users (also of a removed company) or any CBP staff member may start a thread or
 * reply; each side has its own unread count; a new message tells the other side's participants
 * (or, before CBP has written, CBP's program mailbox) that there is one, never what it says.
 */
import type { Deps } from './deps.ts';
import { isStaff, requireCompanyAccess, type Caller } from './caller.ts';
import { auditItem } from '../data/audit-records.ts';
import type { StoredMessage, StoredThread } from '../data/messages.ts';
import { sendSoon } from './outbox.ts';
import { requireExistsIfEmpty } from './companies.ts';
import * as notices from './notices.ts';
import { NotFound } from '../http/errors.ts';
import type { Side, Thread } from '../schemas/messages.ts';

type MessageDeps = Pick<Deps, 'clock' | 'ids' | 'companies' | 'messages' | 'outbox' | 'mailer' | 'programEmail'>;

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

/** Who hears of a new message: the other side's participants, never the author. */
const noticeRecipients = (t: Pick<StoredThread, 'companyParticipants' | 'cbpParticipants'>, authorSide: Side, authorEmail: string, programEmail: string): string[] => {
  const others = authorSide === 'company' ? (t.cbpParticipants ?? []) : (t.companyParticipants ?? []);
  const recipients = others.length ? [...others] : authorSide === 'company' ? [programEmail] : [];
  return recipients.filter((email) => email !== authorEmail);
};

const newMessage = (deps: Pick<Deps, 'ids'>, caller: Caller, companyId: string, threadId: string, body: string, sentAt: string): StoredMessage => ({
  companyId,
  threadId,
  messageId: deps.ids.next(),
  body,
  authorId: caller.userId,
  authorName: caller.name,
  authorSide: sideOf(caller),
  sentAt,
});

export const startThread = async (deps: MessageDeps, caller: Caller, companyId: string, input: { subject: string; body: string }): Promise<Thread> => {
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
    // CBP writing first reaches the company's point of contact; each author joins their side.
    companyParticipants: side === 'company' ? [caller.email] : [company!.pocEmail],
    cbpParticipants: side === 'cbp' ? [caller.email] : [],
  };
  const first = newMessage(deps, caller, companyId, threadId, input.body, now);
  const recipients = noticeRecipients(thread, side, caller.email, deps.programEmail);
  const deliveries = notices.messageNotice(deps.ids, recipients, side, `message:${companyId}:${threadId}`, now);
  const audit = auditItem(caller, { companyId, action: 'thread.started', objectType: 'thread', objectId: threadId, changes: { subject: input.subject, messageId: first.messageId } }, new Date(now), deps.ids.next());
  await deps.messages.start(thread, first, audit, deliveries);
  for (const d of deliveries) await sendSoon(deps, d.deliveryId);
  return view(thread, side);
};

const found = async (deps: Pick<Deps, 'messages'>, companyId: string, threadId: string): Promise<StoredThread> => {
  const thread = await deps.messages.get(companyId, threadId);
  if (!thread) throw new NotFound('No such thread.');
  return thread;
};

export const post = async (deps: MessageDeps, caller: Caller, companyId: string, threadId: string, input: { body: string }): Promise<StoredMessage> => {
  requireCompanyAccess(caller, companyId);
  const thread = await found(deps, companyId, threadId);
  const side = sideOf(caller);
  const now = deps.clock.now().toISOString();
  const msg = newMessage(deps, caller, companyId, threadId, input.body, now);
  const deliveries = notices.messageNotice(deps.ids, noticeRecipients(thread, side, caller.email, deps.programEmail), side, `message:${companyId}:${threadId}`, now);
  const audit = auditItem(caller, { companyId, action: 'message.posted', objectType: 'thread', objectId: threadId, changes: { messageId: msg.messageId } }, new Date(now), deps.ids.next());
  await deps.messages.post(companyId, threadId, msg, caller.email, audit, deliveries);
  for (const d of deliveries) await sendSoon(deps, d.deliveryId);
  return msg;
};

export const listThreads = async (deps: Pick<Deps, 'messages' | 'companies'>, caller: Caller, companyId: string, cursor: string | null, limit: number) => {
  requireCompanyAccess(caller, companyId);
  const page = await deps.messages.list(companyId, cursor, limit);
  await requireExistsIfEmpty(deps, companyId, page.items.length === 0 && !cursor);
  return { items: page.items.map((t) => view(t, sideOf(caller))), nextCursor: page.cursor };
};

/** A page of the thread's messages; reading it marks the thread read for the caller's side. */
export const listMessages = async (deps: Pick<Deps, 'messages'>, caller: Caller, companyId: string, threadId: string, cursor: string | null, limit: number) => {
  requireCompanyAccess(caller, companyId);
  const side = sideOf(caller);
  const [thread, page] = await Promise.all([found(deps, companyId, threadId), deps.messages.messages(companyId, threadId, cursor, limit)]);
  const unread = side === 'company' ? thread.unreadCompany : thread.unreadCbp;
  if (unread > 0) await deps.messages.markRead(companyId, threadId, side);
  return { thread: { ...view(thread, side), unread: 0 }, items: page.items.map(({ companyId: _c, ...m }) => m), nextCursor: page.cursor };
};
