/**
 * Each company's Supply Chain Security Specialist (issue 22 item 2, decision 93): a CBP
 * administrator assigns an active CBP staff member to a company, and reassigns it, each time
 * audited with who it was before; a specialist reads their worklist: their companies with what
 * each needs now, overdue first.
 */
import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import { companyView } from './companies.ts';
import { currentPolicies } from './deadline-schedule.ts';
import { nextDue } from './compliance.ts';
import { programStatusOf } from '../definitions/program-status.ts';
import { programDate } from '../definitions/program-time.ts';
import { CBP_COMPANY_ID, CBP_ROLES, isCbp, type Role } from '../definitions/roles.ts';
import { Conflict, NotFound, ValidationFailed, versionConflict } from '../errors.ts';
import type { Company, CompanyView } from '../schemas/company.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import type { SpecialistAssignment, WorkNeed, Worklist, WorklistItem } from '../schemas/specialists.ts';
import type { Validation } from '../schemas/validations.ts';

export interface SpecialistDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: { get(companyId: string): Promise<Company | null> };
  /** CBP's staff, who may be specialists. */
  readonly members: {
    get(companyId: string, userId: string): Promise<{ role: Role; status: 'active' | 'disabled'; name: string } | null>;
  };
  readonly specialists: {
    /** All or nothing; false when the company was no longer at the version read. */
    assign(change: SpecialistAssignment): Promise<boolean>;
    companiesOf(userId: string): Promise<Company[]>;
  };
  readonly deadlines: { listRevised(): Promise<DeadlinePolicy[]> };
  /** Each company's validations, for what they ask of the specialist. */
  readonly validations: { list(companyId: string): Promise<Validation[]> };
}

/** A CBP administrator assigns (or reassigns) the company's specialist, an active CBP staff member. */
export const assignSpecialist = async (
  deps: Omit<SpecialistDeps, 'deadlines' | 'validations'>,
  caller: Caller,
  companyId: string,
  input: { version: number; userId: string; reason?: string | undefined },
): Promise<CompanyView> => {
  requireRole(caller, ['cbp-admin']);
  const company = await deps.companies.get(companyId);
  if (!company) throw new NotFound('No such company.');
  if (input.version !== company.version) throw versionConflict('company', company.version);
  const staff = await deps.members.get(CBP_COMPANY_ID, input.userId);
  if (!staff || !isCbp(staff.role) || staff.status !== 'active')
    throw new ValidationFailed([{ field: 'userId', message: 'must be an active CBP staff member' }]);
  if (company.specialist?.userId === input.userId)
    throw new Conflict(`${staff.name} is already the company's specialist.`, 'already_assigned');
  const now = deps.clock.now();
  const specialist = {
    userId: input.userId,
    name: staff.name,
    assignedAt: now.toISOString(),
    assignedBy: caller.userId,
  };
  const assigned = await deps.specialists.assign({
    companyId,
    expectedVersion: company.version,
    specialist,
    ...(company.specialist ? { previousUserId: company.specialist.userId } : {}),
    audit: auditItem(
      caller,
      {
        companyId,
        action: company.specialist ? 'company.specialist-reassigned' : 'company.specialist-assigned',
        objectType: 'company',
        objectId: companyId,
        changes: {
          before: company.specialist ?? null,
          after: specialist,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      },
      now,
      deps.ids.next(),
    ),
  });
  if (!assigned) throw versionConflict('company');
  return companyView({ ...company, specialist, version: company.version + 1 });
};

/** What a specialist has to do about a company now, its open validation (if any) included. */
const needsOf = (company: Company, dueOn: string | null, today: string, validations: Validation[]): WorkNeed[] => {
  const needs: WorkNeed[] = [];
  if (dueOn !== null && dueOn < today) needs.push('overdue');
  const open = validations.find((v) => v.status !== 'closed');
  const waiting = open?.actions.filter((a) => a.status === 'open' || a.status === 'returned') ?? [];
  if (waiting.some((a) => a.dueOn < today)) needs.push('overdue-action');
  if (open?.actions.some((a) => a.status === 'answered')) needs.push('review-answers');
  if (open?.awaiting === 'cbp') needs.push('confirm-date');
  const status = programStatusOf(company);
  if (status === 'applicant' && company.portalUpdateCompletedAt) needs.push('review-profile');
  if (status === 'certified' && !open && !validations.length) needs.push('schedule-validation');
  if (status === 'suspended') needs.push('follow-suspension');
  return needs;
};

const urgency = (item: WorklistItem) =>
  item.needs.includes('overdue') || item.needs.includes('overdue-action') ? 0 : 1;

/** A specialist's worklist (CBP; the caller's own unless another specialist is named). */
export const worklist = async (
  deps: Pick<SpecialistDeps, 'clock' | 'members' | 'specialists' | 'deadlines' | 'validations'>,
  caller: Caller,
  query: { specialist?: string | undefined },
): Promise<Worklist> => {
  requireRole(caller, CBP_ROLES);
  const userId = query.specialist ?? caller.userId;
  const [companies, policies, staff] = await Promise.all([
    deps.specialists.companiesOf(userId),
    deps.deadlines.listRevised().then(currentPolicies),
    userId === caller.userId ? Promise.resolve(null) : deps.members.get(CBP_COMPANY_ID, userId),
  ]);
  if (userId !== caller.userId && (!staff || !isCbp(staff.role))) throw new NotFound('No such CBP staff member.');
  const today = programDate(deps.clock.now());
  const validations = await Promise.all(companies.map((c) => deps.validations.list(c.companyId)));
  const items = companies.map((company, i): WorklistItem => {
    const due = nextDue(company, policies);
    return {
      companyId: company.companyId,
      legalName: company.legalName,
      category: company.category,
      sviCode: company.sviCode ?? null,
      programStatus: programStatusOf(company),
      ...due,
      needs: needsOf(company, due.dueOn, today, validations[i]!),
    };
  });
  items.sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      a.legalName.localeCompare(b.legalName, 'en', { sensitivity: 'base' }),
  );
  return { specialist: { userId, name: userId === caller.userId ? caller.name : (staff?.name ?? null) }, items };
};
