/** The reads an alert's fan-out makes: the companies it targets, and their active users' emails. */
import { company, member } from './entities.ts';
import type { CategoryId } from '../definitions/categories.ts';

export interface Target {
  readonly companyId: string;
  readonly status: 'active' | 'removed';
}

/** A page of a category's active companies, in a stable order (the cursor resumes it). */
export const activeInCategory = async (category: CategoryId, cursor: string | null, limit: number): Promise<{ items: Target[]; cursor: string | null }> => {
  const { data, cursor: next } = await company.query.byCategory({ category }).begins({ status: 'active' }).go({ cursor, limit, pages: 1, attributes: ['companyId', 'status'] });
  return { items: data as Target[], cursor: next };
};

/** The named companies that exist (removed ones too: an alert may name them). */
export const named = async (companyIds: readonly string[]): Promise<Target[]> => {
  if (companyIds.length === 0) return [];
  const { data } = await company.get(companyIds.map((companyId) => ({ companyId }))).go({ attributes: ['companyId', 'status'] });
  return (data as Target[]).sort((a, b) => a.companyId.localeCompare(b.companyId));
};

/** The emails of a company's active users. */
export const activeEmails = async (companyId: string): Promise<string[]> =>
  ((await member.query.byCompany({ companyId }).where((attr, op) => op.eq(attr.status, 'active')).go({ pages: 'all', attributes: ['email'] })).data as { email: string }[]).map((m) => m.email);
