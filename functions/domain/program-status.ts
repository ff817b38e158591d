/**
 * A company's status in the program (issue 22 item 1, decision 92): CBP certifies an applicant,
 * records a certified company as validated, suspends a certified or validated company's benefits
 * with a reason and an action plan, and lifts a suspension. Each change names the version read,
 * is refused (409 `transition_not_allowed`) when the table of changes does not allow it from the
 * current status, is audited, and tells the company's POC by email without the reason.
 */
import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import * as notices from './notices.ts';
import { companyView } from './companies.ts';
import {
  allowedChanges,
  PROGRAM_STATUS_TERMS,
  programStatusOf,
  SUSPENSION_APPEAL_DAYS,
  type ActiveProgramStatus,
  type ProgramStatusTarget,
} from '../definitions/program-status.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { addDays, programDate } from '../definitions/program-time.ts';
import { Conflict, NotFound, ValidationFailed, versionConflict } from '../errors.ts';
import type { Company, CompanyView } from '../schemas/company.ts';
import type { ProgramStatusChange } from '../schemas/program-status.ts';

/** What a change of program status needs. */
export interface ProgramStatusDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: { get(companyId: string): Promise<Company | null> };
  /** Writes the change all or nothing; false when the company was no longer as read. */
  readonly programStatus: { changeProgramStatus(change: ProgramStatusChange): Promise<boolean> };
}

const label = (status: keyof typeof PROGRAM_STATUS_TERMS) => PROGRAM_STATUS_TERMS[status].label.toLowerCase();

/** The POC's notice: the new status and what it means, never CBP's reason or the action plan. */
const notice = (
  from: ActiveProgramStatus,
  to: ActiveProgramStatus,
  appealBy: string | undefined,
): { event: string; next: string } => {
  if (to === 'suspended')
    return {
      event: "Your company's C-TPAT benefits have been suspended",
      next: `CBP's reasons and the action plan to complete are in the portal. Your primary point of contact may appeal there by ${notices.spelled(appealBy!)}.`,
    };
  if (from === 'suspended')
    return {
      event: "The suspension of your company's C-TPAT benefits has been lifted",
      next: PROGRAM_STATUS_TERMS[to].meaning,
    };
  return { event: `Your company is now ${label(to)}`, next: PROGRAM_STATUS_TERMS[to].meaning };
};

export const changeProgramStatus = async (
  deps: ProgramStatusDeps,
  caller: Caller,
  companyId: string,
  input: { version: number; to: ProgramStatusTarget; reason: string; actionPlan?: string | undefined },
): Promise<CompanyView> => {
  requireRole(caller, CBP_ROLES);
  const company = await deps.companies.get(companyId);
  if (!company) throw new NotFound('No such company.');
  const from = programStatusOf(company);
  if (from === 'removed')
    throw new Conflict(
      'The company is removed: reinstate it, or accept its reapplication, before changing its program status.',
      'company_removed',
    );
  if (input.version !== company.version) throw versionConflict('company', company.version);
  const allowed = allowedChanges(company);
  if (!allowed.includes(input.to))
    throw new Conflict(
      `A ${label(from)} company cannot become ${label(input.to)}; from ${label(from)} it can become ${
        allowed.map(label).join(' or ') || 'nothing on this route'
      }.`,
      'transition_not_allowed',
      [{ field: 'to', message: `allowed from ${from}: ${allowed.join(', ') || 'none'}` }],
    );
  if (input.to === 'suspended' && !input.actionPlan)
    throw new ValidationFailed([{ field: 'actionPlan', message: 'is required for a suspension' }]);
  if (input.to !== 'suspended' && input.actionPlan !== undefined)
    throw new ValidationFailed([{ field: 'actionPlan', message: 'is given only with a suspension' }]);

  const now = deps.clock.now().toISOString();
  const suspension =
    input.to === 'suspended'
      ? {
          at: now,
          by: caller.userId,
          reason: input.reason,
          actionPlan: input.actionPlan!,
          from: from as 'certified' | 'validated',
          appealBy: addDays(programDate(deps.clock.now()), SUSPENSION_APPEAL_DAYS),
        }
      : undefined;
  const set = { programStatus: input.to, programStatusChangedAt: now, ...(suspension ? { suspension } : {}) };
  const { event, next } = notice(from, input.to, suspension?.appealBy);
  const change: ProgramStatusChange = {
    companyId,
    expectedVersion: company.version,
    set,
    remove: from === 'suspended' ? ['suspension'] : [],
    audit: auditItem(
      caller,
      {
        companyId,
        action: 'company.program-status-changed',
        objectType: 'company',
        objectId: companyId,
        changes: {
          from,
          to: input.to,
          reason: input.reason,
          ...(suspension ? { actionPlan: suspension.actionPlan } : {}),
          ...(from === 'suspended' ? { before: { suspension: company.suspension } } : {}),
        },
      },
      deps.clock.now(),
      deps.ids.next(),
    ),
    deliveries: [notices.standing(deps.ids, company, event, next, now)],
  };
  if (!(await deps.programStatus.changeProgramStatus(change))) throw versionConflict('company');
  const updated: Record<string, unknown> = { ...company, ...set, version: company.version + 1 };
  if (from === 'suspended') delete updated['suspension'];
  return companyView(updated as Company);
};
