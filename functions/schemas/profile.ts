import * as z from 'zod/v4';
import { IsoDateTime, MultiLine } from './common.ts';
import { MAX_TEXT_ANSWER } from '../definitions/criteria.ts';
import { CERTIFICATION_STATEMENT_KINDS } from '../definitions/certification-statements.ts';

const Key = z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'must be a section or question id' });
export const Answer = z.union([z.boolean(), MultiLine(MAX_TEXT_ANSWER)]);
/** section id -> question id -> answer; checked against the criteria for the company's category. */
export const Answers = z.record(Key, z.record(Key, Answer));
export type Answers = z.infer<typeof Answers>;

/** A profile version number in a path or query. */
export const VersionNumber = z.coerce.number().int().min(1).max(1_000_000_000);

export const SaveProfile = z.strictObject({ version: z.number().int().min(0).max(1_000_000_000), answers: Answers });

export const Missing = z.object({ section: z.string(), question: z.string(), text: z.string() });
/** `answered` and `required` count the required questions of the company's category only. */
export const Completeness = z.object({
  complete: z.boolean(),
  answered: z.number().int(),
  required: z.number().int(),
  missing: z.array(Missing),
});
export type Completeness = z.infer<typeof Completeness>;

export const ProfileVersion = z.object({
  companyId: z.string(),
  version: z.number().int(),
  answers: Answers,
  completeness: Completeness,
  /** `section.question` of every answer that differs from the previous version. */
  changed: z.array(z.string()),
  savedAt: IsoDateTime,
  savedBy: z.string(),
});
export type ProfileVersion = z.infer<typeof ProfileVersion>;

export const ProfileVersionSummary = ProfileVersion.omit({ answers: true, companyId: true });
export const ProfileVersionPage = z.object({
  items: z.array(ProfileVersionSummary),
  nextCursor: z.string().nullable(),
});

export const DiffQuery = z.strictObject({ from: VersionNumber, to: VersionNumber });
export const ProfileDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(
    z.object({
      section: z.string(),
      title: z.string(),
      changes: z.array(
        z.object({ question: z.string(), text: z.string(), from: Answer.nullable(), to: Answer.nullable() }),
      ),
    }),
  ),
});

export const CertificationStatus = z.enum(['submitted', 'approved', 'returned']);
export const CertificationStatement = z.enum(CERTIFICATION_STATEMENT_KINDS);
export const Certify = z.strictObject({
  profileVersion: z.number().int().min(1),
  /** The officer's signed statement that the profile is current. */
  attestation: z.literal(true, { message: 'must be true: you attest that the profile is current' }),
  /**
   * Required, and only allowed, when the profile has not changed since the last certification:
   * the POC states that it was reviewed and is still accurate.
   */
  reviewedUnchanged: z
    .literal(true, {
      message: 'must be true: you state that you reviewed the unchanged profile and it is still accurate',
    })
    .optional(),
});
export type Certify = z.infer<typeof Certify>;
export const Review = z
  .strictObject({ decision: z.enum(['approve', 'return']), comments: MultiLine(4000).optional() })
  .refine((r) => r.decision === 'approve' || Boolean(r.comments), {
    message: 'comments are required when sending a certification back',
    path: ['comments'],
  });
export const Certification = z.object({
  companyId: z.string(),
  certificationId: z.string(),
  profileVersion: z.number().int(),
  certifiedBy: z.string(),
  certifiedAt: IsoDateTime,
  nextDueAt: IsoDateTime,
  status: CertificationStatus,
  /**
   * What the POC stated: `profile-current`, or `reviewed-unchanged` when the profile had not
   * changed since the last certification (which `reconfirms` names).
   */
  statement: CertificationStatement,
  reconfirms: z
    .object({ certificationId: z.string(), profileVersion: z.number().int(), certifiedAt: IsoDateTime })
    .optional(),
  reviewedBy: z.string().optional(),
  reviewedAt: IsoDateTime.optional(),
  comments: z.string().optional(),
});
export type Certification = z.infer<typeof Certification>;
export const CertificationList = z.object({ items: z.array(Certification) });
