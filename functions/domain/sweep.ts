/**
 * The daily sweep (DESIGN sections 3.6, 3.7 and 8): sends the reminders that have come due,
 * removes the companies whose deadline passed or whose certification lapsed, and re-times a
 * category after its policy was revised. It reads what is due from the sparse, sharded due-date
 * index and nothing else per company, so its cost follows the number of items due.
 *
 * Every action is one conditional transaction on the obligation it read, so a sweep run twice,
 * or two at once, acts once; a sweep that fails halfway is finished by running it again.
 */
import type { Ids } from './clock.ts';
import { auditItem, type Actor } from './audit.ts';
import { currentPolicies, decide } from './deadline-schedule.ts';
import * as notices from './notices.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import type { Obligation } from '../schemas/obligations.ts';
import type { Delivery } from '../schemas/outbox.ts';
import type { StandingChange } from '../schemas/standing.ts';
import { logger, asError } from '../log.ts';

/** An obligation's next schedule, computed from the policy revision it names. */
interface Schedule {
  readonly dueAt: string;
  readonly dueDate: string;
  readonly policyRevision: number;
}

/** The open obligations. Each write acts only if nobody acted on the obligation since it was read (else false). */
export interface SweepObligations {
  /** Every obligation due at or before `asOf`. */
  due(asOf: string): AsyncIterable<Obligation>;
  /** Every open obligation of one category. */
  inCategory(category: CategoryId): AsyncIterable<Obligation>;
  reschedule(item: Obligation, next: Schedule): Promise<boolean>;
  /** Records the reminder steps `marks` as sent and queues the reminder with its audit record. */
  remind(
    item: Obligation,
    next: Schedule & { readonly marks: readonly string[] },
    delivery: Delivery,
    audit: AuditRecord,
  ): Promise<boolean>;
}

/** The categories' revised policies, and how far each has re-timed its obligations. */
export interface SweepPolicies {
  listRevised(): Promise<ReadonlyArray<DeadlinePolicy & { readonly retimedRevision: number }>>;
  /** Records that the category's obligations follow `revision` now (never moves back). */
  markRetimed(category: CategoryId, revision: number): Promise<void>;
}

/** Removes a company: false when it or the obligation acted on was no longer as read. */
export interface SweepStanding {
  changeStanding(change: StandingChange): Promise<boolean>;
}

export interface SweepDeps {
  readonly ids: Ids;
  readonly obligations: SweepObligations;
  readonly deadlines: SweepPolicies;
  readonly standing: SweepStanding;
  readonly programEmail: string;
}

export interface SweepReport {
  readonly asOf: string;
  /** Obligations read from the due-date index (all of them due). */
  readonly due: number;
  readonly reminded: number;
  readonly removed: number;
  readonly rescheduled: number;
  /** Obligations re-timed after a policy revision. */
  readonly retimed: number;
  /** Items another sweep (or the company) acted on first: nothing to do. */
  readonly skipped: number;
  readonly failed: number;
  readonly emailsQueued: number;
  /** One line per reminder or removal, for people (`npm run simulate`). */
  readonly actions: readonly string[];
}

/** The sweep acts as this system identity; its audit records say so. */
export const SWEEP_ACTOR: Actor = {
  userId: 'system:sweep',
  role: 'system',
  companyId: CBP_COMPANY_ID,
  sourceIp: 'scheduler',
};

/** How many obligations are acted on at once. */
const CONCURRENCY = 8;

