/**
 * The membership store: a person's portal membership (role, status, permissions) and the claim
 * that makes an email one person across the portal.
 *
 * Items: the member at pk `COMPANY#<companyId>`, sk `USER#<userId>`; the claim at pk
 * `EMAIL#<email>`, sk `EMAIL`.
 */
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';
import type { EmailClaim, Member } from '../schemas/membership.ts';
import type { ObligationKind } from '../schemas/obligations.ts';
import type { Delivery } from '../schemas/outbox.ts';
import { Conflict, emailTaken, versionConflict } from '../errors.ts';
import { auditOp } from './audit-store.ts';
import { companyKey, companyPatchOp } from './company-store.ts';
import { obligationPatchOp } from './obligation-store.ts';
import { deliveryOp } from './outbox-store.ts';
import { assertCommitted } from './transact.ts';
import {
  and,
  createOp,
  deleteOp,
  eq,
  getItem,
  isConditionFailure,
  key,
  lt,
  notExists,
  or,
  patchOp,
  putOp,
  queryPage,
  record,
  transact,
  transactGet,
  write,
  type Condition,
  type Key,
  type Page,
  type ReadOptions,
  type WriteOp,
} from './table-io.ts';

export type { EmailClaim, Member };

export const memberKey = (companyId: string, userId: string) => key(`COMPANY#${companyId}`, `USER#${userId}`);
export const claimKey = (email: string) => key(`EMAIL#${email}`, 'EMAIL');

/** The write of a new claim on an email, under `condition` (none: it replaces any claim). */
export const claimOp = (claim: EmailClaim, condition?: Condition): WriteOp =>
  putOp({ ...claimKey(claim.email), ...claim }, condition);

/** The change of a member at `version` (refused if it moved or the member is gone), for a transaction. */
export const memberPatchOp = (
  m: Pick<Member, 'companyId' | 'userId' | 'version'>,
  set: Partial<Omit<Member, 'companyId' | 'userId' | 'version'>>,
  condition?: Condition,
): WriteOp =>
  patchOp(
    memberKey(m.companyId, m.userId),
    { set: { ...set, version: m.version + 1 } },
    and(eq('version', m.version), condition),
  );

/**
 * The caller's membership (in `companyId`) and a company (their own, or for staff the one they
 * are looking at) in one round trip: a transactional get, so both are read at the same instant.
 * Either is null when missing.
 */
export const getMembershipWithCompany = async (
  companyId: string,
  readCompanyId: string,
  userId: string,
): Promise<{ membership: Member | null; company: Company | null }> => {
  const [membership, company] = await transactGet([memberKey(companyId, userId), companyKey(readCompanyId)]);
  return { membership: (membership ?? null) as Member | null, company: (company ?? null) as Company | null };
};

export const get = (companyId: string, userId: string): Promise<Member | null> =>
  getItem<Member>(memberKey(companyId, userId));

export const getClaim = (email: string, options: ReadOptions = {}): Promise<EmailClaim | null> =>
  getItem<EmailClaim>(claimKey(email), options);

/** A page of a company's memberships; the cursor is opaque, and a forged one is a 400. */
export const list = (companyId: string, cursor: string | null, limit: number): Promise<Page<Member>> =>
  // The company's partition holds its other items too (the company, its profile, ...): members only.
  queryPage<Member>({ partition: `COMPANY#${companyId}`, sort: { beginsWith: 'USER#' } }, cursor, limit);

/**
 * A new membership, its email claim, its audit record and (for invitations) its email
 * delivery, together. The claim may replace only the company's own registered-POC claim (the
 * POC's account being created); any other existing claim fails the whole write.
 */
export const createMember = async (items: {
  member: Member;
  claim: EmailClaim;
  audit?: AuditRecord;
  delivery?: Delivery;
}): Promise<void> => {
  const { member, claim } = items;
  const outcome = await transact([
    createOp({ ...memberKey(member.companyId, member.userId), ...member }),
    claimOp(claim, or(notExists('email'), and(eq('kind', 'registered-poc'), eq('companyId', claim.companyId)))),
    ...(items.audit ? [auditOp(items.audit)] : []),
    ...(items.delivery ? [deliveryOp(items.delivery)] : []),
  ]);
  assertCommitted(outcome, (index) => (index === 1 ? emailTaken() : new Conflict('That user already exists.')));
};

