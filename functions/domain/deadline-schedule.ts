/**
 * When a company must next be looked at, as pure functions of the policy, the obligation and
 * the date. A due date `D` is met by the end of `D` in program time (Washington, decision 24):
 * the removal falls at 00:00 Eastern on the day after, and the reminder `n` days before at
 * 00:00 Eastern on `D - n`, in EDT or EST as each day falls.
 */
import {
  DEFAULT_NEW_ENROLLEE_DAYS,
  DEFAULT_REMINDER_DAYS,
  INITIAL_DEADLINES,
  REVIEW_WINDOW_DAYS,
} from '../definitions/deadlines.ts';
import { CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import { addDays, daysBetween, programDate, programDayStart } from '../definitions/program-time.ts';

import type { ObligationKind } from '../schemas/obligations.ts';

export type { ObligationKind };

/** What the sweep knows about one open obligation. */
export interface ScheduleState {
  readonly kind: ObligationKind;
  readonly dueAt: string;
  readonly dueDate?: string;
  readonly enrolledAt?: string;
  readonly extendedTo?: string;
  readonly remindersSent: readonly string[];
}

export type Decision =
  | { readonly action: 'remove'; readonly dueDate: string }
  | {
      readonly action: 'remind';
      readonly dueDate: string;
      readonly step: number;
      readonly daysLeft: number;
      readonly marks: readonly string[];
      readonly nextActionAt: string;
    }
  | { readonly action: 'reschedule'; readonly dueDate: string; readonly nextActionAt: string };

/** Revision 0 of a category's policy: the 2006 schedule as first announced. */
export const initialPolicy = (category: CategoryId): DeadlinePolicy => ({
  category,
  deadline: INITIAL_DEADLINES[category],
  newEnrolleeDays: DEFAULT_NEW_ENROLLEE_DAYS,
  reminderDays: [...DEFAULT_REMINDER_DAYS],
  revision: 0,
  revisedAt: null,
  revisedBy: 'system',
  reason: 'Schedule as first announced (2006)',
});

/** Every category's policy: the stored revision where there is one, else revision 0. */
export const currentPolicies = (stored: readonly DeadlinePolicy[]): Map<CategoryId, DeadlinePolicy> =>
  new Map(CATEGORY_IDS.map((id) => [id, stored.find((p) => p.category === id) ?? initialPolicy(id)]));

const later = (a: string, b: string | null | undefined): string => (b && b > a ? b : a);

/**
 * The enrollment deadline of one company: the latest of its category's deadline,
 * `newEnrolleeDays` after its enrollment, and any date CBP gave it (an extension, a
 * reinstatement, an accepted reapplication). A category moved later also moves an extended
 * company; nothing CBP gives a company makes its deadline earlier.
 */
export const enrollmentDueDate = (policy: DeadlinePolicy, enrolledAt: string, extendedTo?: string): string =>
  later(later(addDays(programDate(enrolledAt), policy.newEnrolleeDays), policy.deadline), extendedTo);

/** The reminder steps (days before the due date), largest first; recertification opens its window first. */
export const stepsFor = (kind: ObligationKind, policy: DeadlinePolicy): number[] =>
  [...new Set(kind === 'recertification' ? [REVIEW_WINDOW_DAYS, ...policy.reminderDays] : policy.reminderDays)].sort(
    (a, b) => b - a,
  );

export const stepKey = (kind: ObligationKind, dueDate: string, days: number): string => `${kind}:${dueDate}:${days}`;

/**
 * What the sweep does with an obligation as of `asOf`: remove the company once the due date has
 * passed; else send the reminder for the latest step that has come due and not been sent
 * (earlier unsent steps are passed over: one email, not a burst); else move `dueAt` to the next
 * step. Each step is sent at most once per due date, so a moved deadline brings its own ladder.
 */
export const decide = (policy: DeadlinePolicy, state: ScheduleState, asOf: Date): Decision => {
  const dueDate =
    state.kind === 'enrollment' ? enrollmentDueDate(policy, state.enrolledAt!, state.extendedTo) : state.dueDate!;
  const lapseAt = programDayStart(dueDate, 1);
  if (asOf >= lapseAt) return { action: 'remove', dueDate };
  const sent = new Set(state.remindersSent);
  const pending = stepsFor(state.kind, policy).filter((days) => !sent.has(stepKey(state.kind, dueDate, days)));
  const due = pending.filter((days) => programDayStart(dueDate, -days) <= asOf);
  const later = pending
    .filter((days) => programDayStart(dueDate, -days) > asOf)
    .map((days) => programDayStart(dueDate, -days).getTime());
  const nextActionAt = new Date(Math.min(lapseAt.getTime(), ...later)).toISOString();
  if (due.length === 0) return { action: 'reschedule', dueDate, nextActionAt };
  const step = Math.min(...due);
  // Program days: on D - 7 in Washington there are 7 days left, whatever the hour or the DST change.
  const daysLeft = daysBetween(programDate(asOf), dueDate);
  return {
    action: 'remind',
    dueDate,
    step,
    daysLeft,
    marks: due.map((days) => stepKey(state.kind, dueDate, days)),
    nextActionAt,
  };
};
