/**
 * Confidentiality (DESIGN section 3, items 10 and 11): what a company shares with whom, the
 * requests for it, what a partner sees through it, the audit trail and the export.
 */
import * as z from 'zod/v4';
import { Id, IsoDateTime, MultiLine } from './common.ts';
import { IsoDate } from './deadlines.ts';
import { CategoryId, CompanyStatus } from './company.ts';
import { Completeness, ProfileVersion } from './profile.ts';
import { FOREIGN_PROGRAMS, SCOPES } from '../definitions/sharing-terms.ts';

export { FOREIGN_PROGRAMS, SCOPES };

export const Scope = z.enum(SCOPES);
export type Scope = z.infer<typeof Scope>;

export const ForeignProgram = z.enum(
  Object.keys(FOREIGN_PROGRAMS) as [keyof typeof FOREIGN_PROGRAMS, ...(keyof typeof FOREIGN_PROGRAMS)[]],
);

/** Who a grant is for: another participant company, or a foreign customs program. */
export const Grantee = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('company'), companyId: Id }),
  z.strictObject({ type: z.literal('program'), program: ForeignProgram }),
]);
export type Grantee = z.infer<typeof Grantee>;

/** A grant ends at the end of its expiry day (UTC), at most two years ahead. */
export const CreateGrant = z.strictObject({ grantee: Grantee, scope: Scope, expiresOn: IsoDate });
export type CreateGrant = z.infer<typeof CreateGrant>;

export const Grant = z.object({
  grantId: z.string(),
  ownerCompanyId: z.string(),
  ownerLegalName: z.string(),
  grantee: Grantee,
  /** Absent when the reader may not know the grantee company's name (it has not shared with them or asked them). */
  granteeName: z.string().optional(),
  scope: Scope,
  expiresOn: IsoDate,
  status: z.enum(['active', 'revoked', 'expired']),
  createdAt: IsoDateTime,
  /** Who made and revoked it: shown within the owner (and to CBP) only. */
  createdBy: z.string().optional(),
  revokedAt: IsoDateTime.optional(),
  revokedBy: z.string().optional(),
  requestId: z.string().optional(),
});
export type Grant = z.infer<typeof Grant>;
export const GrantPage = z.object({ items: z.array(Grant), nextCursor: z.string().nullable() });

/** What others shared with the caller's company and is in force now. */
export const SharedWithMe = z.object({
  items: z.array(
    z.object({
      grantId: z.string(),
      ownerCompanyId: z.string(),
      ownerLegalName: z.string(),
      scope: Scope,
      expiresOn: IsoDate,
    }),
  ),
  nextCursor: z.string().nullable(),
});

/** A partner's view of a company, within the scope of the grant that allows it. */
export const PartnerView = z.object({
  companyId: z.string(),
  legalName: z.string(),
  scope: Scope,
  grantId: z.string(),
  expiresOn: IsoDate,
  status: CompanyStatus,
  category: CategoryId,
  certification: z.object({ lastCertifiedAt: IsoDateTime.nullable(), nextDueAt: IsoDateTime.nullable() }).optional(),
  completeness: Completeness.pick({ complete: true, answered: true, required: true })
    .extend({ incompleteSections: z.array(z.string()) })
    .optional(),
  profile: ProfileVersion.pick({ version: true, answers: true, savedAt: true }).optional(),
});
export type PartnerView = z.infer<typeof PartnerView>;

/** A company asks another for a grant. */
export const RequestGrant = z.strictObject({ scope: Scope, message: MultiLine(1000).optional() });
export const GrantRequest = z.object({
  requestId: z.string(),
  requesterCompanyId: z.string(),
  requesterLegalName: z.string(),
  targetCompanyId: z.string(),
  scope: Scope,
  message: z.string().optional(),
  status: z.enum(['pending', 'accepted', 'declined']),
  requestedAt: IsoDateTime,
  /** Shown to the side that asked (and CBP). */
  requestedBy: z.string().optional(),
  decidedAt: IsoDateTime.optional(),
  /** Shown to the side that decided (and CBP). */
  decidedBy: z.string().optional(),
  grantId: z.string().optional(),
});
export type GrantRequest = z.infer<typeof GrantRequest>;
export const GrantRequestQuery = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const GrantRequestPage = z.object({ items: z.array(GrantRequest), nextCursor: z.string().nullable() });
export const DecideGrantRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), expiresOn: IsoDate }),
  z.strictObject({ decision: z.literal('decline') }),
]);

/** An audit record as the trail shows it. */
export const AuditRecord = z.object({
  auditId: z.string(),
  companyId: z.string(),
  at: IsoDateTime,
  /** Absent when a company reads an action by someone outside it (CBP, a partner). */
  actorId: z.string().optional(),
  actorRole: z.string(),
  actorCompanyId: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  sourceIp: z.string().optional(),
  changes: z.unknown().optional(),
});
export const AuditPage = z.object({ items: z.array(AuditRecord), nextCursor: z.string().nullable() });
/** A company's trail, newest first: optionally one action, and a time window (UTC). */
export const AuditQuery = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, { message: 'must be an action like profile.saved' })
    .optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
/** CBP's trail of the whole portal, one UTC day at a time (default today). */
export const PortalAuditQuery = z.strictObject({
  day: IsoDate.optional(),
  action: AuditQuery.shape.action,
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** Everything the portal holds about one company, for its primary POC. */
export const CompanyExport = z.object({
  exportedAt: IsoDateTime,
  company: z.record(z.string(), z.unknown()),
  accountInfo: z.record(z.string(), z.unknown()).nullable(),
  profileVersions: z.array(z.record(z.string(), z.unknown())),
  certifications: z.array(z.record(z.string(), z.unknown())),
  threads: z.array(z.record(z.string(), z.unknown())),
  grants: z.array(Grant),
  grantsReceived: z.array(Grant.omit({ createdBy: true, revokedBy: true })),
  grantRequests: z.array(GrantRequest),
  auditTrail: z.array(AuditRecord),
});

/** A partner may ask for less than its grant covers. */
export const PartnerQuery = z.strictObject({ scope: Scope.optional() });
