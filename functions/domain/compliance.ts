import type { Deps } from './deps.ts';
import { requireRole, type Caller } from './caller.ts';
import { currentPolicies } from './deadline-schedule.ts';
import { dueBy, overviewOf, summaryOf } from './compliance-rules.ts';
import { CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import { CBP_ROLES } from '../definitions/roles.ts';
import { BadRequest } from '../http/errors.ts';
import type * as companyListData from '../data/company-lists.ts';
import type { CompanyListQuery, CompanyPage, CompanySummary, ComplianceOverview } from '../schemas/compliance.ts';

export type ComplianceDeps = Pick<Deps, 'clock'> & { readonly companyLists: typeof companyListData; readonly deadlines: Pick<Deps['deadlines'], 'listRevised'> };

/** Where a list stopped: the category partition it was in and that query's own cursor. */
interface Position {
  readonly category: CategoryId;
  readonly cursor: string | null;
}

const badCursor = () => new BadRequest('The cursor is not one this list gave out.', [{ field: 'cursor', message: 'invalid' }], 'invalid_cursor');

const encode = (at: Position): string => Buffer.from(JSON.stringify([at.category, at.cursor])).toString('base64url');

const decode = (cursor: string, categories: readonly CategoryId[]): Position => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor();
  const [category, inner] = parsed as [unknown, unknown];
  if (!categories.includes(category as CategoryId) || (inner !== null && typeof inner !== 'string')) throw badCursor();
  return { category: category as CategoryId, cursor: inner as string | null };
};

/**
 * A page of the program's companies for CBP, category by category. Every item a query reads is
 * either returned or filtered out (`dueBefore` depends on the policy, so it cannot be a key
 * condition), so the next page starts exactly where this one stopped: no gaps, no repeats.
 */
export const listCompanies = async (deps: ComplianceDeps, caller: Caller, query: CompanyListQuery): Promise<CompanyPage> => {
  requireRole(caller, CBP_ROLES);
  const categories = query.category ? [query.category] : CATEGORY_IDS;
  const start = query.cursor ? decode(query.cursor, categories) : { category: categories[0]!, cursor: null };
  const policies = currentPolicies(await deps.deadlines.listRevised());
  const items: CompanySummary[] = [];
  let index = categories.indexOf(start.category);
  let cursor = start.cursor;
  while (index < categories.length && items.length < query.limit) {
    const category = categories[index]!;
    const found = await deps.companyLists.inCategory(category, query.status, cursor, query.limit - items.length);
    items.push(...found.items.map((c) => summaryOf(c, policies.get(category)!)).filter((s) => dueBy(s, query.dueBefore)));
    cursor = found.cursor;
    if (!cursor) index += 1;
  }
  return { items, nextCursor: index < categories.length ? encode({ category: categories[index]!, cursor }) : null };
};

/**
 * The program at a glance for CBP: one Query per category partition, in parallel, and one for
 * the revised policies, whatever the number of months.
 */
export const complianceOverview = async (deps: ComplianceDeps, caller: Caller, months: number): Promise<ComplianceOverview> => {
  requireRole(caller, CBP_ROLES);
  const asOf = deps.clock.now();
  const [revised, perCategory] = await Promise.all([deps.deadlines.listRevised(), Promise.all(CATEGORY_IDS.map((c) => deps.companyLists.allInCategory(c)))]);
  return overviewOf(perCategory.flat(), currentPolicies(revised), asOf, months);
};
