/** What the contact routes validate (definitions/routes/contacts.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { Email, MultiLine, SingleLine } from '../common.ts';

/** POST /companies/{companyId}/poc-change: a CBP administrator changes the registered POC email. */
export const ChangePoc = /* @__PURE__ */ schema(() =>
  z.strictObject({
    /** The company version read (a stale one is 409). */
    version: z.number().check(z.int(), z.gte(1)),
    pocEmail: Email,
    /** The new POC's name (default: none, or the name of the company user whose address it is). */
    pocName: z.optional(SingleLine(120)),
    reason: MultiLine(500),
  }),
);
export type ChangePoc = z.infer<typeof ChangePoc>;

/** PUT /companies/{companyId}/secondary-contact: the primary POC names (or replaces) the secondary contact. */
export const SetSecondaryContact = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    name: SingleLine(120),
    email: Email,
  }),
);
export type SetSecondaryContact = z.infer<typeof SetSecondaryContact>;
