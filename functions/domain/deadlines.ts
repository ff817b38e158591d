import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { currentPolicies, initialPolicy } from './deadline-schedule.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { Conflict, versionConflict } from '../errors.ts';
import { previewRevision, type ImpactDeps } from './deadline-impact.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import type { ReviseDeadline } from '../schemas/requests/deadlines.ts';

/** The categories' revised policies (a category never revised has none stored: revision 0 is in force). */
export interface DeadlineStore {
  listRevised(): Promise<readonly DeadlinePolicy[]>;
  getRevised(category: CategoryId): Promise<DeadlinePolicy | null>;
  /** Stores `next` if the category is still at revision `expected`, with its audit record; a 409 otherwise. */
  revise(next: DeadlinePolicy, expected: number, audit: AuditRecord): Promise<void>;
  /** A category's stored revisions, newest first. */
  history(category: CategoryId): Promise<readonly DeadlinePolicy[]>;
}

/** Deps holding only the named functions of the deadline store. */
type Using<K extends keyof DeadlineStore> = { readonly deadlines: Pick<DeadlineStore, K> };

const published = ({ retimedRevision: _r, ...policy }: DeadlinePolicy & { retimedRevision?: number }): DeadlinePolicy =>
  policy;

/** Every category's deadline policy in force (participants see the dates that bind them). */
export const list = async (deps: Using<'listRevised'>): Promise<{ items: DeadlinePolicy[] }> => ({
  items: [...currentPolicies(await deps.deadlines.listRevised()).values()].map(published),
});

/** The policy in force for `category` (revision 0 if never revised). */
export const current = async (deps: Using<'getRevised'>, category: CategoryId): Promise<DeadlinePolicy> => {
  const stored = await deps.deadlines.getRevised(category);
  return stored ? published(stored) : initialPolicy(category);
};

/** The revision `input` makes of the policy in force, by `by`, at `now`. */
export const nextRevision = (before: DeadlinePolicy, input: ReviseDeadline, by: string, now: Date): DeadlinePolicy => ({
  category: before.category,
  deadline: input.deadline,
  newEnrolleeDays: input.newEnrolleeDays,
  reminderDays: input.reminderDays,
  revision: before.revision + 1,
  revisedAt: now.toISOString(),
  revisedBy: by,
  reason: input.reason,
});

/**
 * A CBP administrator revises a category's deadline or reminder ladder. The revision names the
 * one it replaces (a stale one is a 409), is kept with who, when and why, and takes effect at
 * the next sweep, which re-times the category's open obligations. One that would move a
 * company's due date earlier, or remove a company within 30 days, is refused here: it is
 * proposed for a second administrator's approval instead (deadline-proposals.ts, decision 91).
 */
export const revise = async (
  deps: Using<'getRevised' | 'revise' | 'listRevised'> & ImpactDeps & { readonly clock: Clock; readonly ids: Ids },
  caller: Caller,
  category: CategoryId,
  input: ReviseDeadline,
): Promise<DeadlinePolicy> => {
  requireRole(caller, ['cbp-admin']);
  const before = await current(deps, category);
  if (input.revision !== before.revision) throw versionConflict('deadline policy', before.revision);
  const { summary } = await previewRevision(deps, caller, category, input);
  if (summary.needsSecondApproval)
    throw new Conflict(
      `This revision ${summary.movesEarlier ? 'moves a due date earlier' : `removes companies within ${summary.windowDays} days`}: propose it for a second administrator's approval.`,
      'second_approval_required',
    );
  const now = deps.clock.now();
  const next = nextRevision(before, input, caller.userId, now);
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
export const history = async (deps: Using<'history'>, category: CategoryId): Promise<{ items: DeadlinePolicy[] }> => ({
  items: [...(await deps.deadlines.history(category)), initialPolicy(category)],
});
