import type { AuditRecord } from './audit.ts';
import type { Unreachable } from './company.ts';
import type { Member } from './membership.ts';
import type { ObligationKind } from './obligations.ts';
import type { Delivery } from './outbox.ts';

/** Point-of-contact changes and unreachable addresses, as the domain decides them and the contact store writes them. */

/** A change of a company's registered POC, decided in full before the one transaction that makes it. */
export interface PocChange {
  readonly companyId: string;
  /** The company version read: the change is refused if it moved. */
  readonly expectedVersion: number;
  readonly oldEmail: string;
  readonly newEmail: string;
  readonly pocName?: string;
  /** The new address is claimed for the company, or belongs to its active user who becomes the primary POC. */
  readonly incoming:
    | { readonly kind: 'claim'; readonly claimedAt: string }
    | { readonly kind: 'promote'; readonly member: Member };
  /** The old address's claim is freed (no account yet), or its primary-POC account is disabled and demoted. */
  readonly outgoing:
    | { readonly kind: 'free-claim' }
    | { readonly kind: 'disable'; readonly member: Member }
    | { readonly kind: 'none' };
  readonly openObligations: readonly ObligationKind[];
  readonly audit: AuditRecord;
  readonly deliveries: readonly Delivery[];
}

/** The company's secondary contact, named (or replaced) by its primary POC. */
export interface SecondaryContactChange {
  readonly companyId: string;
  readonly expectedVersion: number;
  readonly contact: { readonly name: string; readonly email: string };
  readonly setAt: string;
  readonly openObligations: readonly ObligationKind[];
  readonly audit: AuditRecord;
}

/** One report from SES that an address cannot be reached. */
export interface UnreachableReport {
  readonly email: string;
  readonly reason: Unreachable['reason'];
  readonly detail?: string;
  readonly at: string;
  readonly sesMessageId: string;
}

/** An address SES reported unreachable: the first report and the latest. Not company data: one per address. */
export interface UnreachableAddress {
  readonly email: string;
  readonly reason: Unreachable['reason'];
  /** SES's detail: the bounce sub-type (`General`, `NoEmail`, ...) or the complaint feedback type. */
  readonly detail?: string;
  readonly firstAt: string;
  readonly lastAt: string;
  /** The SES message id of the latest report, to trace it. */
  readonly sesMessageId: string;
  readonly reports: number;
}
