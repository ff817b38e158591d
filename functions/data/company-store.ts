/**
 * The company store.
 *
 * Item: pk `COMPANY#<companyId>`, sk `COMPANY`; on gsi1 `CATEGORY#<category>` /
 * `COMPANY#<status>#<companyId>` (a category's companies by status).
 */
import type { CategoryId } from '../definitions/categories.ts';
import { Conflict, emailTaken } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';
import type { CompanyStatus } from '../schemas/fields.ts';
import type { Obligation } from '../schemas/obligations.ts';
import { auditOp } from './audit-store.ts';
import { claimKey } from './membership-store.ts';
import { obligationOp } from './obligation-store.ts';
import {
  createOp,
  getItem,
  indexKey,
  key,
  patchOp,
  queryAll,
  queryPage,
  transact,
  type Changes,
  type Condition,
  type Page,
  type WriteOp,
} from './table-io.ts';
import { assertCommitted } from './transact.ts';

export type { Company };

export const companyKey = (companyId: string) => key(`COMPANY#${companyId}`, 'COMPANY');

/** The company's entry in its category's list, which moves when its status changes. */
export const categoryIndexKey = (c: Pick<Company, 'category' | 'status' | 'companyId'>) =>
  indexKey('gsi1', `CATEGORY#${c.category}`, `COMPANY#${c.status}#${c.companyId}`);

/** The whole company item, keys included. */
export const companyItem = (c: Company) => ({
  ...companyKey(c.companyId),
  ...categoryIndexKey(c),
  ...c,
});

/**
 * A change to an existing company, for a transaction. A change of `status` must also set
 * `categoryIndexKey` of the company with its new status.
 */
export const companyPatchOp = (companyId: string, changes: Changes, condition?: Condition): WriteOp =>
  patchOp(companyKey(companyId), changes, condition);

/**
 * Enrollment: the company, the claim on its POC email (claimed when the company is enrolled), its
 * enrollment-deadline obligation (the next sweep schedules it) and the audit record, all or nothing.
 */
export const enroll = async (company: Company, enrollment: Obligation, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    createOp(companyItem(company)),
    createOp({
      ...claimKey(company.pocEmail),
      email: company.pocEmail,
      companyId: company.companyId,
      kind: 'registered-poc',
      claimedAt: company.enrolledAt,
    }),
    auditOp(audit),
    obligationOp(enrollment),
  ]);
  assertCommitted(outcome, (index) =>
    index === 1 ? emailTaken('pocEmail') : new Conflict('A company with that id already exists.'),
  );
};

export const get = (companyId: string): Promise<Company | null> => getItem<Company>(companyKey(companyId));

/** A page of one category's companies (of one status, if given): by status, then company id. */
export const ofCategory = (
  category: CategoryId,
  status: CompanyStatus | undefined,
  cursor: string | null,
  limit: number,
): Promise<Page<Company>> =>
  queryPage<Company>(
    {
      index: 'gsi1',
      partition: `CATEGORY#${category}`,
      sort: { beginsWith: status ? `COMPANY#${status}#` : 'COMPANY#' },
    },
    cursor,
    limit,
  );

const STANDING_FIELDS = [
  'companyId',
  'category',
  'status',
  'enrolledAt',
  'portalUpdateCompletedAt',
  'nextCertificationDueAt',
  'deadlineExtendedTo',
  'removal',
] as const;
export type CompanyStanding = Pick<Company, (typeof STANDING_FIELDS)[number]>;

/** The fields the compliance overview counts, of every company in one category. */
export const standingOfCategory = (category: CategoryId): Promise<CompanyStanding[]> =>
  queryAll<CompanyStanding>(
    { index: 'gsi1', partition: `CATEGORY#${category}`, sort: { beginsWith: 'COMPANY#' } },
    { attributes: STANDING_FIELDS },
  );
