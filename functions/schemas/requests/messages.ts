/** What the message routes validate (definitions/routes/messages.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { MultiLine, SingleLine } from '../common.ts';

/** A message body: plain text, kept in the portal; no email ever carries it. */
export const MessageBody = /* @__PURE__ */ schema(() => MultiLine(10_000));

export const StartThread = /* @__PURE__ */ schema(() =>
  z.strictObject({ subject: SingleLine(200), body: MessageBody }),
);
export const PostMessage = /* @__PURE__ */ schema(() => z.strictObject({ body: MessageBody }));
