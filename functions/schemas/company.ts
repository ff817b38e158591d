import * as z from 'zod/v4';
import { CATEGORIES, CATEGORY_IDS } from '../definitions/categories.ts';
import { Email, Id, IsoDateTime, MultiLine, SingleLine } from './common.ts';

/** Business identifiers, each with the format CBP issues it in. */
export const Identifiers = z.strictObject({
  ein: z
    .string()
    .regex(/^\d{2}-\d{7}$/, { message: 'EIN must look like 12-3456789' })
    .optional(),
  iorNumber: z
    .string()
    .regex(/^(\d{2}-\d{7}([A-Z0-9]{2})?|\d{6}-\d{5})$/, {
      message: 'IOR number must be an EIN with optional 2-character suffix, or a CBP-assigned number like 123456-12345',
    })
    .optional(),
  scac: z
    .string()
    .regex(/^[A-Z]{2,4}$/, { message: 'SCAC must be 2 to 4 capital letters' })
    .optional(),
  mid: z
    .string()
    .regex(/^[A-Z]{2}[A-Z0-9]{3,13}$/, {
      message: 'MID must start with the ISO country code and be at most 15 characters',
    })
    .optional(),
  filerCode: z
    .string()
    .regex(/^[A-Z0-9]{3}$/, { message: 'filer code must be 3 letters or digits' })
    .optional(),
  iataCode: z
    .string()
    .regex(/^[A-Z0-9]{2}$/, { message: 'IATA code must be 2 letters or digits' })
    .optional(),
  fmcLicense: z
    .string()
    .regex(/^\d{3,6}[A-Z]?$/, { message: 'FMC license must be 3 to 6 digits with an optional letter' })
    .optional(),
});
export type Identifiers = z.infer<typeof Identifiers>;

export const CompanyStatus = z.enum(['active', 'removed']);
export type CompanyStatus = z.infer<typeof CompanyStatus>;

export const CategoryId = z.enum(CATEGORY_IDS, { message: `must be one of: ${CATEGORY_IDS.join(', ')}` });

/** POST /companies: CBP enrolls a company; the category decides the identifiers it must have. */
export const EnrollCompany = z
  .strictObject({
    legalName: SingleLine(200),
    category: CategoryId,
    pocEmail: Email,
    pocName: SingleLine(120).optional(),
    identifiers: Identifiers,
  })
  .superRefine((input, ctx) => {
    const category = CATEGORIES.find((c) => c.id === input.category);
    for (const key of category?.identifiers ?? []) {
      if (!input.identifiers[key]) {
        ctx.addIssue({
          code: 'custom',
          path: ['identifiers', key],
          message: `is required for category ${input.category}`,
        });
      }
    }
  });
export type EnrollCompany = z.infer<typeof EnrollCompany>;

export const RemovalReason = z.enum(['enrollment-deadline-missed', 'certification-lapsed', 'cbp-decision']);
export type RemovalReason = z.infer<typeof RemovalReason>;
export const Removal = z.object({
  at: IsoDateTime,
  reason: RemovalReason,
  note: z.string().optional(),
  by: z.string(),
});
export type Removal = z.infer<typeof Removal>;

export const Reapplication = z.object({
  status: z.enum(['pending', 'accepted', 'declined']),
  submittedAt: IsoDateTime,
  submittedBy: z.string(),
  statement: z.string(),
  decidedAt: IsoDateTime.optional(),
  decidedBy: z.string().optional(),
  comments: z.string().optional(),
  deadline: z.string().optional(),
});
export type Reapplication = z.infer<typeof Reapplication>;

/** SES reported an address unreachable: a permanent bounce or a complaint. */
export const Unreachable = z.object({
  at: IsoDateTime,
  reason: z.enum(['bounce', 'complaint']),
  detail: z.string().optional(),
});
export type Unreachable = z.infer<typeof Unreachable>;

export const Contact = z.object({ name: z.string(), email: Email });

export const Company = z.object({
  companyId: Id,
  legalName: z.string(),
  category: CategoryId,
  pocEmail: Email,
  pocName: z.string().optional(),
  identifiers: Identifiers,
  status: CompanyStatus,
  enrolledAt: IsoDateTime,
  enrolledBy: z.string(),
  version: z.number().int(),
  /** When the account information and every required profile answer were first complete. */
  portalUpdateCompletedAt: IsoDateTime.optional(),
  nextCertificationDueAt: IsoDateTime.optional(),
  certificationStatus: z.enum(['submitted', 'approved', 'returned']).optional(),
  /** The latest certification: a certification of the same profile version re-confirms it. */
  lastCertification: z
    .object({ certificationId: z.string(), profileVersion: z.number().int(), certifiedAt: IsoDateTime })
    .optional(),
  /** A CBP administrator's extension of this company's portal-update deadline (`YYYY-MM-DD`). */
  deadlineExtendedTo: z.string().optional(),
  /** Why and when the company was removed from the program (while `status` is `removed`). */
  removal: Removal.optional(),
  reinstatedAt: IsoDateTime.optional(),
  /** The removed company's request to rejoin, and CBP's decision. */
  reapplication: Reapplication.optional(),
  /** The contact the company named besides its POC, who also hears reminders and removal notices. */
  secondaryContact: Contact.optional(),
  /** The POC's address bounced or complained (cleared when CBP changes it, or a hand-over moves it). */
  pocUnreachable: Unreachable.optional(),
  /** The secondary contact's address bounced or complained (cleared when the company names another). */
  secondaryUnreachable: Unreachable.optional(),
});
export type Company = z.infer<typeof Company>;

/** POST /companies/{companyId}/poc-change: a CBP administrator changes the registered POC email. */
export const ChangePoc = z.strictObject({
  /** The company version read (a stale one is 409). */
  version: z.number().int().min(1),
  pocEmail: Email,
  /** The new POC's name (default: none, or the name of the company user whose address it is). */
  pocName: SingleLine(120).optional(),
  reason: MultiLine(500),
});
export type ChangePoc = z.infer<typeof ChangePoc>;

/** PUT /companies/{companyId}/secondary-contact: the primary POC names (or replaces) the secondary contact. */
export const SetSecondaryContact = z.strictObject({
  version: z.number().int().min(1),
  name: SingleLine(120),
  email: Email,
});
export type SetSecondaryContact = z.infer<typeof SetSecondaryContact>;

/**
 * Whether a company's C-TPAT benefits are in force. A removal revokes them, from the moment of
 * removal until CBP reinstates the company or accepts it back. Not `suspended`: in C-TPAT a
 * suspension is a different, lesser sanction, and a removal must never be described as one.
 */
export const Benefits = z.enum(['active', 'revoked']);
export type Benefits = z.infer<typeof Benefits>;

/**
 * A company as the API shows it: its record, and its benefits. Benefits follow the status and
 * are never stored, so no stored item carries an older word for them.
 */
export const CompanyView = Company.extend({ benefits: Benefits });
export type CompanyView = z.infer<typeof CompanyView>;
