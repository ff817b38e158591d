/** What the sharing, partner-view and audit-trail routes validate (definitions/routes/sharing.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { FOREIGN_PROGRAMS, SCOPES } from '../../definitions/sharing-terms.ts';
import { IsoDate, IsoDateTime, MultiLine } from '../common.ts';
import { Id } from '../id.ts';

export const Scope = /* @__PURE__ */ schema(() => z.enum(SCOPES));
export type Scope = z.infer<typeof Scope>;

export const ForeignProgram = /* @__PURE__ */ schema(() =>
  z.enum(Object.keys(FOREIGN_PROGRAMS) as [keyof typeof FOREIGN_PROGRAMS, ...(keyof typeof FOREIGN_PROGRAMS)[]]),
);

/** Who a grant is for: another participant company, or a foreign customs program. */
export const Grantee = /* @__PURE__ */ schema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('company'), companyId: Id }),
    z.strictObject({ type: z.literal('program'), program: ForeignProgram }),
  ]),
);
export type Grantee = z.infer<typeof Grantee>;

/** A grant ends at the end of its expiry day (UTC), at most two years ahead. */
export const CreateGrant = /* @__PURE__ */ schema(() =>
  z.strictObject({ grantee: Grantee, scope: Scope, expiresOn: IsoDate }),
);
export type CreateGrant = z.infer<typeof CreateGrant>;

/** A company asks another for a grant. */
export const RequestGrant = /* @__PURE__ */ schema(() =>
  z.strictObject({ scope: Scope, message: z.optional(MultiLine(1000)) }),
);
export const GrantRequestQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    direction: z._default(z.enum(['incoming', 'outgoing']), 'incoming'),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  }),
);
export const DecideGrantRequest = /* @__PURE__ */ schema(() =>
  z.discriminatedUnion('decision', [
    z.strictObject({ decision: z.literal('accept'), expiresOn: IsoDate }),
    z.strictObject({ decision: z.literal('decline') }),
  ]),
);

/** A company's trail, newest first: optionally one action, and a time window (UTC). */
export const AuditQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    action: z.optional(
      z.string().check(z.regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, { message: 'must be an action like profile.saved' })),
    ),
    from: z.optional(IsoDateTime),
    to: z.optional(IsoDateTime),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  }),
);
/** CBP's trail of the whole portal, one UTC day at a time (default today). */
export const PortalAuditQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    day: z.optional(IsoDate),
    action: AuditQuery.shape.action,
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  }),
);

/** A partner may ask for less than its grant covers. */
export const PartnerQuery = /* @__PURE__ */ schema(() => z.strictObject({ scope: z.optional(Scope) }));
