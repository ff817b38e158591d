import { createUser, type CompanyReader, type CreateUserDeps, type Memberships } from './users.ts';
import { recentlyInvited, reinvite, type ReinviteDeps } from './invitations.ts';
import type { Actor } from './audit.ts';
import { Conflict, TooManyRequests } from '../errors.ts';
import { asError, logger } from '../log.ts';

/** Account requests allowed per email and per source address in one window. */
export const ACCOUNT_REQUEST_LIMITS = { windowSeconds: 3600, perEmail: 5, perSource: 50 } as const;

/** How long one request holds the creation of a POC's account; a holder that failed lets the next try after it. */
const ACCOUNT_CREATION_LEASE_SECONDS = 60;

/** The one answer every account request gets, whatever the email. */
export const ACCOUNT_REQUEST_ANSWER = {
  message:
    'If this email is the registered point of contact of an enrolled company without an account, an invitation has been sent to it.',
} as const;

type AccountDeps = CreateUserDeps &
  ReinviteDeps & {
    readonly companies: CompanyReader;
    readonly members: Pick<Memberships, 'get' | 'getClaim'> & {
      /**
       * Holds the registered POC's claim for one account creation until `until`: true for the one
       * request that may create the account, false while another holds it or once it exists.
       */
      leaseRegisteredClaim(email: string, now: string, until: string): Promise<boolean>;
    };
  };

/**
 * POST /auth/signup. Creates the primary POC's account if, and only if, the email is the
 * registered POC email of an enrolled company (active or removed: a removed company's POC
 * signs in to reapply) that has no account yet; asked by a primary POC who never chose a
 * password (the invitation was lost or expired), it sends a new invitation. The answer is
 * the same in every case (the handler also evens out the time), so nobody can learn which
 * emails are registered. Asking again, or twenty times at once, creates one account. A failure
 * on the registered path is logged and answered like every other request: an error status
 * there would tell the caller that the email is registered.
 */
export const requestAccount = async (deps: AccountDeps, rawEmail: string, sourceIp: string): Promise<void> => {
  const email = rawEmail.toLowerCase();
  const now = deps.clock.now();
  const { windowSeconds, perEmail, perSource } = ACCOUNT_REQUEST_LIMITS;
  const [byEmail, bySource] = await Promise.all([
    deps.limits.hit(`signup:email:${email}`, windowSeconds, now),
    deps.limits.hit(`signup:source:${sourceIp}`, windowSeconds, now),
  ]);
  if (byEmail > perEmail || bySource > perSource)
    throw new TooManyRequests('Too many account requests; try again later.', windowSeconds);

  const claim = await deps.members.getClaim(email);
  if (claim?.kind === 'user') {
    // The claim already names the member: read it, not the claim again.
    const member = claim.userId ? await deps.members.get(claim.companyId, claim.userId) : null;
    if (member?.role !== 'primary-poc' || member.status !== 'active' || recentlyInvited(member, now)) return;
    const actor: Actor = {
      userId: `anonymous:${email}`,
      role: 'account-request',
      companyId: member.companyId,
      sourceIp,
    };
    await reinvite(deps, actor, member).catch((error: unknown) =>
      logFailure('invitation resend failed', member.companyId, error),
    );
    return;
  }
  if (claim?.kind !== 'registered-poc') return;
  const company = await deps.companies.get(claim.companyId);
  if (!company) return;
  // One request creates the account; the others at the same moment stop here (same answer).
  const until = new Date(now.getTime() + ACCOUNT_CREATION_LEASE_SECONDS * 1000).toISOString();
  if (!(await deps.members.leaseRegisteredClaim(email, now.toISOString(), until))) return;

  const actor: Actor = {
    userId: `anonymous:${email}`,
    role: 'account-request',
    companyId: company.companyId,
    sourceIp,
  };
  try {
    await createUser(
      deps,
      actor,
      { email, name: company.pocName ?? 'C-TPAT point of contact', companyId: company.companyId, role: 'primary-poc' },
      { action: 'account.created' },
    );
  } catch (error) {
    // A concurrent request created it first (in Cognito, or the claim in the transaction): one account.
    if (error instanceof Conflict && error.code === 'email_taken') return;
    logFailure('account creation failed', company.companyId, error);
  }
};

const logFailure = (message: string, companyId: string, error: unknown): void => {
  logger.error(message, { companyId, error: asError(error) });
};
