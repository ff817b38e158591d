import type { Deps } from './deps.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem } from '../data/audit-records.ts';
import { currentPolicies, initialPolicy } from './deadline-schedule.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { versionConflict } from '../errors.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { DeadlinePolicy, ReviseDeadline } from '../schemas/deadlines.ts';

type DeadlineDeps = Pick<Deps, 'deadlines'>;

const published = ({ retimedRevision: _r, ...policy }: DeadlinePolicy & { retimedRevision?: number }): DeadlinePolicy =>
  policy;

/** Every category's deadline policy in force (participants see the dates that bind them). */
export const list = async (deps: DeadlineDeps): Promise<{ items: DeadlinePolicy[] }> => ({
  items: [...currentPolicies(await deps.deadlines.listRevised()).values()].map(published),
});

const current = async (deps: DeadlineDeps, category: CategoryId): Promise<DeadlinePolicy> => {
  const stored = await deps.deadlines.getRevised(category);
  return stored ? published(stored) : initialPolicy(category);
};

/**
 * A CBP administrator revises a category's deadline or reminder ladder. The revision names the
 * one it replaces (a stale one is a 409), is kept with who, when and why, and takes effect at
 * the next sweep, which re-times the category's open obligations.
 */
export const revise = async (
  deps: Pick<Deps, 'clock' | 'ids' | 'deadlines'>,
  caller: Caller,
  category: CategoryId,
  input: ReviseDeadline,
): Promise<DeadlinePolicy> => {
  requireRole(caller, ['cbp-admin']);
  const before = await current(deps, category);
  if (input.revision !== before.revision) throw versionConflict('deadline policy', before.revision);
  const now = deps.clock.now();
  const next: DeadlinePolicy = {
    category,
    deadline: input.deadline,
    newEnrolleeDays: input.newEnrolleeDays,
    reminderDays: input.reminderDays,
    revision: before.revision + 1,
    revisedAt: now.toISOString(),
    revisedBy: caller.userId,
    reason: input.reason,
  };
  const audit = auditItem(
    caller,
    {
      companyId: CBP_COMPANY_ID,
      action: 'deadline-policy.revised',
      objectType: 'deadline-policy',
      objectId: category,
      changes: { before, after: next },
    },
    now,
    deps.ids.next(),
  );
  await deps.deadlines.revise(next, before.revision, audit);
  return next;
};

/** Every revision of a category, newest first, down to the schedule as first announced. */
export const history = async (deps: DeadlineDeps, category: CategoryId): Promise<{ items: DeadlinePolicy[] }> => ({
  items: [...(await deps.deadlines.history(category)), initialPolicy(category)],
});
