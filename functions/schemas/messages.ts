import * as z from 'zod/v4';
import { IsoDateTime } from './common.ts';

/** Which side of a thread a person writes for: the company, or CBP. */
export const Side = z.enum(['company', 'cbp']);
export type Side = z.infer<typeof Side>;

export const Thread = z.object({
  threadId: z.string(),
  companyId: z.string(),
  subject: z.string(),
  /** Shown within the side that started it (and to CBP). */
  startedBy: z.string().optional(),
  startedBySide: Side,
  startedAt: IsoDateTime,
  lastMessageAt: IsoDateTime,
  messageCount: z.number().int(),
  /** Messages the caller's side has not read yet. */
  unread: z.number().int(),
});
export type Thread = z.infer<typeof Thread>;
export const ThreadPage = z.object({ items: z.array(Thread), nextCursor: z.string().nullable() });

export const ThreadMessage = z.object({
  messageId: z.string(),
  threadId: z.string(),
  body: z.string(),
  /** Shown within the author's side (and to CBP). */
  authorId: z.string().optional(),
  authorName: z.string(),
  authorSide: Side,
  sentAt: IsoDateTime,
});
export type ThreadMessage = z.infer<typeof ThreadMessage>;
export const MessagePage = z.object({
  thread: Thread,
  items: z.array(ThreadMessage),
  nextCursor: z.string().nullable(),
});

/** A thread as stored: counters per side, and who on each side wrote in it (they hear of new messages). */
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
  /** Emails of the people on each side who wrote in the thread. */
  readonly companyParticipants?: readonly string[];
  readonly cbpParticipants?: readonly string[];
}

/** A message as stored: immutable once posted. */
export type StoredMessage = ThreadMessage & { readonly companyId: string; readonly authorId: string };
