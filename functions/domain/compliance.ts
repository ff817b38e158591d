/**
 * CBP's view across companies: the companies list with its filters, and the compliance overview
 * (companies by status and category; due dates and removals per month). Reads only; they write no
 * audit record, like every list that shows no company's confidential records.
 */
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { PROGRAM_STATUS_TERMS, programStatusOf } from '../definitions/program-status.ts';
import { BadRequest } from '../errors.ts';
import { requireRole, type Caller } from './caller.ts';
import { currentPolicies, enrollmentDueDate } from './deadline-schedule.ts';
import { programDate, programMonth } from '../definitions/program-time.ts';
import type { Clock } from './clock.ts';
import type { Company } from '../schemas/company.ts';
import type { CompanyStatus } from '../schemas/fields.ts';
import type { DeadlinePolicy } from '../schemas/deadlines.ts';
import type { CompanySummary, ComplianceOverview } from '../schemas/compliance.ts';
import { storedSviCode } from '../schemas/svi-code.ts';
import type { CompanyCsvQuery, CompanyListQuery, CompanySort } from '../schemas/requests/companies.ts';

type Standing = Pick<
  Company,
  | 'status'
  | 'category'
  | 'enrolledAt'
  | 'portalUpdateCompletedAt'
  | 'nextCertificationDueAt'
  | 'deadlineExtendedTo'
  | 'removal'
>;

/** The companies as CBP lists and counts them, category by category. */
export interface CompanyDirectory {
  /** A page of one category's companies (of one status, if given), by status then id. */
  ofCategory(
    category: CategoryId,
    status: CompanyStatus | undefined,
    cursor: string | null,
    limit: number,
  ): Promise<{ items: Company[]; cursor: string | null }>;
  /** What the overview counts, of every company of one category. */
  standingOfCategory(category: CategoryId): Promise<Standing[]>;
  /** What the list shows and searches, of every company of one category. */
  listedOfCategory(category: CategoryId): Promise<Listed[]>;
}

type Listed = Standing &
  Pick<
    Company,
    'companyId' | 'legalName' | 'pocEmail' | 'sviCode' | 'programStatus' | 'pocUnreachable' | 'secondaryUnreachable'
  >;

/** The deadline policies CBP revised (the categories not listed keep their initial policy). */
export interface RevisedPolicies {
  listRevised(): Promise<DeadlinePolicy[]>;
}

export interface ComplianceDeps {
  readonly clock: Clock;
  readonly companies: CompanyDirectory;
  readonly deadlines: RevisedPolicies;
}

/**
 * The next date a company must meet: its enrollment deadline while its portal update is not
 * complete, its annual recertification once it has one (the earlier of the two when both are
 * open); nothing for a removed company.
 */
export const nextDue = (
  company: Standing,
  policies: ReadonlyMap<CategoryId, DeadlinePolicy>,
): Pick<CompanySummary, 'dueOn' | 'dueKind'> => {
  if (company.status !== 'active') return { dueOn: null, dueKind: null };
  const open: { dueOn: string; dueKind: 'enrollment' | 'recertification' }[] = [];
  if (!company.portalUpdateCompletedAt)
    open.push({
      dueOn: enrollmentDueDate(policies.get(company.category)!, company.enrolledAt, company.deadlineExtendedTo),
      dueKind: 'enrollment',
    });
  if (company.nextCertificationDueAt)
    open.push({ dueOn: programDate(company.nextCertificationDueAt), dueKind: 'recertification' });
  return open.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? { dueOn: null, dueKind: null };
};

/** Reads of the index per request at most, so a narrow `dueBefore` filter cannot make a request unbounded. */
const MAX_READS = 20;

const encodeCursor = (at: { category: number; inner: string | null }): string =>
  Buffer.from(JSON.stringify(at)).toString('base64url');
const decodeCursor = (cursor: string | undefined, categories: number): { category: number; inner: string | null } => {
  if (!cursor) return { category: 0, inner: null };
  try {
    const at = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { category: unknown; inner: unknown };
    if (
      Number.isInteger(at.category) &&
      (at.category as number) >= 0 &&
      (at.category as number) < categories &&
      (at.inner === null || typeof at.inner === 'string')
    ) {
      return { category: at.category as number, inner: at.inner as string | null };
    }
  } catch {
    // reported below
  }
  throw invalidCursor();
};

const invalidCursor = () =>
  new BadRequest(
    'The cursor is not one this list gave out.',
    [{ field: 'cursor', message: 'invalid' }],
    'invalid_cursor',
  );

const summaryOf = (company: Listed, policies: ReadonlyMap<CategoryId, DeadlinePolicy>): CompanySummary => {
  const { companyId, legalName, status, pocEmail, enrolledAt } = company;
  return {
    companyId,
    legalName,
    category: company.category,
    status,
    programStatus: programStatusOf(company),
    pocEmail,
    sviCode: company.sviCode ?? null,
    enrolledAt,
    ...nextDue(company, policies),
    pocUnreachable: company.pocUnreachable ?? null,
    secondaryUnreachable: company.secondaryUnreachable ?? null,
  };
};

