/**
 * The reads an alert's fan-out makes: the companies it targets, and their active users' emails.
 * It writes nothing; the keys are the company and membership stores'.
 */
import type { CategoryId } from '../definitions/categories.ts';
import { TABLE } from '../definitions/table.ts';
import { ServiceUnavailable } from '../errors.ts';
import type { Target } from '../schemas/alert-records.ts';
import { categoryIndexKey, companyKey } from './company-store.ts';
import { memberKey } from './membership-store.ts';
import { eq, queryAll, queryPage, readBatch, record, type Key, type Page } from './table-io.ts';

export type { Target };

const { gsi1 } = TABLE.indexes;
const TARGET_ATTRIBUTES = ['companyId', 'status'] as const;

/** A page of a category's active companies, in a stable order (the cursor resumes it). */
export const activeInCategory = (category: CategoryId, cursor: string | null, limit: number): Promise<Page<Target>> => {
  // The category's entries of active companies share the prefix of an entry with an empty id.
  const active = categoryIndexKey({ category, status: 'active', companyId: '' });
  return queryPage<Target>(
    { index: 'gsi1', partition: active[gsi1.partitionKey]!, sort: { beginsWith: active[gsi1.sortKey]! } },
    cursor,
    limit,
    { attributes: TARGET_ATTRIBUTES },
  );
};

/** BatchGetItem may leave keys unprocessed under load: they are asked for again this many times, with backoff. */
const BATCH_RETRIES = 5;
/** BatchGetItem reads at most this many keys a call. */
const BATCH_KEYS = 100;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The items of up to 100 keys, with only `attributes`. Unlike table-io's `getItems`, which asks
 * again for unprocessed keys until DynamoDB answers them, this gives up after BATCH_RETRIES with
 * a retryable error rather than keep a fan-out page waiting.
 */
const batchGet = async <T>(keys: readonly Key[], attributes: readonly string[]): Promise<T[]> => {
  const found: T[] = [];
  let pending: readonly Key[] = keys;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt > BATCH_RETRIES) throw new ServiceUnavailable('The company records could not all be read; try again.');
    if (attempt > 0) await pause(25 * 2 ** attempt);
    const { items, unprocessed } = await readBatch<T>(pending, { attributes });
    found.push(...items);
    pending = unprocessed;
  }
  return found;
};

/**
 * The named companies that exist (removed ones too: an alert may name them), each once. Keys
 * DynamoDB leaves unprocessed are asked for again; if some still are after the retries, the
 * read fails with a retryable error rather than answer without them.
 */
export const named = async (companyIds: readonly string[]): Promise<Target[]> => {
  const ids = [...new Set(companyIds)];
  const found: Target[] = [];
  for (let i = 0; i < ids.length; i += BATCH_KEYS)
    found.push(...(await batchGet<Target>(ids.slice(i, i + BATCH_KEYS).map(companyKey), TARGET_ATTRIBUTES)));
  return found.sort((a, b) => a.companyId.localeCompare(b.companyId));
};

/** The emails of a company's active users. */
export const activeEmails = async (companyId: string): Promise<string[]> => {
  // A company's members share the prefix of a member with an empty id.
  const members = memberKey(companyId, '');
  const active = await queryAll<{ email: string }>(
    {
      partition: members[TABLE.partitionKey]!,
      sort: { beginsWith: members[TABLE.sortKey]! },
      filter: eq('status', 'active'),
    },
    { attributes: ['email'] },
  );
  return active.map((m) => m.email);
};
