/** The reads an alert's fan-out makes: the companies it targets, and their active users' emails. */
import { company, member } from './entities.ts';
import type { CategoryId } from '../definitions/categories.ts';
import { ServiceUnavailable } from '../errors.ts';

/** BatchGetItem may leave keys unprocessed under load: they are asked for again this many times, with backoff. */
const BATCH_RETRIES = 5;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Target {
  readonly companyId: string;
  readonly status: 'active' | 'removed';
}

/** A page of a category's active companies, in a stable order (the cursor resumes it). */
export const activeInCategory = async (
  category: CategoryId,
  cursor: string | null,
  limit: number,
): Promise<{ items: Target[]; cursor: string | null }> => {
  const { data, cursor: next } = await company.query
    .byCategory({ category })
    .begins({ status: 'active' })
    .go({ cursor, limit, pages: 1, attributes: ['companyId', 'status'] });
  return { items: data as Target[], cursor: next };
};

/**
 * The named companies that exist (removed ones too: an alert may name them), each once. Keys
 * DynamoDB leaves unprocessed are asked for again; if some still are after the retries, the
 * read fails with a retryable error rather than answer without them.
 */
export const named = async (companyIds: readonly string[]): Promise<Target[]> => {
  const found: Target[] = [];
  let keys = [...new Set(companyIds)].map((companyId) => ({ companyId }));
  for (let attempt = 0; keys.length > 0; attempt += 1) {
    if (attempt > BATCH_RETRIES) throw new ServiceUnavailable('The company records could not all be read; try again.');
    if (attempt > 0) await pause(25 * 2 ** attempt);
    const { data, unprocessed } = await company.get(keys).go({ attributes: ['companyId', 'status'] });
    found.push(...(data as Target[]));
    keys = unprocessed.map((key) => ({ companyId: (key as { companyId: string }).companyId }));
  }
  return found.sort((a, b) => a.companyId.localeCompare(b.companyId));
};

/** The emails of a company's active users. */
export const activeEmails = async (companyId: string): Promise<string[]> =>
  (
    (
      await member.query
        .byCompany({ companyId })
        .where((attr, op) => op.eq(attr.status, 'active'))
        .go({ pages: 'all', attributes: ['email'] })
    ).data as { email: string }[]
  ).map((m) => m.email);
