/**
 * The company store.
 *
 * Item: pk `COMPANY#<companyId>`, sk `COMPANY`; on gsi1 `CATEGORY#<category>` /
 * `COMPANY#<status>#<companyId>` (a category's companies by status). The claim that makes a
 * status-verification code one company's: pk `SVI#<code>`, sk `SVI`, written with the company.
 */
import type { CategoryId } from '../definitions/categories.ts';
import { CodeTaken, Conflict, emailTaken } from '../errors.ts';
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
  notExists,
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
export const codeKey = (code: string) => key(`SVI#${code}`, 'SVI');

/** The claim on a status-verification code: refused when another company holds it. */
const codeClaimOp = (code: string, companyId: string, at: string): WriteOp =>
  createOp({ ...codeKey(code), sviCode: code, companyId, claimedAt: at });

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
 * Enrollment: the company, the claim on its POC email (claimed when the company is enrolled), the
 * claim on its status-verification code, its enrollment-deadline obligation (the next sweep
 * schedules it) and the audit record, all or nothing. A code another company holds is `CodeTaken`.
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
    ...(company.sviCode ? [codeClaimOp(company.sviCode, company.companyId, company.enrolledAt)] : []),
    auditOp(audit),
    obligationOp(enrollment),
  ]);
  assertCommitted(outcome, (index) =>
    index === 1
      ? emailTaken('pocEmail')
      : index === 2 && company.sviCode
        ? new CodeTaken()
        : new Conflict('A company with that id already exists.'),
  );
};

/** The id of the company holding a status-verification code (in its stored form), or null. */
export const idByCode = async (code: string): Promise<string | null> =>
  (await getItem<{ companyId: string }>(codeKey(code)))?.companyId ?? null;

/**
 * Gives a company enrolled before codes existed its code, with the audit record: refused with a
 * 409 `already_assigned` when it has one (another run got there first), `CodeTaken` when another
 * company holds this code.
 */
export const assignCode = async (companyId: string, code: string, at: string, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    companyPatchOp(companyId, { set: { sviCode: code } }, notExists('sviCode')),
    codeClaimOp(code, companyId, at),
    auditOp(audit),
  ]);
  assertCommitted(outcome, (index) =>
    index === 1 ? new CodeTaken() : new Conflict('The company has a code already.', 'already_assigned'),
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

const LISTED_FIELDS = [
  ...STANDING_FIELDS,
  'legalName',
  'pocEmail',
  'sviCode',
  'programStatus',
  'pocUnreachable',
  'secondaryUnreachable',
] as const;
export type ListedCompany = Pick<Company, (typeof LISTED_FIELDS)[number]>;

/** What CBP's companies list shows and searches, of every company in one category (for search, sorting and CSV). */
export const listedOfCategory = (category: CategoryId): Promise<ListedCompany[]> =>
  queryAll<ListedCompany>(
    { index: 'gsi1', partition: `CATEGORY#${category}`, sort: { beginsWith: 'COMPANY#' } },
    { attributes: LISTED_FIELDS },
  );

/** The fields the compliance overview counts, of every company in one category. */
export const standingOfCategory = (category: CategoryId): Promise<CompanyStanding[]> =>
  queryAll<CompanyStanding>(
    { index: 'gsi1', partition: `CATEGORY#${category}`, sort: { beginsWith: 'COMPANY#' } },
    { attributes: STANDING_FIELDS },
  );
