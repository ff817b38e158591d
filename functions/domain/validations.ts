/**
 * Validations (issue 22 item 3, decision 96). CBP proposes a date and the sites; the side the date
 * waits for confirms it or proposes another; CBP records the report, each finding a required
 * action tied to a Security Profile question with a due date; the company answers each action;
 * CBP accepts it or returns it with comments. When every action is accepted the validation
 * closes and a certified company becomes validated, in the same transaction. Each step is
 * audited; the company's POC is told by email of what it must do and by when, never the findings.
 */
import type { Clock, Ids } from './clock.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { requireExistsIfEmpty } from './companies.ts';
import * as notices from './notices.ts';
import { questionsFor } from '../definitions/criteria.ts';
import { programStatusOf } from '../definitions/program-status.ts';
import { programDate } from '../definitions/program-time.ts';
import { CBP_ROLES, isCbp } from '../definitions/roles.ts';
import { Conflict, Forbidden, NotFound, ValidationFailed, versionConflict } from '../errors.ts';
import type { Company } from '../schemas/company.ts';
import type { RequiredAction, Validation, ValidationChange } from '../schemas/validations.ts';

export interface ValidationDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: { get(companyId: string): Promise<Company | null> };
  readonly validations: {
    get(companyId: string, validationId: string): Promise<Validation | null>;
    list(companyId: string): Promise<Validation[]>;
    /** All or nothing; false when the validation or the company was no longer as read. */
    save(change: ValidationChange): Promise<boolean>;
  };
}

const companyIn = async (deps: Pick<ValidationDeps, 'companies'>, companyId: string): Promise<Company> => {
  const company = await deps.companies.get(companyId);
  if (!company) throw new NotFound('No such company.');
  if (company.status === 'removed') throw new Conflict('The company is removed from the program.', 'company_removed');
  return company;
};

const found = async (deps: Pick<ValidationDeps, 'validations'>, companyId: string, validationId: string) => {
  const validation = await deps.validations.get(companyId, validationId);
  if (!validation) throw new NotFound('No such validation.');
  return validation;
};

const requireVersion = (validation: Validation, version: number) => {
  if (version !== validation.version) throw versionConflict('validation', validation.version);
};

const requireFuture = (field: string, date: string, now: Date) => {
  const today = programDate(now);
  if (date <= today) throw new ValidationFailed([{ field, message: `must be after ${today}` }]);
};

/** The primary POC or a user allowed to edit the profile answers for the company; never CBP. */
const requireCompanyEditor = (caller: Caller, companyId: string) => {
  requireCompanyAccess(caller, companyId);
  if (caller.role === 'primary-poc' || (caller.role === 'company-user' && caller.permissions.editProfile)) return;
  throw new Forbidden('Your primary POC has not allowed you to answer for the company.');
};

type Step = Omit<ValidationChange, 'audit' | 'validation' | 'deliveries'> & {
  readonly action: string;
  readonly changes: Record<string, unknown>;
  readonly notice?: { readonly event: string; readonly next: string };
};

/** Writes the new state of the validation with its audit record and the POC's notice. */
const commit = async (
  deps: ValidationDeps,
  caller: Caller,
  company: Company,
  validation: Validation,
  step: Step,
): Promise<Validation> => {
  const now = deps.clock.now();
  const { action, changes, notice, ...rest } = step;
  const change: ValidationChange = {
    ...rest,
    validation,
    audit: auditItem(
      caller,
      {
        companyId: company.companyId,
        action,
        objectType: 'validation',
        objectId: validation.validationId,
        changes,
      },
      now,
      deps.ids.next(),
    ),
    deliveries: notice ? [notices.standing(deps.ids, company, notice.event, notice.next, now.toISOString())] : [],
  };
  if (!(await deps.validations.save(change))) throw versionConflict('validation');
  return validation;
};

/** CBP proposes a validation: a date after today and the sites; the company confirms it or proposes another. */
export const schedule = async (
  deps: ValidationDeps,
  caller: Caller,
  companyId: string,
  input: { scheduledFor: string; sites: string[] },
): Promise<Validation> => {
  requireRole(caller, CBP_ROLES);
  const company = await companyIn(deps, companyId);
  const now = deps.clock.now();
  requireFuture('scheduledFor', input.scheduledFor, now);
  if ((await deps.validations.list(companyId)).some((v) => v.status !== 'closed'))
    throw new Conflict('The company has a validation under way; finish it first.', 'validation_open');
  const validation: Validation = {
    companyId,
    validationId: deps.ids.next(),
    version: 1,
    status: 'scheduling',
    scheduledFor: input.scheduledFor,
    sites: input.sites,
    awaiting: 'company',
    scheduledBy: caller.userId,
    scheduledAt: now.toISOString(),
    actions: [],
  };
  return commit(deps, caller, company, validation, {
    action: 'validation.scheduled',
    changes: { after: { scheduledFor: validation.scheduledFor, sites: validation.sites } },
    notice: {
      event: `CBP proposes a C-TPAT validation on ${notices.spelled(input.scheduledFor)}`,
      next: 'Sign in to confirm the date, or to answer with a date of your own.',
    },
  });
};

