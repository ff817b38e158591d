import * as z from 'zod/v4';
import { Email, IsoDate, IsoDateTime } from './common.ts';
import { Id } from './id.ts';
import { CategoryId, CompanyStatus } from './fields.ts';
import { Identifiers } from './identifiers.ts';
import { PROGRAM_STATUSES } from '../definitions/program-status.ts';

/** The web's forms are typed from here. */
export type { Identifiers };

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
  decidedAt: z.optional(IsoDateTime),
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

/** Where a company in the program stands (`definitions/program-status.ts`). */
export const ActiveProgramStatus = z.enum(['applicant', 'certified', 'validated', 'suspended']);
export const ProgramStatus = z.enum(PROGRAM_STATUSES);

/** The company's appeal of its suspension, and CBP's decision (decision 94). */
export const Appeal = z.object({
  status: z.enum(['pending', 'granted', 'denied']),
  filedAt: IsoDateTime,
  filedBy: z.string(),
  statement: z.string(),
  decidedAt: z.optional(IsoDateTime),
  decidedBy: z.string().optional(),
  comments: z.string().optional(),
});
export type Appeal = z.infer<typeof Appeal>;

/** CBP's suspension of a company's benefits: why, what it must do, and what it returns to when lifted. */
export const Suspension = z.object({
  at: IsoDateTime,
  by: z.string(),
  reason: z.string(),
  actionPlan: z.string(),
  /** The status the company was suspended from, which lifting the suspension restores. */
  from: z.enum(['certified', 'validated']),
  /** The last program day the company may appeal (`YYYY-MM-DD`). */
  appealBy: IsoDate,
  appeal: Appeal.optional(),
});
export type Suspension = z.infer<typeof Suspension>;

/** The company's Supply Chain Security Specialist: the CBP officer CBP assigned it (decision 93). */
export const Specialist = z.object({
  userId: z.string(),
  /** As the staff member's account named them when assigned. */
  name: z.string(),
  assignedAt: IsoDateTime,
  assignedBy: z.string(),
});
export type Specialist = z.infer<typeof Specialist>;

export const Company = z.object({
  companyId: Id,
  legalName: z.string(),
  category: CategoryId,
  pocEmail: Email,
  pocName: z.string().optional(),
  identifiers: Identifiers,
  status: CompanyStatus,
  /**
   * Where the company stands in the program while it is in it (decision 92). Absent on a company
   * enrolled before program statuses existed, which is certified (`PROGRAM_STATUS_BEFORE_ISSUE_22`).
   */
  programStatus: ActiveProgramStatus.optional(),
  /** While `programStatus` is `suspended`: CBP's reason and the action plan. */
  suspension: Suspension.optional(),
  /** Its Supply Chain Security Specialist, once CBP has assigned one. */
  specialist: Specialist.optional(),
  /** The last change of program status (CBP's, on the program-status route). */
  programStatusChangedAt: z.optional(IsoDateTime),
  enrolledAt: IsoDateTime,
  enrolledBy: z.string(),
  /**
   * The status-verification code (decision 85) the company hands partners to be named in a grant.
   * Absent only on a company enrolled before codes existed, until `assign-svi-codes` has run.
   */
  sviCode: z.string().optional(),
  version: z.number().int(),
  /** When the account information and every required profile answer were first complete. */
  portalUpdateCompletedAt: z.optional(IsoDateTime),
  nextCertificationDueAt: z.optional(IsoDateTime),
  certificationStatus: z.enum(['submitted', 'approved', 'returned']).optional(),
  /** The latest certification: a certification of the same profile version re-confirms it. */
  lastCertification: z
    .object({ certificationId: z.string(), profileVersion: z.number().int(), certifiedAt: IsoDateTime })
    .optional(),
  /** A CBP administrator's extension of this company's portal-update deadline (`YYYY-MM-DD`). */
  deadlineExtendedTo: z.string().optional(),
  /** Why and when the company was removed from the program (while `status` is `removed`). */
  removal: Removal.optional(),
  reinstatedAt: z.optional(IsoDateTime),
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

/**
 * A company's C-TPAT benefits, which follow its program status (`PROGRAM_STATUS_TERMS`): none yet
 * (an applicant), in force (certified, validated), suspended (a lesser sanction, until CBP lifts
 * it), revoked (removed; the company must reapply). A removal must never be called a suspension.
 */
export const Benefits = z.enum(['none', 'active', 'suspended', 'revoked']);
export type Benefits = z.infer<typeof Benefits>;

/**
 * A company as the API shows it: its record, its program status (`removed` while removed) and its
 * benefits. Both follow the stored fields and are never stored, so no stored item carries an
 * older word for them.
 */
export const CompanyView = Company.extend({ programStatus: ProgramStatus, benefits: Benefits });
export type CompanyView = z.infer<typeof CompanyView>;