/** Whether a company answers a search: a part of its legal name (any case), or its whole id or code. */
const answers = (company: Pick<CompanySummary, 'companyId' | 'legalName' | 'sviCode'>, q: string): boolean => {
  const text = q.toLowerCase();
  return (
    company.legalName.toLowerCase().includes(text) ||
    company.companyId === text ||
    (company.sviCode !== null && company.sviCode === storedSviCode(q))
  );
};

const byName = (a: CompanySummary, b: CompanySummary) =>
  a.legalName.localeCompare(b.legalName, 'en', { sensitivity: 'base' }) || a.companyId.localeCompare(b.companyId);

/** Orders a list by `sort` (by default, by legal name); ties by legal name. A company with nothing due sorts last either way. */
const ordered = (items: CompanySummary[], sort: CompanySort | undefined): CompanySummary[] => {
  const field = sort?.replace(/^-/, '') ?? 'legalName';
  const sign = sort?.startsWith('-') ? -1 : 1;
  return items.sort((a, b) => {
    if (field === 'dueOn' && (a.dueOn === null) !== (b.dueOn === null)) return a.dueOn === null ? 1 : -1;
    const x =
      field === 'legalName'
        ? byName(a, b)
        : String(a[field as 'enrolledAt' | 'dueOn']).localeCompare(String(b[field as 'enrolledAt' | 'dueOn']));
    return sign * x || byName(a, b);
  });
};

/**
 * Every company that matches the filters and the search, ordered: each category's list read whole
 * (a Query of a few fields per company, as the overview reads them; C-TPAT's 11,000-odd members
 * are about 2 MB), for the search, sorting and the CSV.
 */
export const matchingCompanies = async (
  deps: ComplianceDeps,
  caller: Caller,
  filters: CompanyCsvQuery,
): Promise<CompanySummary[]> => {
  requireRole(caller, CBP_ROLES);
  const categories: readonly CategoryId[] = filters.category ? [filters.category] : CATEGORY_IDS;
  const [policies, ...lists] = await Promise.all([
    deps.deadlines.listRevised().then(currentPolicies),
    ...categories.map((category) => deps.companies.listedOfCategory(category)),
  ]);
  const items = lists
    .flat()
    .map((company) => summaryOf(company, policies))
    .filter(
      (c) =>
        (!filters.status || c.status === filters.status) &&
        (!filters.dueBefore || (c.dueOn !== null && c.dueOn <= filters.dueBefore)) &&
        (!filters.q || answers(c, filters.q)),
    );
  return ordered(items, filters.sort);
};

const CSV_HEADER = [
  'Legal name',
  'Status-verification code',
  'Company id',
  'Category',
  'Status',
  'Program status',
  'Point of contact',
  'POC email unreachable',
  'Enrolled',
  'Next due',
  'Due for',
];

/**
 * The companies list as CSV rows (a header, then a company a row, in the list's order), and the
 * file's name with the program's date. Dates are the program's (America/New_York), words as the
 * list shows them.
 */
export const companiesCsv = async (
  deps: ComplianceDeps,
  caller: Caller,
  filters: CompanyCsvQuery,
): Promise<{ filename: string; rows: string[][] }> => {
  const companies = await matchingCompanies(deps, caller, filters);
  const rows = companies.map((c) => [
    c.legalName,
    c.sviCode ?? '',
    c.companyId,
    CATEGORIES.find((k) => k.id === c.category)?.name ?? c.category,
    c.status === 'active' ? 'Active' : 'Removed',
    PROGRAM_STATUS_TERMS[c.programStatus].label,
    c.pocEmail,
    c.pocUnreachable ? 'yes' : '',
    programDate(c.enrolledAt),
    c.dueOn ?? '',
    c.dueKind === 'recertification' ? 'Annual recertification' : c.dueKind === 'enrollment' ? 'Portal update' : '',
  ]);
  return { filename: `ctpat-companies-${programDate(deps.clock.now())}.csv`, rows: [CSV_HEADER, ...rows] };
};

/** The list of every company, as a search reads it. */
export type CompanyList = Pick<CompanyDirectory, 'listedOfCategory'>;

/** The ids of the companies a search answers (as the companies list searches), of every category. */
export const companiesAnswering = async (
  deps: { readonly companies: CompanyList },
  q: string,
): Promise<Set<string>> => {
  const lists = await Promise.all(CATEGORY_IDS.map((category) => deps.companies.listedOfCategory(category)));
  return new Set(
    lists
      .flat()
      .filter((c) => answers({ ...c, sviCode: c.sviCode ?? null }, q))
      .map((c) => c.companyId),
  );
};

const encodeOffset = (offset: number): string => Buffer.from(JSON.stringify({ offset })).toString('base64url');
const decodeOffset = (cursor: string | undefined): number => {
  if (!cursor) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset: unknown };
    if (Number.isInteger(offset) && (offset as number) > 0) return offset as number;
  } catch {
    // reported below
  }
  throw invalidCursor();
};

