/**
 * The company store.
 *
 * Item: pk `COMPANY#<companyId>`, sk `COMPANY`; on gsi1 `CATEGORY#<category>` /
 * `COMPANY#<status>#<companyId>` (a category's companies by status).
 */
import type { Company } from '../schemas/company.ts';
import { indexKey, key, legacyMarker, patchOp, type Changes, type Condition, type WriteOp } from './table-io.ts';

export const companyKey = (companyId: string) => key(`COMPANY#${companyId}`, 'COMPANY');

/** The company's entry in its category's list, which moves when its status changes. */
export const categoryIndexKey = (c: Pick<Company, 'category' | 'status' | 'companyId'>) =>
  indexKey('gsi1', `CATEGORY#${c.category}`, `COMPANY#${c.status}#${c.companyId}`);

/** The whole company item, keys included. */
export const companyItem = (c: Company) => ({
  ...companyKey(c.companyId),
  ...categoryIndexKey(c),
  ...legacyMarker('company'),
  ...c,
});

/**
 * A change to an existing company, for a transaction. A change of `status` must also set
 * `categoryIndexKey` of the company with its new status.
 */
export const companyPatchOp = (companyId: string, changes: Changes, condition?: Condition): WriteOp =>
  patchOp(companyKey(companyId), changes, condition);
