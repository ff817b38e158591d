import { portal, company } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { Conflict, emailTaken } from '../http/errors.ts';
import type { Company } from '../schemas/company.ts';

/** Enrollment: the company, the claim on its POC email and the audit record, all or nothing. */
export const enroll = async (record: Company, auditAttributes: Parameters<typeof portal.entities.audit.create>[0], claimedAt: string): Promise<void> => {
  const outcome = await portal.transaction
    .write(({ company, emailClaim, audit }) => [
      company.create(record).commit(),
      emailClaim.create({ email: record.pocEmail, companyId: record.companyId, kind: 'registered-poc', claimedAt }).commit(),
      audit.create(auditAttributes).commit(),
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index === 1
      ? emailTaken('pocEmail')
      : new Conflict('A company with that id already exists.'),
  );
};

export const get = async (companyId: string): Promise<Company | null> => {
  const { data } = await company.get({ companyId }).go();
  return (data as Company | null) ?? null;
};