/** Changes a membership if it is still at `version`, with its audit record. */
export const update = async (
  current: Member,
  changes: Partial<Pick<Member, 'status' | 'permissions' | 'role'>>,
  audit: AuditRecord,
): Promise<Member> => {
  const outcome = await transact([memberPatchOp(current, changes), auditOp(audit)]);
  assertCommitted(outcome, () => versionConflict('user'));
  return { ...current, ...changes, version: current.version + 1 };
};

/** Deletes a membership at `version` and frees its email, with the audit record. */
export const remove = async (current: Member, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    deleteOp(memberKey(current.companyId, current.userId), eq('version', current.version)),
    deleteOp(claimKey(current.email)),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => versionConflict('user'));
};

/**
 * Hands the primary-POC role from one member to another in one write, with the audit record;
 * the former POC keeps only `fromPermissions`.
 */
export const handOver = async (
  from: Member,
  to: Member,
  fromPermissions: Member['permissions'],
  audit: AuditRecord,
  company: { companyId: string; version: number; openObligations: readonly ObligationKind[] },
): Promise<void> => {
  const outcome = await transact([
    memberPatchOp(from, { role: 'company-user', permissions: fromPermissions }, eq('role', 'primary-poc')),
    memberPatchOp(
      to,
      { role: 'primary-poc', permissions: { editProfile: true, authorizeSharing: true } },
      eq('status', 'active'),
    ),
    // The new primary POC becomes the company's point of contact: reminders and notices go to them.
    // A mark of the old address's unreachability says nothing about the new one.
    companyPatchOp(
      company.companyId,
      { set: { pocEmail: to.email }, remove: ['pocUnreachable'], add: { version: 1 } },
      eq('version', company.version),
    ),
    ...company.openObligations.map((kind) => obligationPatchOp(company.companyId, kind, { pocEmail: to.email })),
    auditOp(audit),
  ]);
  assertCommitted(outcome, (index) =>
    index < 2
      ? versionConflict('user')
      : new Conflict("The company's records changed during the hand-over; try again.", 'concurrent_change'),
  );
};

/**
 * Records that the user re-authenticated (decision 95), with its audit record. Not a change of the
 * membership's terms: its version stays, so no editor's read of it goes stale.
 */
export const markReauthenticated = async (current: Member, at: string, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    patchOp(memberKey(current.companyId, current.userId), { set: { reauthenticatedAt: at } }, eq('status', 'active')),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => new Conflict('Your account changed meanwhile; try again.', 'concurrent_change'));
};

/** Records that the user verified an authenticator app, with its audit record. */
export const markMfaEnrolled = async (current: Member, at: string, audit: AuditRecord): Promise<void> => {
  const outcome = await transact([
    patchOp(
      memberKey(current.companyId, current.userId),
      { set: { mfaEnrolledAt: at }, add: { version: 1 } },
      eq('status', 'active'),
    ),
    auditOp(audit),
  ]);
  assertCommitted(outcome, () => new Conflict('Your account changed meanwhile; try again.', 'concurrent_change'));
};

/**
 * Records a fresh invitation (a new temporary password was just set in Cognito): the time it
 * was sent, the audit record and the email delivery, together. Refused when the member changed
 * status or left meanwhile.
 */
export const recordInvitation = async (
  current: Member,
  at: string,
  audit: AuditRecord,
  delivery: Delivery,
): Promise<void> => {
  const outcome = await transact([
    patchOp(
      memberKey(current.companyId, current.userId),
      { set: { invitedAt: at }, add: { version: 1 } },
      and(eq('status', 'active'), eq('role', current.role)),
    ),
    auditOp(audit),
    deliveryOp(delivery),
  ]);
  assertCommitted(outcome, () => new Conflict('The account changed meanwhile; try again.', 'concurrent_change'));
};

/**
 * Takes the registered POC's claim for one account creation until `until`: true for the one
 * request that may create the account, false while another holds it (or once the account exists).
 * A holder that fails leaves the claim to expire, so a later request can try again.
 */
export const leaseRegisteredClaim = async (email: string, now: string, until: string): Promise<boolean> => {
  try {
    await write(
      patchOp(
        claimKey(email),
        { set: { creatingUntil: until } },
        and(eq('kind', 'registered-poc'), or(notExists('creatingUntil'), lt('creatingUntil', now))),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
