import type { CategoryId } from '../definitions/categories.ts';

/** Open obligations as stored: the records the domain decides and the obligation store keeps. */

export type ObligationKind = 'enrollment' | 'recertification';

/**
 * An open obligation of a company: its enrollment deadline (until the portal update is
 * complete) or its annual recertification. `dueAt` is when the sweep must next look at it (a
 * reminder step, the removal, or a reschedule); only open obligations exist, so the due-date
 * index stays sparse, and the shard spreads them over a few partitions. It carries what the
 * sweep needs to act (category, name, POC email) so a sweep reads only the items that are due.
 */
export interface Obligation {
  readonly companyId: string;
  readonly kind: ObligationKind;
  readonly dueAt: string;
  readonly shard: string;
  readonly category: CategoryId;
  readonly legalName: string;
  readonly pocEmail: string;
  /** The company's secondary contact, told alongside the POC. */
  readonly secondaryEmail?: string;
  readonly dueDate?: string;
  readonly enrolledAt?: string;
  readonly extendedTo?: string;
  readonly remindersSent: readonly string[];
  readonly policyRevision: number;
}

/** What identifies the company an obligation belongs to, copied onto it. */
export interface ObligationOwner {
  readonly companyId: string;
  readonly category: CategoryId;
  readonly legalName: string;
  readonly pocEmail: string;
  readonly secondaryContact?: { readonly email: string };
  readonly enrolledAt: string;
}
