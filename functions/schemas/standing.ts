import type { CategoryId } from '../definitions/categories.ts';
import type { AuditRecord } from './audit.ts';
import type { Company } from './company.ts';
import type { Obligation, ObligationKind } from './obligations.ts';
import type { Delivery } from './outbox.ts';

/** What a change of standing may set on the company ... */
export type StandingFields = Partial<
  Pick<
    Company,
    | 'status'
    | 'programStatus'
    | 'removal'
    | 'reinstatedAt'
    | 'reapplication'
    | 'deadlineExtendedTo'
    | 'nextCertificationDueAt'
    | 'suspension'
  >
>;

/** ... and what it may clear. */
export type ClearableStandingField =
  | 'removal'
  | 'reapplication'
  | 'portalUpdateCompletedAt'
  | 'nextCertificationDueAt'
  | 'certificationStatus'
  | 'deadlineExtendedTo'
  | 'suspension';

/**
 * One change of a company's standing (a removal, a reinstatement, a reapplication and its
 * decision, a deadline extension), as the domain decides it and the standing store writes it
 * all or nothing: the company, its open obligations, the audit record and the notices.
 */
export interface StandingChange {
  readonly companyId: string;
  /** The company's category: a change of status moves its entry in the category's list. */
  readonly category: CategoryId;
  /** The company must still be in this status ... */
  readonly expectedStatus: Company['status'];
  /** ... and at this version (omitted by the sweep, which acts on the obligation it read). */
  readonly expectedVersion?: number;
  /** ... and, for an extension, must not have completed its portal update. */
  readonly requireIncomplete?: boolean;
  readonly set: StandingFields;
  readonly remove?: readonly ClearableStandingField[];
  /** The change always bumps the company's version; these are the obligations it opens and closes. */
  readonly obligations: {
    /** The obligation the sweep read: it must still be due at `dueAt`, and is closed. */
    readonly acted?: { readonly kind: ObligationKind; readonly dueAt: string };
    readonly close?: readonly ObligationKind[];
    readonly open?: readonly Obligation[];
    /** An extension moves the enrollment obligation's deadline and asks for a new schedule. */
    readonly extend?: { readonly extendedTo: string; readonly shard: string; readonly dueAt: string };
  };
  readonly audit: AuditRecord;
  readonly deliveries: readonly Delivery[];
}
