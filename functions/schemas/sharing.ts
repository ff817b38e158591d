/**
 * Confidentiality (DESIGN section 3, items 10 and 11): what a company shares with whom, the
 * requests for it, what a partner sees through it, the audit trail and the export.
 */
import * as z from 'zod/v4';
import { IsoDate, IsoDateTime } from './common.ts';
import { CategoryId, CompanyStatus } from './fields.ts';
import { Completeness, ProfileVersion } from './profile.ts';
import { ForeignProgram, Scope } from './requests/sharing.ts';

/** Whom a grant is for, as stored and shown: a company by id (and its status-verification code), or a program. */
export const NamedGrantee = z.discriminatedUnion('type', [
  z.object({ type: z.literal('company'), companyId: z.string(), code: z.string().optional() }),
  z.object({ type: z.literal('program'), program: ForeignProgram }),
]);
export type NamedGrantee = z.infer<typeof NamedGrantee>;

export const Grant = z.object({
  grantId: z.string(),
  ownerCompanyId: z.string(),
  ownerLegalName: z.string(),
  grantee: NamedGrantee,
  /** Absent when the reader may not know the grantee company's name (it has not shared with them or asked them). */
  granteeName: z.string().optional(),
  scope: Scope,
  expiresOn: IsoDate,
  status: z.enum(['active', 'revoked', 'expired']),
  createdAt: IsoDateTime,
  /** Who made and revoked it: shown within the owner (and to CBP) only. */
  createdBy: z.string().optional(),
  revokedAt: z.optional(IsoDateTime),
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
  certification: z.object({ lastCertifiedAt: z.nullable(IsoDateTime), nextDueAt: z.nullable(IsoDateTime) }).optional(),
  completeness: Completeness.pick({ complete: true, answered: true, required: true })
    .extend({ incompleteSections: z.array(z.string()) })
    .optional(),
  profile: ProfileVersion.pick({ version: true, answers: true, savedAt: true }).optional(),
});
export type PartnerView = z.infer<typeof PartnerView>;

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
  decidedAt: z.optional(IsoDateTime),
  /** Shown to the side that decided (and CBP). */
  decidedBy: z.string().optional(),
  grantId: z.string().optional(),
});
export type GrantRequest = z.infer<typeof GrantRequest>;
export const GrantRequestPage = z.object({ items: z.array(GrantRequest), nextCursor: z.string().nullable() });
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
  /** The actor's name, where the reader may know who acted (never a CBP officer's to a company). */
  actorName: z.string().optional(),
  /** The company's legal name. */
  companyName: z.string().optional(),
  /** The acting organisation's name ("CBP", or a company's legal name where the reader may know it). */
  actorCompanyName: z.string().optional(),
  /** A company's or a user's name when the record is about one (a user's only for who manages users). */
  objectName: z.string().optional(),
});
export const AuditPage = z.object({ items: z.array(AuditRecord), nextCursor: z.string().nullable() });

/** One day of the portal's trail as CSV: a header row, then a row per record. */
export const AuditCsv = z.string().describe('CSV (RFC 4180), UTF-8 with a byte-order mark');
/** Everything the portal holds about one company, for its primary POC: the export file's content. */
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
/** The answer to an export: where to download the file, for how long, and how large it is. */
export const ExportLink = z.object({
  /** A presigned GET of the file in the exports bucket, answered as an attachment named `fileName`. */
  url: z.url(),
  fileName: z.string(),
  /** The file's size in bytes (its content: `CompanyExport`). */
  bytes: z.number().int().nonnegative(),
  exportedAt: IsoDateTime,
  /** When the link stops working (five minutes on); the file itself is deleted within a day. */
  expiresAt: IsoDateTime,
});
