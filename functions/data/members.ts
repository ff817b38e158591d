import { portal } from './entities.ts';
import { assertCommitted } from './transact.ts';
import { Conflict } from '../http/errors.ts';

/**
 * The caller's membership and their company in one round trip (a transactional get, so both
 * are read at the same instant). Either is null when missing.
 */
export const getMembershipWithCompany = async (companyId: string, userId: string) => {
  const { data } = await portal.transaction
    .get(({ member, company }) => [member.get({ companyId, userId }).commit(), company.get({ companyId }).commit()])
    .go();
  const [membership, company] = data;
  return { membership: membership?.item ?? null, company: company?.item ?? null };
};

/**
 * A new membership and its email claim, together. The claim may replace only the company's own
 * registered-POC claim (the POC's account being created); any other existing claim fails.
 */
export const createMember = async (
  memberRecord: Parameters<typeof portal.entities.member.create>[0],
  claim: Parameters<typeof portal.entities.emailClaim.create>[0],
): Promise<void> => {
  const outcome = await portal.transaction
    .write(({ member, emailClaim }) => [
      member.create(memberRecord).commit(),
      emailClaim
        .put(claim)
        .where((attr, op) => `${op.notExists(attr.email)} OR (${op.eq(attr.kind, 'registered-poc')} AND ${op.eq(attr.companyId, claim.companyId)})`)
        .commit(),
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index === 1
      ? new Conflict('That email already belongs to a portal user; one email is one person.', 'email_taken', [{ field: 'email', message: 'already registered' }])
      : new Conflict('That user already exists.'),
  );
};
