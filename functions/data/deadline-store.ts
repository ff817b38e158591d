/**
 * The store of the categories' deadline policies: the revision in force and every revision kept.
 *
 * Items: the policy in force at pk `DEADLINES`, sk `CATEGORY#<category>` (one small partition,
 * read whole by every sweep); each revision, immutable, at pk `DEADLINES#<category>`, sk
 * `REVISION#<revision>` with the revision zero-padded to 6 digits in the key only; a revision
 * proposed for a second administrator's approval (decision 91), at most one per category, at pk
 * `DEADLINES`, sk `PROPOSAL#<category>` until it is approved or withdrawn.
 */
import type { CategoryId } from '../definitions/categories.ts';
import { Conflict, versionConflict } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { DeadlinePolicy, DeadlineProposal } from '../schemas/deadlines.ts';
import { auditOp } from './audit-store.ts';
import { assertCommitted } from './transact.ts';
import {
  createOp,
  deleteOp,
  eq,
  getItem,
  isConditionFailure,
  key,
  lt,
  notExists,
  patchOp,
  putOp,
  queryAll,
  transact,
  write,
  type Item,
} from './table-io.ts';

/** A stored policy: the revision in force and how far the sweep has re-timed the category. */
export type StoredPolicy = DeadlinePolicy & { readonly retimedRevision: number };

const POLICIES = 'DEADLINES';
const policyKey = (category: CategoryId) => key(POLICIES, `CATEGORY#${category}`);
const revisionKey = (category: CategoryId, revision: number) =>
  key(`DEADLINES#${category}`, `REVISION#${String(revision).padStart(6, '0')}`);

// A policy without a fixed deadline is stored without the attribute, and read back as null.
const fromItem = <T extends { deadline: string | null }>({ deadline, ...rest }: Item): T =>
  ({ ...rest, deadline: (deadline as string | undefined) ?? null }) as T;
const toItem = ({ deadline, ...rest }: DeadlinePolicy): Item => ({
  ...rest,
  revisedAt: rest.revisedAt ?? '',
  ...(deadline ? { deadline } : {}),
});

/** Every category that has been revised (one Query of one small partition). */
export const listRevised = async (): Promise<StoredPolicy[]> =>
  (await queryAll<Item>({ partition: POLICIES, sort: { beginsWith: 'CATEGORY#' } })).map(fromItem<StoredPolicy>);

export const getRevised = async (category: CategoryId): Promise<StoredPolicy | null> => {
  const item = await getItem<Item>(policyKey(category), { consistent: true });
  return item ? fromItem<StoredPolicy>(item) : null;
};

/** The revision put in force and kept in the history, if the category is still at `expected`. */
const revisionOps = (next: DeadlinePolicy, expected: number) => {
  const item = toItem(next);
  return [
    putOp(
      { ...policyKey(next.category), ...item, retimedRevision: expected },
      expected === 0 ? notExists('revision') : eq('revision', expected),
    ),
    createOp({ ...revisionKey(next.category, next.revision), ...item }),
  ];
};

/**
 * Stores a new revision if the category is still at `expected` (0: never revised), keeps it in
 * the history and writes the audit record, all or nothing.
 */
export const revise = async (next: DeadlinePolicy, expected: number, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([...revisionOps(next, expected), auditOp(audit)]);
  assertCommitted(outcome, () => versionConflict('deadline policy'));
};

const proposalKey = (category: CategoryId) => key(POLICIES, `PROPOSAL#${category}`);
const PROPOSAL_TAKEN = () =>
  new Conflict(
    'A revision of this category already awaits approval: approve or withdraw it first.',
    'proposal_pending',
  );
const PROPOSAL_GONE = () =>
  new Conflict(
    'The proposal was approved, withdrawn or overtaken by another revision since you read it.',
    'proposal_changed',
  );

/** Keeps a revision for a second administrator's approval; one per category at a time. */
export const propose = async (proposal: DeadlineProposal, audit: AuditRecord): Promise<void> => {
  const { deadline, ...rest } = proposal;
  const outcome = await transact([
    createOp({ ...proposalKey(proposal.category), ...rest, ...(deadline ? { deadline } : {}) }),
    auditOp(audit),
  ]);
  assertCommitted(outcome, PROPOSAL_TAKEN);
};

/** Every proposal awaiting approval (one Query of the policies' small partition). */
export const listProposals = async (): Promise<DeadlineProposal[]> =>
  (await queryAll<Item>({ partition: POLICIES, sort: { beginsWith: 'PROPOSAL#' } })).map(fromItem<DeadlineProposal>);

export const getProposal = async (category: CategoryId): Promise<DeadlineProposal | null> => {
  const item = await getItem<Item>(proposalKey(category), { consistent: true });
  return item ? fromItem<DeadlineProposal>(item) : null;
};

/**
 * Puts an approved proposal in force, all or nothing: the category still at the revision the
 * proposal replaces, the proposal still the one approved (`proposedAt`), removed with it.
 */
export const approve = async (
  next: DeadlinePolicy,
  expected: number,
  proposedAt: string,
  audit: AuditRecord,
): Promise<void> => {
  const outcome = await transact([
    ...revisionOps(next, expected),
    deleteOp(proposalKey(next.category), eq('proposedAt', proposedAt)),
    auditOp(audit),
  ]);
  assertCommitted(outcome, PROPOSAL_GONE);
};

/** Withdraws the proposal read (`proposedAt`), with its audit record. */
export const withdraw = async (category: CategoryId, proposedAt: string, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([deleteOp(proposalKey(category), eq('proposedAt', proposedAt)), auditOp(audit)]);
  assertCommitted(outcome, PROPOSAL_GONE);
};

/** A category's revisions, newest first. */
export const history = async (category: CategoryId): Promise<DeadlinePolicy[]> =>
  (
    await queryAll<Item>({ partition: `DEADLINES#${category}`, sort: { beginsWith: 'REVISION#' } }, { order: 'desc' })
  ).map(fromItem<DeadlinePolicy>);

/** Records that the category's open obligations follow `revision` now (never moves back). */
export const markRetimed = async (category: CategoryId, revision: number): Promise<void> => {
  try {
    await write(patchOp(policyKey(category), { set: { retimedRevision: revision } }, lt('retimedRevision', revision)));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