const forEachConcurrently = async <T>(
  items: AsyncIterable<T>,
  limit: number,
  act: (item: T) => Promise<void>,
): Promise<void> => {
  const iterator = items[Symbol.asyncIterator]();
  const worker = async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await act(next.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
};

export class SweepIncomplete extends Error {
  constructor(readonly report: SweepReport) {
    super(`The sweep as of ${report.asOf} could not act on ${report.failed} item(s); run it again to finish.`);
  }
}

export const sweep = async (deps: SweepDeps, asOf: Date): Promise<SweepReport> => {
  const at = asOf.toISOString();
  const stored = await deps.deadlines.listRevised();
  const policies = currentPolicies(stored);
  const counts = {
    due: 0,
    reminded: 0,
    removed: 0,
    rescheduled: 0,
    retimed: 0,
    skipped: 0,
    failed: 0,
    emailsQueued: 0,
  };
  const actions: string[] = [];
  const guarded = (act: (item: Obligation) => Promise<void>) => async (item: Obligation) => {
    try {
      await act(item);
    } catch (error) {
      // One item's trouble must not stop the others; it is still due, and the re-run finishes it.
      counts.failed += 1;
      logger.error('sweep item failed', { companyId: item.companyId, kind: item.kind, error: asError(error) });
    }
  };

  const record = (outcome: Outcome) => {
    if (outcome === 'skipped') counts.skipped += 1;
    else {
      counts[outcome.kind] += 1;
      counts.emailsQueued += outcome.emails;
      if (outcome.line) actions.push(outcome.line);
    }
  };

  // A revised policy first re-times its category's open obligations. One the new dates make due
  // is acted on here and now (the due-date index may not show its new date yet). The revision
  // counts as applied only when every obligation took it; otherwise the next sweep goes on.
  for (const policy of stored.filter((p) => p.revision > p.retimedRevision)) {
    let complete = true;
    await forEachConcurrently(
      deps.obligations.inCategory(policy.category),
      CONCURRENCY,
      guarded(async (item) => {
        if (item.policyRevision >= policy.revision) return;
        const decision = decide(policy, item, asOf);
        if (decision.action !== 'reschedule') {
          const outcome = await act(deps, policy, item, asOf);
          if (outcome === 'skipped') complete = false;
          return record(outcome);
        }
        if (
          await deps.obligations.reschedule(item, {
            dueAt: decision.nextActionAt,
            dueDate: decision.dueDate,
            policyRevision: policy.revision,
          })
        )
          counts.retimed += 1;
        else complete = false;
      }),
    );
    if (complete && counts.failed === 0) await deps.deadlines.markRetimed(policy.category, policy.revision);
  }

  await forEachConcurrently(
    deps.obligations.due(at),
    CONCURRENCY,
    guarded(async (item) => {
      counts.due += 1;
      record(await act(deps, policies.get(item.category)!, item, asOf));
    }),
  );

  const report = { asOf: at, ...counts, actions: actions.sort() };
  if (counts.failed > 0) throw new SweepIncomplete(report);
  return report;
};

type Outcome = 'skipped' | { kind: 'reminded' | 'removed' | 'rescheduled'; emails: number; line?: string };

const act = async (deps: SweepDeps, policy: DeadlinePolicy, item: Obligation, asOf: Date): Promise<Outcome> => {
  const at = asOf.toISOString();
  const decision = decide(policy, item, asOf);
  const who = `${item.legalName} (${item.category})`;
  if (decision.action === 'reschedule') {
    const moved = await deps.obligations.reschedule(item, {
      dueAt: decision.nextActionAt,
      dueDate: decision.dueDate,
      policyRevision: policy.revision,
    });
    return moved ? { kind: 'rescheduled', emails: 0 } : 'skipped';
  }
  if (decision.action === 'remind') {
    const mark = decision.marks[decision.marks.length - 1]!;
    const delivery = notices.reminder(
      deps.ids,
      item,
      item.kind,
      { dueDate: decision.dueDate, daysLeft: decision.daysLeft, mark },
      at,
    );
    const audit = auditItem(
      SWEEP_ACTOR,
      {
        companyId: item.companyId,
        action: 'reminder.sent',
        objectType: 'obligation',
        objectId: `${item.companyId}#${item.kind}`,
        changes: { dueDate: decision.dueDate, step: decision.step, deliveryId: delivery.deliveryId },
      },
      asOf,
      deps.ids.next(),
    );
    const sent = await deps.obligations.remind(
      item,
      {
        dueAt: decision.nextActionAt,
        dueDate: decision.dueDate,
        marks: decision.marks,
        policyRevision: policy.revision,
      },
      delivery,
      audit,
    );
    return sent
      ? {
          kind: 'reminded',
          emails: 1,
          line: `reminded ${who}: ${item.kind} due ${decision.dueDate}, ${notices.days(decision.daysLeft)} left (email to ${notices.contactsOf(item).join(' and ')})`,
        }
      : 'skipped';
  }
  const reason = item.kind === 'enrollment' ? 'enrollment-deadline-missed' : 'certification-lapsed';
  const removal = { at, reason, by: SWEEP_ACTOR.userId } as const;
  const deliveries = notices.removal(deps.ids, deps.programEmail, item, reason, at);
  const audit = auditItem(
    SWEEP_ACTOR,
    {
      companyId: item.companyId,
      action: 'company.removed',
      objectType: 'company',
      objectId: item.companyId,
      changes: { set: { status: 'removed', removal }, dueDate: decision.dueDate },
    },
    asOf,
    deps.ids.next(),
  );
  const removed = await deps.standing.changeStanding({
    companyId: item.companyId,
    category: item.category,
    expectedStatus: 'active',
    set: { status: 'removed', removal },
    obligations: { acted: { kind: item.kind, dueAt: item.dueAt }, close: ['enrollment', 'recertification'] },
    audit,
    deliveries,
  });
  return removed
    ? {
        kind: 'removed',
        emails: deliveries.length,
        line: `removed ${who}: ${item.kind} due ${decision.dueDate} passed (notices to ${[...notices.contactsOf(item), deps.programEmail].join(' and ')})`,
      }
    : 'skipped';
};
