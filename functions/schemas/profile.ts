import * as z from 'zod/v4';
import { CERTIFICATION_STATEMENT_KINDS } from '../definitions/certification-statements.ts';
import { IsoDateTime } from './common.ts';
import { Answer, Answers } from './requests/profile.ts';

/** The web's profile form is typed from here. */
export type { Answers };

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

export const ProfileDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(
    z.object({
      section: z.string(),
      title: z.string(),
      changes: z.array(
        z.object({ question: z.string(), text: z.string(), from: z.nullable(Answer), to: z.nullable(Answer) }),
      ),
    }),
  ),
});

export const CertificationStatus = z.enum(['submitted', 'approved', 'returned']);
export const CertificationStatement = z.enum(CERTIFICATION_STATEMENT_KINDS);
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
  /**
   * The POC's electronic signature (decision 95): who, when, after which re-authentication, the
   * statement's words as shown, and the SHA-256 of the certified profile version (RFC 8785 JSON of
   * its company id, version and answers). Absent on certifications made before signatures.
   */
  signature: z
    .object({
      signedBy: z.string(),
      signerName: z.string(),
      signedAt: IsoDateTime,
      reauthenticatedAt: IsoDateTime,
      statementText: z.string(),
      profileHash: z.string(),
    })
    .optional(),
  reviewedBy: z.string().optional(),
  reviewedAt: z.optional(IsoDateTime),
  comments: z.string().optional(),
});
export type Certification = z.infer<typeof Certification>;
export const CertificationList = z.object({ items: z.array(Certification) });
