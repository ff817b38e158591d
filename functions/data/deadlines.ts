import { deadlinePolicy, deadlineRevision, portal } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { versionConflict } from '../errors.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';

type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

/** A stored policy: the revision in force and how far the sweep has re-timed the category. */
export type StoredPolicy = DeadlinePolicy & { readonly retimedRevision: number };

const fromItem = ({ deadline, ...rest }: Record<string, unknown>) =>
  ({ ...rest, deadline: (deadline as string | undefined) ?? null }) as StoredPolicy;
const toItem = ({ deadline, ...rest }: DeadlinePolicy) => ({
  ...rest,
  revisedAt: rest.revisedAt ?? '',
  ...(deadline ? { deadline } : {}),
});

/** Every category that has been revised (one Query of one small partition). */
export const listRevised = async (): Promise<StoredPolicy[]> =>
  ((await deadlinePolicy.query.byCategory({}).go({ pages: 'all' })).data as Record<string, unknown>[]).map(fromItem);

export const getRevised = async (category: CategoryId): Promise<StoredPolicy | null> => {
  const { data } = await deadlinePolicy.get({ category }).go({ consistent: true });
  return data ? fromItem(data as Record<string, unknown>) : null;
};

/**
 * Stores a new revision if the category is still at `expected` (0: never revised), keeps it in
 * the history and writes the audit record, all or nothing.
 */
export const revise = async (next: DeadlinePolicy, expected: number, audit: AuditAttributes): Promise<void> => {
  const item = toItem(next);
  const outcome = await portal.transaction
    .write(({ deadlinePolicy: current, deadlineRevision: history, audit: audits }) => [
      current
        .put({ ...item, retimedRevision: expected })
        .where((attr, op) => (expected === 0 ? op.notExists(attr.revision) : op.eq(attr.revision, expected)))
        .commit(),
      history.create(item).commit(),
      audits.create(audit).commit(),
    ])
    .go();
  assertCommitted(outcome, () => versionConflict('deadline policy'));
};

/** A category's revisions, newest first. */
export const history = async (category: CategoryId): Promise<DeadlinePolicy[]> =>
  (
    (await deadlineRevision.query.byCategory({ category }).go({ pages: 'all', order: 'desc' })).data as Record<
      string,
      unknown
    >[]
  ).map(fromItem);

/** Records that the category's open obligations follow `revision` now (never moves back). */
export const markRetimed = async (category: CategoryId, revision: number): Promise<void> => {
  await deadlinePolicy
    .patch({ category })
    .set({ retimedRevision: revision })
    .where((attr, op) => op.lt(attr.retimedRevision, revision))
    .go()
    .catch((error: unknown) => {
      if ((error as { cause?: { name?: string } }).cause?.name !== 'ConditionalCheckFailedException') throw error;
    });
};
