import { company } from './entities.ts';
import { page } from './pages.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { Company, CompanyStatus } from '../schemas/company.ts';

/**
 * CBP's lists of companies, from the category index (`CATEGORY#<category>`, sorted by status then
 * id): one Query per category partition, never a Scan.
 */

/** A page of one category's companies, of one status if given; the cursor is the query's own. */
export const inCategory = (category: CategoryId, status: CompanyStatus | undefined, cursor: string | null, limit: number) =>
  page<Company>(() => company.query.byCategory(status ? { category, status } : { category }).go({ cursor, limit, pages: 1 }), cursor);

/** Every company of one category (the overview counts them all). */
export const allInCategory = async (category: CategoryId): Promise<Company[]> =>
  (await company.query.byCategory({ category }).go({ pages: 'all' })).data as Company[];
