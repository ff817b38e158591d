import { shardOf } from './shards.ts';
import type { Obligation, ObligationKind, ObligationOwner } from '../schemas/obligations.ts';

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
