import { portal, company } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { Conflict, emailTaken } from '../http/errors.ts';
import { putObligation } from './obligations.ts';
import { openObligation } from './obligation-records.ts';
import type { Company } from '../schemas/company.ts';

/**
 * Enrollment: the company, the claim on its POC email, its enrollment-deadline obligation (the
 * next sweep schedules it) and the audit record, all or nothing.
 */
export const enroll = async (record: Company, auditAttributes: Parameters<typeof portal.entities.audit.create>[0], claimedAt: string): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.company.create(record).commit(),
      entities.emailClaim.create({ email: record.pocEmail, companyId: record.companyId, kind: 'registered-poc', claimedAt }).commit(),
      entities.audit.create(auditAttributes).commit(),
      putObligation(entities, openObligation(record, 'enrollment', record.enrolledAt)),
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