export const list = async (
  deps: Pick<ValidationDeps, 'validations' | 'companies'>,
  caller: Caller,
  companyId: string,
): Promise<{ items: Validation[] }> => {
  requireCompanyAccess(caller, companyId);
  const items = await deps.validations.list(companyId);
  // Only CBP can ask for another company's list: an empty one is a 404 when there is no such company.
  await requireExistsIfEmpty(deps, companyId, items.length === 0);
  return { items: items.sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt)) };
};

/** The side the date waits for confirms it, or proposes another, which the other side then answers. */
export const agreeDate = async (
  deps: ValidationDeps,
  caller: Caller,
  companyId: string,
  validationId: string,
  input: { version: number; decision: 'confirm' | 'propose'; date?: string | undefined },
): Promise<Validation> => {
  const side = isCbp(caller.role) ? 'cbp' : 'company';
  if (side === 'company') {
    requireCompanyAccess(caller, companyId);
    requireRole(caller, ['primary-poc']);
  }
  const company = await companyIn(deps, companyId);
  const validation = await found(deps, companyId, validationId);
  if (validation.status !== 'scheduling' || validation.awaiting !== side)
    throw new Conflict(
      validation.status === 'scheduling' ? 'The date waits for the other side.' : 'The date is agreed already.',
      'date_not_awaited',
    );
  requireVersion(validation, input.version);
  if (input.decision === 'propose') {
    if (!input.date) throw new ValidationFailed([{ field: 'date', message: 'is required to propose a date' }]);
    requireFuture('date', input.date, deps.clock.now());
  } else if (input.date !== undefined)
    throw new ValidationFailed([{ field: 'date', message: 'is given only when proposing a date' }]);
  const next: Validation =
    input.decision === 'confirm'
      ? { ...validation, version: validation.version + 1, status: 'scheduled', awaiting: null }
      : {
          ...validation,
          version: validation.version + 1,
          scheduledFor: input.date!,
          awaiting: side === 'cbp' ? 'company' : 'cbp',
        };
  return commit(deps, caller, company, next, {
    expectedVersion: validation.version,
    action: input.decision === 'confirm' ? 'validation.date-confirmed' : 'validation.date-proposed',
    changes: { before: validation.scheduledFor, after: next.scheduledFor, by: side },
    ...(side === 'cbp'
      ? {
          notice:
            input.decision === 'confirm'
              ? {
                  event: `Your C-TPAT validation is confirmed for ${notices.spelled(next.scheduledFor)}`,
                  next: 'The sites and the details are in the portal.',
                }
              : {
                  event: `CBP proposes a new date for your C-TPAT validation: ${notices.spelled(next.scheduledFor)}`,
                  next: 'Sign in to confirm the date, or to answer with a date of your own.',
                },
        }
      : {}),
  });
};

/** The criteria a company of this category is asked, as `section.question`. */
const criteriaOf = (company: Company) =>
  new Set(questionsFor(company.category).flatMap((s) => s.questions.map((q) => `${s.id}.${q.id}`)));

/** The validation closes, and a certified company becomes validated, once every action is accepted. */
const closing = (deps: ValidationDeps, caller: Caller, company: Company, now: Date) =>
  programStatusOf(company) === 'certified'
    ? {
        companyValidated: {
          expectedVersion: company.version,
          set: { programStatus: 'validated' as const, programStatusChangedAt: now.toISOString() },
          audit: auditItem(
            caller,
            {
              companyId: company.companyId,
              action: 'company.program-status-changed',
              objectType: 'company',
              objectId: company.companyId,
              changes: {
                from: 'certified',
                to: 'validated',
                reason: 'Validation closed: every required action accepted.',
              },
            },
            now,
            deps.ids.next(),
          ),
        },
        notice: {
          event: 'Your company is now validated',
          next: 'CBP accepted every required action of your validation.',
        },
      }
    : { notice: { event: 'Your C-TPAT validation is closed', next: 'CBP accepted every required action.' } };

