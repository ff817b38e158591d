/**
 * A suspended company's appeal (issue 22 item 4, decision 94): its primary POC files one, with a
 * statement, within the appeal window (`SUSPENSION_APPEAL_DAYS` program days from the
 * suspension); a CBP administrator grants it, which lifts the suspension, or denies it, which
 * removes the company from the program. Each step is audited and told by email; the program
 * mailbox hears of every appeal filed.
 */
import type { Clock, Ids } from './clock.ts';
import { requireCompanyAccess, requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import * as notices from './notices.ts';
import { companyView } from './companies.ts';
import { PROGRAM_STATUS_TERMS, programStatusOf } from '../definitions/program-status.ts';
import { programDate } from '../definitions/program-time.ts';
import { Conflict, NotFound, versionConflict } from '../errors.ts';
import type { Company, CompanyView, Suspension } from '../schemas/company.ts';
import type { ProgramStatusChange } from '../schemas/program-status.ts';
import type { StandingChange } from '../schemas/standing.ts';

export interface AppealDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: { get(companyId: string): Promise<Company | null> };
  /** Files an appeal, or grants it (all or nothing; false when the company was no longer as read). */
  readonly programStatus: { changeProgramStatus(change: ProgramStatusChange): Promise<boolean> };
  /** Denies it: the removal, with the appeal's decision, all or nothing. */
  readonly standing: { changeStanding(change: StandingChange): Promise<boolean> };
  /** CBP's C-TPAT program mailbox, which hears of appeals and removals. */
  readonly programEmail: string;
}

const suspended = async (deps: Pick<AppealDeps, 'companies'>, companyId: string) => {
  const company = await deps.companies.get(companyId);
  if (!company) throw new NotFound('No such company.');
  if (programStatusOf(company) !== 'suspended' || !company.suspension)
    throw new Conflict("The company's benefits are not suspended: there is nothing to appeal.", 'not_suspended');
  return { company, suspension: company.suspension };
};

const updated = (company: Company, set: Partial<Company>, remove: readonly (keyof Company)[] = []): CompanyView => {
  const record: Record<string, unknown> = { ...company, ...set, version: company.version + 1 };
  for (const key of remove) delete record[key];
  return companyView(record as Company);
};

/** The primary POC appeals the suspension, within its window, once. */
export const fileAppeal = async (
  deps: AppealDeps,
  caller: Caller,
  companyId: string,
  input: { statement: string },
): Promise<CompanyView> => {
  requireRole(caller, ['primary-poc']);
  requireCompanyAccess(caller, companyId);
  const { company, suspension } = await suspended(deps, companyId);
  if (suspension.appeal) throw new Conflict('The suspension has already been appealed.', 'appeal_filed');
  const now = deps.clock.now();
  if (programDate(now) > suspension.appealBy)
    throw new Conflict(`The appeal window closed on ${notices.spelled(suspension.appealBy)}.`, 'appeal_window_closed');
  const appeal = {
    status: 'pending' as const,
    filedAt: now.toISOString(),
    filedBy: caller.userId,
    statement: input.statement,
  };
  const set = { suspension: { ...suspension, appeal } };
  const change: ProgramStatusChange = {
    companyId,
    expectedVersion: company.version,
    set,
    remove: [],
    audit: auditItem(
      caller,
      {
        companyId,
        action: 'company.suspension-appealed',
        objectType: 'company',
        objectId: companyId,
        changes: { statement: input.statement },
      },
      now,
      deps.ids.next(),
    ),
    deliveries: [notices.programNotice(deps.ids, deps.programEmail, company, 'Suspension appealed', now.toISOString())],
  };
  if (!(await deps.programStatus.changeProgramStatus(change))) throw versionConflict('company');
  return updated(company, set);
};

/** A CBP administrator grants the pending appeal (the suspension is lifted) or denies it (the company is removed). */
export const decideAppeal = async (
  deps: AppealDeps,
  caller: Caller,
  companyId: string,
  input: { version: number; decision: 'grant' | 'deny'; comments: string },
): Promise<CompanyView> => {
  requireRole(caller, ['cbp-admin']);
  const { company, suspension } = await suspended(deps, companyId);
  if (suspension.appeal?.status !== 'pending')
    throw new Conflict('The suspension has no appeal waiting for a decision.', 'no_pending_appeal');
  if (input.version !== company.version) throw versionConflict('company', company.version);
  const now = deps.clock.now();
  const at = now.toISOString();
  const decided: Suspension = {
    ...suspension,
    appeal: {
      ...suspension.appeal,
      status: input.decision === 'grant' ? 'granted' : 'denied',
      decidedAt: at,
      decidedBy: caller.userId,
      comments: input.comments,
    },
  };
  const audit = (action: string, changes: Record<string, unknown>) =>
    auditItem(caller, { companyId, action, objectType: 'company', objectId: companyId, changes }, now, deps.ids.next());

  if (input.decision === 'grant') {
    const set = { programStatus: suspension.from, programStatusChangedAt: at };
    const change: ProgramStatusChange = {
      companyId,
      expectedVersion: company.version,
      set,
      remove: ['suspension'],
      audit: audit('company.suspension-appeal-granted', { before: { suspension: decided }, to: suspension.from }),
      deliveries: [
        notices.standing(
          deps.ids,
          company,
          "Your appeal was granted: the suspension of your company's C-TPAT benefits has been lifted",
          PROGRAM_STATUS_TERMS[suspension.from].meaning,
          at,
        ),
      ],
    };
    if (!(await deps.programStatus.changeProgramStatus(change))) throw versionConflict('company');
    return updated(company, set, ['suspension']);
  }

  const removal = { at, reason: 'cbp-decision', note: input.comments, by: caller.userId } as const;
  const set = { status: 'removed' as const, removal, suspension: decided };
  const change: StandingChange = {
    companyId,
    category: company.category,
    expectedStatus: 'active',
    expectedVersion: company.version,
    set,
    obligations: { close: ['enrollment', 'recertification'] },
    audit: audit('company.suspension-appeal-denied', { appeal: decided.appeal, set: { status: 'removed', removal } }),
    deliveries: notices.removal(deps.ids, deps.programEmail, company, 'cbp-decision', at),
  };
  if (!(await deps.standing.changeStanding(change))) throw versionConflict('company');
  return updated(company, set);
};
