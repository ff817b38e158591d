/**
 * The store of the categories' deadline policies: the revision in force and every revision kept.
 *
 * Items: the policy in force at pk `DEADLINES`, sk `CATEGORY#<category>` (one small partition,
 * read whole by every sweep); each revision, immutable, at pk `DEADLINES#<category>`, sk
 * `REVISION#<revision>` with the revision zero-padded to 6 digits in the key only.
 */
import type { CategoryId } from '../definitions/categories.ts';
import { versionConflict } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import { auditOp } from './audit-store.ts';
import { assertCommitted } from './transact.ts';
import {
  createOp,
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
const fromItem = <T extends DeadlinePolicy>({ deadline, ...rest }: Item): T =>
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

/**
 * Stores a new revision if the category is still at `expected` (0: never revised), keeps it in
 * the history and writes the audit record, all or nothing.
 */
export const revise = async (next: DeadlinePolicy, expected: number, audit: AuditRecord): Promise<void> => {
  const item = toItem(next);
  const outcome = await transact([
    putOp(
      { ...policyKey(next.category), ...item, retimedRevision: expected },
      expected === 0 ? notExists('revision') : eq('revision', expected),
    ),
    createOp({ ...revisionKey(next.category, next.revision), ...item }),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => versionConflict('deadline policy'));
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