/**
 * A page of companies, category by category from the category index (a Query per page, never a
 * Scan), each with its next due date. `dueBefore` filters after the read, so a page may hold
 * fewer than `limit` companies and still have a next cursor.
 */
export const listCompanies = async (
  deps: ComplianceDeps,
  caller: Caller,
  query: CompanyListQuery,
): Promise<{ items: CompanySummary[]; nextCursor: string | null }> => {
  requireRole(caller, CBP_ROLES);
  if (query.q || query.sort) {
    // A search or an order needs every company: the page is a slice of the whole, ordered list.
    const offset = decodeOffset(query.cursor);
    const all = await matchingCompanies(deps, caller, query);
    const end = offset + query.limit;
    return { items: all.slice(offset, end), nextCursor: end < all.length ? encodeOffset(end) : null };
  }
  const categories: readonly CategoryId[] = query.category ? [query.category] : CATEGORY_IDS;
  let { category, inner } = decodeCursor(query.cursor, categories.length);
  const policies = currentPolicies(await deps.deadlines.listRevised());
  const items: CompanySummary[] = [];
  for (let reads = 0; category < categories.length && items.length < query.limit && reads < MAX_READS; reads += 1) {
    const page = await deps.companies.ofCategory(
      categories[category]!,
      query.status,
      inner,
      query.limit - items.length,
    );
    for (const company of page.items) {
      const summary = summaryOf(company, policies);
      if (query.dueBefore && !(summary.dueOn && summary.dueOn <= query.dueBefore)) continue;
      items.push(summary);
    }
    inner = page.cursor;
    if (!inner) category += 1;
  }
  return { items, nextCursor: category < categories.length ? encodeCursor({ category, inner }) : null };
};

/** The month `months` after `month` (`YYYY-MM`; before it when negative): calendar arithmetic only. */
const monthAfter = (month: string, months: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + months, 1)).toISOString().slice(0, 7);
};

/** The `count` months ending with `last` (`YYYY-MM`), oldest first. */
export const monthsEnding = (last: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => monthAfter(last, i - (count - 1)));

/**
 * The overview from every company's standing: counts by status and category (only pairs that
 * occur), and per month the removals made in it and the open due dates that fall in it. The months
 * run from `past - 1` months before the clock's month to `ahead` months after it. A due date is a
 * company's next one still open (a met deadline gives way to the recertification; a removed company
 * has none), so ahead of the clock `deadlines` is what is coming, and behind it what is overdue and
 * not yet swept; the history of deadlines met or missed is in the audit trail. A removal is counted
 * while the company is removed (a reinstated company's earlier removal is in its audit trail).
 */
export const overviewOf = (
  companies: readonly Standing[],
  policies: ReadonlyMap<CategoryId, DeadlinePolicy>,
  now: Date,
  past: number,
  ahead: number,
): ComplianceOverview => {
  // Months in program time: a removal at 9 pm Eastern on June 30 (01:00Z, July 1) counts in June.
  const current = programMonth(now);
  const months = monthsEnding(current, past).concat(ahead > 0 ? monthsEnding(monthAfter(current, ahead), ahead) : []);
  const series = new Map(months.map((month) => [month, { month, deadlines: 0, removals: 0 }]));
  const counts = new Map<string, { status: Company['status']; category: CategoryId; count: number }>();
  for (const company of companies) {
    const key = `${company.status}|${company.category}`;
    const entry = counts.get(key) ?? { status: company.status, category: company.category, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
    const due = nextDue(company, policies).dueOn;
    const dueMonth = due ? series.get(due.slice(0, 7)) : undefined;
    if (dueMonth) dueMonth.deadlines += 1;
    const removedMonth =
      company.status === 'removed' && company.removal ? series.get(programMonth(company.removal.at)) : undefined;
    if (removedMonth) removedMonth.removals += 1;
  }
  const order = (c: { status: string; category: CategoryId }) =>
    `${c.status}|${String(CATEGORY_IDS.indexOf(c.category)).padStart(2, '0')}`;
  return {
    asOf: now.toISOString(),
    byStatusAndCategory: [...counts.values()].sort((a, b) => order(a).localeCompare(order(b))),
    months: [...series.values()],
  };
};

/**
 * The compliance overview: one Query per category (in parallel, only the fields it counts) and
 * the deadline policies; nothing per day or per company.
 */
export const complianceOverview = async (
  deps: ComplianceDeps,
  caller: Caller,
  query: { months: number; ahead: number },
): Promise<ComplianceOverview> => {
  requireRole(caller, CBP_ROLES);
  const [stored, ...categories] = await Promise.all([
    deps.deadlines.listRevised(),
    ...CATEGORY_IDS.map((category) => deps.companies.standingOfCategory(category)),
  ]);
  return overviewOf(categories.flat(), currentPolicies(stored), deps.clock.now(), query.months, query.ahead);
};
