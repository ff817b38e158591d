/** What the sharing, partner-view and audit-trail routes validate (definitions/routes/sharing.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { FOREIGN_PROGRAMS, SCOPES } from '../../definitions/sharing-terms.ts';
import { IsoDate, IsoDateTime, MultiLine } from '../common.ts';
import { Id } from '../id.ts';
import { SviCode } from '../svi-code.ts';

export const Scope = /* @__PURE__ */ schema(() => z.enum(SCOPES));
export type Scope = z.infer<typeof Scope>;

export const ForeignProgram = /* @__PURE__ */ schema(() =>
  z.enum(Object.keys(FOREIGN_PROGRAMS) as [keyof typeof FOREIGN_PROGRAMS, ...(keyof typeof FOREIGN_PROGRAMS)[]]),
);

/**
 * Who a grant is for: another participant company, named by the status-verification code it
 * handed over (`code`; the web portal asks for nothing else) or by its id, or a foreign customs
 * program.
 */
export const Grantee = /* @__PURE__ */ schema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('company'), code: z.optional(SviCode), companyId: z.optional(Id) }).check(
      z.superRefine((g, ctx) => {
        if ((g.code === undefined) === (g.companyId === undefined))
          ctx.addIssue({
            code: 'custom',
            path: ['code'],
            message: "must be given: the partner company's status-verification code (or its companyId, not both)",
          });
      }),
    ),
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
/** A company asks another, named by the status-verification code it handed over, for a grant. */
export const RequestGrantByCode = /* @__PURE__ */ schema(() =>
  z.strictObject({ partnerCode: SviCode, scope: Scope, message: z.optional(MultiLine(1000)) }),
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
/** The filters CBP's trail of the whole portal and its CSV share: one UTC day (default today). */
const portalAuditFilters = () => ({
  day: z.optional(IsoDate),
  action: AuditQuery.shape.action,
  /** Only records about companies whose legal name has this part (any case), or with this whole code or id. */
  company: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  /** Newest first (the default) or oldest first. */
  order: z.optional(z.enum(['newest', 'oldest'], { message: 'must be newest or oldest' })),
});

/** CBP's trail of the whole portal, one UTC day at a time, a page at a time. */
export const PortalAuditQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    ...portalAuditFilters(),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  }),
);

/** CBP's trail of one day as a CSV file: the same filters, every matching record. */
export const PortalAuditCsvQuery = /* @__PURE__ */ schema(() => z.strictObject(portalAuditFilters()));

/** A partner may ask for less than its grant covers. */
export const PartnerQuery = /* @__PURE__ */ schema(() => z.strictObject({ scope: z.optional(Scope) }));
