/** What the message routes validate (definitions/routes/messages.ts). */
import * as z from 'zod/v4';
import { MultiLine, SingleLine } from '../common.ts';

/** A message body: plain text, kept in the portal; no email ever carries it. */
export const MessageBody = MultiLine(10_000);

export const StartThread = z.strictObject({ subject: SingleLine(200), body: MessageBody });
export const PostMessage = z.strictObject({ body: MessageBody });
