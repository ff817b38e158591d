import { shardOf } from './due-index.ts';
import type { ObligationKind } from '../domain/deadline-schedule.ts';
import type { CategoryId } from '../definitions/categories.ts';

/** Obligations as plain data: no client here, so domain code and unit tests use it freely. */

/** One open obligation, as stored (see the entity). */
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

/**
 * A new obligation, due at `now`: the next sweep computes its schedule from the policy then in
 * force, so no request needs to read the policy.
 */
export const openObligation = (
  owner: ObligationOwner,
  kind: ObligationKind,
  now: string,
  fields: { dueDate?: string; extendedTo?: string } = {},
): Obligation => ({
  companyId: owner.companyId,
  kind,
  dueAt: now,
  shard: shardOf(owner.companyId),
  category: owner.category,
  legalName: owner.legalName,
  pocEmail: owner.pocEmail,
  ...(owner.secondaryContact ? { secondaryEmail: owner.secondaryContact.email } : {}),
  ...(kind === 'enrollment' ? { enrolledAt: owner.enrolledAt } : {}),
  ...fields,
  remindersSent: [],
  policyRevision: 0,
});
