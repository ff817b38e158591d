/**
 * The two-person rule for deadline revisions (issue 22, item 5; decision 91), as intelligence
 * bulletins already follow it: a revision that would move a company's due date earlier, or remove
 * a company within 30 days, is proposed by one CBP administrator with its impact (decision 90),
 * and put in force only when another administrator approves it. The proposal names the revision
 * it replaces, so one overtaken by another revision cannot be approved; either administrator may
 * withdraw it. Each step is audited.
 */
import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { previewRevision, type ImpactDeps } from './deadline-impact.ts';
import { current, nextRevision } from './deadlines.ts';
import { CBP_COMPANY_ID, CBP_ROLES } from '../definitions/roles.ts';
import { Conflict, Forbidden, NotFound, versionConflict } from '../errors.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { DeadlinePolicy, DeadlineProposal } from '../schemas/deadlines.ts';
import type { ReviseDeadline } from '../schemas/requests/deadlines.ts';

/** The proposals' side of the deadline store. */
export interface ProposalStore {
  getRevised(category: CategoryId): Promise<DeadlinePolicy | null>;
  listRevised(): Promise<readonly DeadlinePolicy[]>;
  propose(proposal: DeadlineProposal, audit: AuditRecord): Promise<void>;
  listProposals(): Promise<readonly DeadlineProposal[]>;
  getProposal(category: CategoryId): Promise<DeadlineProposal | null>;
  approve(next: DeadlinePolicy, expected: number, proposedAt: string, audit: AuditRecord): Promise<void>;
  withdraw(category: CategoryId, proposedAt: string, audit: AuditRecord): Promise<void>;
}

export interface ProposalDeps extends ImpactDeps {
  readonly ids: Ids;
  readonly clock: Clock;
  readonly deadlines: ProposalStore;
}

const audited = (
  caller: Caller,
  action: string,
  category: CategoryId,
  changes: Record<string, unknown>,
  now: Date,
  deps: ProposalDeps,
) =>
  auditItem(
    caller,
    { companyId: CBP_COMPANY_ID, action, objectType: 'deadline-policy', objectId: category, changes },
    now,
    deps.ids.next(),
  );

const found = async (deps: ProposalDeps, category: CategoryId): Promise<DeadlineProposal> => {
  const proposal = await deps.deadlines.getProposal(category);
  if (!proposal) throw new NotFound('No revision of this category awaits approval.');
  return proposal;
};

/** A CBP administrator proposes a revision, with its impact now, for another to approve. */
export const propose = async (
  deps: ProposalDeps,
  caller: Caller,
  category: CategoryId,
  input: ReviseDeadline,
): Promise<DeadlineProposal> => {
  requireRole(caller, ['cbp-admin']);
  const before = await current(deps, category);
  if (input.revision !== before.revision) throw versionConflict('deadline policy', before.revision);
  const { summary } = await previewRevision(deps, caller, category, input);
  const now = deps.clock.now();
  const proposal: DeadlineProposal = {
    category,
    deadline: input.deadline,
    newEnrolleeDays: input.newEnrolleeDays,
    reminderDays: input.reminderDays,
    revision: before.revision + 1,
    reason: input.reason,
    proposedBy: caller.userId,
    proposedByName: caller.name,
    proposedAt: now.toISOString(),
    impact: summary,
  };
  await deps.deadlines.propose(
    proposal,
    audited(caller, 'deadline-policy.proposed', category, { before, proposal }, now, deps),
  );
  return proposal;
};

/** Every revision awaiting approval (CBP). */
export const list = async (deps: ProposalDeps, caller: Caller): Promise<{ items: DeadlineProposal[] }> => {
  requireRole(caller, CBP_ROLES);
  return { items: [...(await deps.deadlines.listProposals())] };
};

/**
 * Another CBP administrator approves the proposal they read (`proposedAt`): it is put in force,
 * as revised by its proposer and approved by them, if the category is still at the revision it
 * replaces.
 */
const approve = async (
  deps: ProposalDeps,
  caller: Caller,
  category: CategoryId,
  input: { proposedAt: string },
): Promise<DeadlinePolicy> => {
  const proposal = await found(deps, category);
  if (proposal.proposedBy === caller.userId)
    throw new Forbidden(
      'A second CBP administrator must approve the revision you proposed (two-person rule).',
      'two_person_rule',
    );
  if (proposal.proposedAt !== input.proposedAt)
    throw new Conflict('The proposal changed since you read it: read it again.', 'proposal_changed');
  const before = await current(deps, category);
  if (before.revision !== proposal.revision - 1)
    throw new Conflict('Another revision was saved since this one was proposed: withdraw it.', 'proposal_changed');
  const now = deps.clock.now();
  const next: DeadlinePolicy = {
    ...nextRevision(before, proposal, proposal.proposedBy, now),
    approvedBy: caller.userId,
  };
  await deps.deadlines.approve(
    next,
    before.revision,
    proposal.proposedAt,
    audited(
      caller,
      'deadline-policy.revised',
      category,
      { before, after: next, proposedAt: proposal.proposedAt },
      now,
      deps,
    ),
  );
  return next;
};

/** Either CBP administrator withdraws the proposal they read (`proposedAt`). */
const withdraw = async (
  deps: ProposalDeps,
  caller: Caller,
  category: CategoryId,
  input: { proposedAt: string },
): Promise<void> => {
  const proposal = await found(deps, category);
  if (proposal.proposedAt !== input.proposedAt)
    throw new Conflict('The proposal changed since you read it: read it again.', 'proposal_changed');
  const now = deps.clock.now();
  await deps.deadlines.withdraw(
    category,
    proposal.proposedAt,
    audited(caller, 'deadline-policy.proposal-withdrawn', category, { proposal }, now, deps),
  );
};

/** A CBP administrator approves (not their own) or withdraws (any) the proposal they read. */
export const decide = async (
  deps: ProposalDeps,
  caller: Caller,
  category: CategoryId,
  input: { decision: 'approve' | 'withdraw'; proposedAt: string },
): Promise<{ decision: 'approved' | 'withdrawn'; policy?: DeadlinePolicy }> => {
  requireRole(caller, ['cbp-admin']);
  if (input.decision === 'approve')
    return { decision: 'approved', policy: await approve(deps, caller, category, input) };
  await withdraw(deps, caller, category, input);
  return { decision: 'withdrawn' };
};
