/**
 * CBP's compliance views as pure functions of company records, the deadline policies and the
 * date: what falls due next for a company, and the counts of the overview.
 */
import { dateOf, enrollmentDueDate } from './deadline-schedule.ts';
import { CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import type { Company, CompanyStatus } from '../schemas/company.ts';
import type { CompanySummary, ComplianceOverview } from '../schemas/compliance.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';

/** What of a company record the views read. */
export type CompanyRecord = Pick<Company, 'companyId' | 'legalName' | 'category' | 'status' | 'pocEmail' | 'enrolledAt' | 'portalUpdateCompletedAt' | 'nextCertificationDueAt' | 'deadlineExtendedTo' | 'removal'>;

export interface Due {
  readonly dueOn: string | null;
  readonly dueKind: 'enrollment' | 'recertification' | null;
}

/**
 * A company's next due date, the same way the sweep computes it: the enrollment deadline while
 * the portal update is incomplete, the recertification date once it has one; the earlier if a
 * reinstated company owes both. A removed company owes nothing until it is back.
 */
export const nextDue = (company: CompanyRecord, policy: DeadlinePolicy): Due => {
  if (company.status !== 'active') return { dueOn: null, dueKind: null };
  const candidates: { dueOn: string; dueKind: 'enrollment' | 'recertification' }[] = [];
  if (!company.portalUpdateCompletedAt) candidates.push({ dueOn: enrollmentDueDate(policy, company.enrolledAt, company.deadlineExtendedTo), dueKind: 'enrollment' });
  if (company.nextCertificationDueAt) candidates.push({ dueOn: dateOf(company.nextCertificationDueAt), dueKind: 'recertification' });
  return candidates.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? { dueOn: null, dueKind: null };
};

export const summaryOf = (company: CompanyRecord, policy: DeadlinePolicy): CompanySummary => ({
  companyId: company.companyId,
  legalName: company.legalName,
  category: company.category,
  status: company.status,
  pocEmail: company.pocEmail,
  enrolledAt: company.enrolledAt,
  ...nextDue(company, policy),
});

/** Whether a summary passes the `dueBefore` filter (on or before that day; nothing due never does). */
export const dueBy = (summary: Pick<CompanySummary, 'dueOn'>, dueBefore: string | undefined): boolean =>
  dueBefore === undefined || (summary.dueOn !== null && summary.dueOn <= dueBefore);

/** The `count` calendar months (`YYYY-MM`) ending with the month of `asOf`, oldest first. */
export const monthsEnding = (asOf: Date, count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - (count - 1 - i), 1)).toISOString().slice(0, 7));

/**
 * The overview of every company: counts by status and category (every pair, zeros included, so
 * a chart has a stable shape), and per month the due dates of active companies and the removals.
 */
export const overviewOf = (companies: Iterable<CompanyRecord>, policies: ReadonlyMap<CategoryId, DeadlinePolicy>, asOf: Date, monthCount: number): ComplianceOverview => {
  const statuses: CompanyStatus[] = ['active', 'removed'];
  const counts = new Map(statuses.flatMap((status) => CATEGORY_IDS.map((category) => [`${status}|${category}`, 0] as const)));
  const months = monthsEnding(asOf, monthCount);
  const deadlines = new Map(months.map((m) => [m, 0]));
  const removals = new Map(months.map((m) => [m, 0]));
  const bump = (map: Map<string, number>, key: string | undefined) => {
    if (key !== undefined && map.has(key)) map.set(key, map.get(key)! + 1);
  };
  for (const company of companies) {
    bump(counts, `${company.status}|${company.category}`);
    const policy = policies.get(company.category);
    if (policy) bump(deadlines, nextDue(company, policy).dueOn?.slice(0, 7));
    if (company.status === 'removed') bump(removals, company.removal?.at.slice(0, 7));
  }
  return {
    asOf: asOf.toISOString(),
    byStatusAndCategory: statuses.flatMap((status) => CATEGORY_IDS.map((category) => ({ status, category, count: counts.get(`${status}|${category}`)! }))),
    months: months.map((month) => ({ month, deadlines: deadlines.get(month)!, removals: removals.get(month)! })),
  };
};
