/**
 * A deadline revision's impact, before it is saved (issue 22, item 5): which companies the sweep
 * would remind or remove under the proposed policy, and on which program days. Read-only: it runs
 * the sweep's own decision (deadline-schedule.ts `decide`) forward in time over each open
 * obligation of the category, from now until its removal or its last reminder, with the reminders
 * each obligation has already had; so the preview is what the sweep then does, day by day, if
 * nothing else changes (a company completing its update, CBP extending its deadline).
 */
import type { Clock } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { currentPolicies, decide, enrollmentDueDate, type ScheduleState } from './deadline-schedule.ts';
import { addDays, programDate } from '../definitions/program-time.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import type { DeadlineImpact, DeadlineImpactCompany } from '../schemas/deadline-impact.ts';
import type { Obligation } from '../schemas/obligations.ts';

/** What the preview reads: the category's policies in force and its open obligations. */
export interface ImpactDeps {
  readonly clock: Clock;
  readonly deadlines: { listRevised(): Promise<readonly DeadlinePolicy[]> };
  readonly obligations: { inCategory(category: CategoryId): AsyncIterable<Obligation> };
}

/** The proposed policy's terms (a revision's body without its reason). */
export interface ProposedTerms {
  readonly deadline: string | null;
  readonly newEnrolleeDays: number;
  readonly reminderDays: readonly number[];
}

/** At most this many companies are listed (soonest removal first); the summary counts them all. */
export const IMPACT_LISTED = 1_000;
/** A revision that would remove a company within this many days needs a second administrator (issue 22). */
export const IMPACT_WINDOW_DAYS = 30;
/** An obligation's decisions followed at most (a ladder of eight steps and the review window, each with its wait, then removal). */
const MAX_DECISIONS = 40;

const dueDateOf = (policy: DeadlinePolicy, item: ScheduleState): string =>
  item.kind === 'enrollment' ? enrollmentDueDate(policy, item.enrolledAt!, item.extendedTo) : item.dueDate!;

/**
 * The sweep's actions on one obligation from `asOf` on, under `policy`: each reminder on the
 * program day it falls due (one already due goes out at the next sweep, today), then the removal
 * on the day after the due date.
 */
export const forecast = (policy: DeadlinePolicy, item: ScheduleState, asOf: Date) => {
  const reminders: { on: string; daysLeft: number }[] = [];
  let state: ScheduleState = item;
  let at = asOf;
  for (let i = 0; i < MAX_DECISIONS; i += 1) {
    const decision = decide(policy, state, at);
    if (decision.action === 'remove') return { reminders, removalOn: programDate(at) };
    if (decision.action === 'remind') {
      reminders.push({ on: programDate(at), daysLeft: decision.daysLeft });
      state = { ...state, remindersSent: [...state.remindersSent, ...decision.marks] };
    }
    at = new Date(decision.nextActionAt);
  }
  return { reminders, removalOn: null };
};

export const previewRevision = async (
  deps: ImpactDeps,
  caller: Caller,
  category: CategoryId,
  terms: ProposedTerms,
): Promise<DeadlineImpact> => {
  requireRole(caller, ['cbp-admin']);
  const current = currentPolicies(await deps.deadlines.listRevised()).get(category)!;
  const proposed: DeadlinePolicy = { ...current, ...terms, reminderDays: [...terms.reminderDays] };
  const asOf = deps.clock.now();
  const today = programDate(asOf);
  const windowEnds = addDays(today, IMPACT_WINDOW_DAYS);
  const companies: DeadlineImpactCompany[] = [];
  for await (const item of deps.obligations.inCategory(category)) {
    const { reminders, removalOn } = forecast(proposed, item, asOf);
    companies.push({
      companyId: item.companyId,
      legalName: item.legalName,
      obligation: item.kind,
      dueDate: { current: dueDateOf(current, item), proposed: dueDateOf(proposed, item) },
      reminders,
      removalOn,
    });
  }
  // Soonest removal first, then those never removed; by name within a day.
  companies.sort(
    (a, b) =>
      (a.removalOn ?? '9999').localeCompare(b.removalOn ?? '9999') ||
      a.legalName.localeCompare(b.legalName, 'en', { sensitivity: 'base' }),
  );
  const removalsWithinWindow = companies.filter((c) => c.removalOn !== null && c.removalOn <= windowEnds).length;
  const movesEarlier = companies.some((c) => c.dueDate.proposed < c.dueDate.current);
  return {
    category,
    asOf: asOf.toISOString(),
    current,
    proposed: {
      deadline: proposed.deadline,
      newEnrolleeDays: proposed.newEnrolleeDays,
      reminderDays: proposed.reminderDays,
    },
    summary: {
      companies: companies.length,
      reminders: companies.reduce((n, c) => n + c.reminders.length, 0),
      removals: companies.filter((c) => c.removalOn !== null).length,
      removalsWithinWindow,
      windowDays: IMPACT_WINDOW_DAYS,
      movesEarlier,
      // The two-person rule's test (issue 22): an earlier date, or removals within the window.
      needsSecondApproval: movesEarlier || removalsWithinWindow > 0,
    },
    companies: companies.slice(0, IMPACT_LISTED),
    truncated: companies.length > IMPACT_LISTED,
  };
};
