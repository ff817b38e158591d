import { portal, company } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { Conflict, emailTaken } from '../errors.ts';
import { putObligation } from './obligations.ts';
import { openObligation } from './obligation-records.ts';
import { page } from './pages.ts';
import type { Company, CompanyStatus } from '../schemas/company.ts';
import type { CategoryId } from '../definitions/categories.ts';

/**
 * Enrollment: the company, the claim on its POC email, its enrollment-deadline obligation (the
 * next sweep schedules it) and the audit record, all or nothing.
 */
export const enroll = async (
  record: Company,
  auditAttributes: Parameters<typeof portal.entities.audit.create>[0],
  claimedAt: string,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.company.create(record).commit(),
      entities.emailClaim
        .create({ email: record.pocEmail, companyId: record.companyId, kind: 'registered-poc', claimedAt })
        .commit(),
      entities.audit.create(auditAttributes).commit(),
      putObligation(entities, openObligation(record, 'enrollment', record.enrolledAt)),
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index === 1 ? emailTaken('pocEmail') : new Conflict('A company with that id already exists.'),
  );
};

export const get = async (companyId: string): Promise<Company | null> => {
  const { data } = await company.get({ companyId }).go();
  return (data as Company | null) ?? null;
};

/** A page of one category's companies (of one status, if given): by status, then company id. */
export const ofCategory = (
  category: CategoryId,
  status: CompanyStatus | undefined,
  cursor: string | null,
  limit: number,
) =>
  page<Company>(
    () => company.query.byCategory(status ? { category, status } : { category }).go({ cursor, limit, pages: 1 }),
    cursor,
  );

/** The fields the compliance overview counts, of every company in one category. */
export const standingOfCategory = async (category: CategoryId): Promise<CompanyStanding[]> =>
  (await company.query.byCategory({ category }).go({ pages: 'all', attributes: [...STANDING_FIELDS] }))
    .data as CompanyStanding[];

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