/** CBP records the report: its summary and each required action (none closes the validation at once). */
export const report = async (
  deps: ValidationDeps,
  caller: Caller,
  companyId: string,
  validationId: string,
  input: { version: number; summary: string; actions: { criterion: string; finding: string; dueOn: string }[] },
): Promise<Validation> => {
  requireRole(caller, CBP_ROLES);
  const company = await companyIn(deps, companyId);
  const validation = await found(deps, companyId, validationId);
  if (validation.status !== 'scheduled')
    throw new Conflict(
      validation.status === 'scheduling' ? 'The date is not agreed yet.' : 'The report is recorded already.',
      'not_reportable',
    );
  requireVersion(validation, input.version);
  const now = deps.clock.now();
  const known = criteriaOf(company);
  const today = programDate(now);
  const problems = input.actions.flatMap((a, i) => [
    ...(known.has(a.criterion)
      ? []
      : [{ field: `actions.${i}.criterion`, message: 'is not a Security Profile question of this company' }]),
    ...(a.dueOn > today ? [] : [{ field: `actions.${i}.dueOn`, message: `must be after ${today}` }]),
  ]);
  if (problems.length) throw new ValidationFailed(problems);
  const actions: RequiredAction[] = input.actions.map((a, i) => ({ actionId: `A${i + 1}`, ...a, status: 'open' }));
  const closes = actions.length === 0;
  const next: Validation = {
    ...validation,
    version: validation.version + 1,
    status: closes ? 'closed' : 'reported',
    report: { summary: input.summary, at: now.toISOString(), by: caller.userId },
    actions,
    ...(closes ? { closedAt: now.toISOString() } : {}),
  };
  const firstDue = actions.map((a) => a.dueOn).sort()[0];
  return commit(deps, caller, company, next, {
    expectedVersion: validation.version,
    action: 'validation.reported',
    changes: { summary: input.summary, actions },
    ...(closes
      ? closing(deps, caller, company, now)
      : {
          notice: {
            event: 'CBP recorded the report of your C-TPAT validation',
            next: `${actions.length} required action${actions.length === 1 ? ' is' : 's are'} due, the first by ${notices.spelled(firstDue!)}. Sign in to answer each.`,
          },
        }),
  });
};

const actionOf = (validation: Validation, actionId: string) => {
  const action = validation.actions.find((a) => a.actionId === actionId);
  if (!action) throw new NotFound('No such required action.');
  return action;
};

const withAction = (validation: Validation, action: RequiredAction): Validation => ({
  ...validation,
  version: validation.version + 1,
  actions: validation.actions.map((a) => (a.actionId === action.actionId ? action : a)),
});

/** The company answers an open or returned action. */
export const answer = async (
  deps: ValidationDeps,
  caller: Caller,
  companyId: string,
  validationId: string,
  actionId: string,
  input: { version: number; text: string },
): Promise<Validation> => {
  requireCompanyEditor(caller, companyId);
  const company = await companyIn(deps, companyId);
  const validation = await found(deps, companyId, validationId);
  const action = actionOf(validation, actionId);
  if (action.status !== 'open' && action.status !== 'returned')
    throw new Conflict(
      action.status === 'answered' ? 'The action is answered and waits for CBP.' : 'CBP accepted this action.',
      'action_not_open',
    );
  requireVersion(validation, input.version);
  const now = deps.clock.now().toISOString();
  const answered: RequiredAction = {
    ...action,
    status: 'answered',
    answer: { text: input.text, at: now, by: caller.userId },
  };
  return commit(deps, caller, company, withAction(validation, answered), {
    expectedVersion: validation.version,
    action: 'validation.action-answered',
    changes: { actionId, text: input.text },
  });
};

/** CBP accepts an answered action or returns it with comments; the last acceptance closes the validation. */
export const review = async (
  deps: ValidationDeps,
  caller: Caller,
  companyId: string,
  validationId: string,
  actionId: string,
  input: { version: number; decision: 'accept' | 'return'; comments?: string | undefined },
): Promise<Validation> => {
  requireRole(caller, CBP_ROLES);
  const company = await companyIn(deps, companyId);
  const validation = await found(deps, companyId, validationId);
  const action = actionOf(validation, actionId);
  if (action.status !== 'answered')
    throw new Conflict('The action has no answer waiting for review.', 'action_not_answered');
  requireVersion(validation, input.version);
  const now = deps.clock.now();
  const reviewed: RequiredAction = {
    ...action,
    status: input.decision === 'accept' ? 'accepted' : 'returned',
    review: {
      decision: input.decision,
      ...(input.comments ? { comments: input.comments } : {}),
      at: now.toISOString(),
      by: caller.userId,
    },
  };
  let next = withAction(validation, reviewed);
  const closes = next.actions.every((a) => a.status === 'accepted');
  if (closes) next = { ...next, status: 'closed', closedAt: now.toISOString() };
  return commit(deps, caller, company, next, {
    expectedVersion: validation.version,
    action: input.decision === 'accept' ? 'validation.action-accepted' : 'validation.action-returned',
    changes: { actionId, ...(input.comments ? { comments: input.comments } : {}), closes },
    ...(closes
      ? closing(deps, caller, company, now)
      : input.decision === 'return'
        ? {
            notice: {
              event: 'CBP returned an answer to a required action of your C-TPAT validation',
              next: `Sign in to read CBP's comments and answer again by ${notices.spelled(action.dueOn)}.`,
            },
          }
        : {}),
  });
};
