import { portal, member, emailClaim } from './entities.ts';
import { assertCommitted, isConditionFailure } from './transact.ts';
import { Conflict, BadRequest, emailTaken, versionConflict } from '../errors.ts';
import type { Role } from '../definitions/roles.ts';
import type { Delivery } from './delivery-records.ts';
import type { ObligationKind } from '../domain/deadline-schedule.ts';

type MemberAttributes = Parameters<typeof member.create>[0];
type ClaimAttributes = Parameters<typeof emailClaim.create>[0];
type AuditAttributes = Parameters<typeof portal.entities.audit.create>[0];

export interface Member {
  readonly companyId: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly status: 'active' | 'disabled';
  readonly permissions: { readonly editProfile: boolean; readonly authorizeSharing: boolean };
  readonly createdAt: string;
  readonly version: number;
  readonly mfaEnrolledAt?: string;
  /** When the latest invitation was sent (absent for permanent passwords and older records). */
  readonly invitedAt?: string;
}

/**
 * The caller's membership (in `companyId`) and a company (their own, or for staff the one they
 * are looking at) in one round trip: a transactional get, so both are read at the same instant.
 * Either is null when missing.
 */
export const getMembershipWithCompany = async (companyId: string, readCompanyId: string, userId: string) => {
  const { data } = await portal.transaction
    .get(({ member, company }) => [
      member.get({ companyId, userId }).commit(),
      company.get({ companyId: readCompanyId }).commit(),
    ])
    .go();
  const [membership, company] = data;
  return { membership: (membership?.item as Member | null) ?? null, company: company?.item ?? null };
};

export const get = async (companyId: string, userId: string): Promise<Member | null> =>
  ((await member.get({ companyId, userId }).go()).data as Member | null) ?? null;

export const getClaim = async (email: string) => (await emailClaim.get({ email }).go()).data ?? null;

/** A page of a company's memberships; the cursor is opaque, and a forged one is a 400. */
export const list = async (
  companyId: string,
  cursor: string | null,
  limit: number,
): Promise<{ items: Member[]; cursor: string | null }> => {
  try {
    const { data, cursor: next } = await member.query.byCompany({ companyId }).go({ cursor, limit, pages: 1 });
    return { items: data as Member[], cursor: next };
  } catch (error) {
    if (cursor)
      throw new BadRequest(
        'The cursor is not one this list gave out.',
        [{ field: 'cursor', message: 'invalid' }],
        'invalid_cursor',
      );
    throw error;
  }
};

/**
 * A new membership, its email claim, its audit record and (for invitations) its email
 * delivery, together. The claim may replace only the company's own registered-POC claim (the
 * POC's account being created); any other existing claim fails the whole write.
 */
export const createMember = async (items: {
  member: MemberAttributes;
  claim: ClaimAttributes;
  audit?: AuditAttributes;
  delivery?: Delivery;
}): Promise<void> => {
  const outcome = await portal.transaction
    .write(({ member, emailClaim, audit, delivery }) => [
      member.create(items.member).commit(),
      emailClaim
        .put(items.claim)
        .where(
          (attr, op) =>
            `${op.notExists(attr.email)} OR (${op.eq(attr.kind, 'registered-poc')} AND ${op.eq(attr.companyId, items.claim.companyId)})`,
        )
        .commit(),
      ...(items.audit ? [audit.create(items.audit).commit()] : []),
      ...(items.delivery ? [delivery.create(items.delivery).commit()] : []),
    ])
    .go();
  assertCommitted(outcome, (index) => (index === 1 ? emailTaken() : new Conflict('That user already exists.')));
};

/** Changes a membership if it is still at `version`, with its audit record. */
export const update = async (
  current: Member,
  changes: Partial<Pick<Member, 'status' | 'permissions' | 'role'>>,
  audit: AuditAttributes,
): Promise<Member> => {
  const next = { ...current, ...changes, version: current.version + 1 };
  const outcome = await portal.transaction
    .write(({ member, audit: auditEntity }) => [
      member
        .patch({ companyId: current.companyId, userId: current.userId })
        .set({ ...changes, version: next.version })
        .where((attr, op) => op.eq(attr.version, current.version))
        .commit(),
      auditEntity.create(audit).commit(),
    ])
    .go();
  assertCommitted(outcome, () => versionConflict('user'));
  return next;
};

/** Deletes a membership at `version` and frees its email, with the audit record. */
export const remove = async (current: Member, audit: AuditAttributes): Promise<void> => {
  const outcome = await portal.transaction
    .write(({ member, emailClaim, audit: auditEntity }) => [
      member
        .delete({ companyId: current.companyId, userId: current.userId })
        .where((attr, op) => op.eq(attr.version, current.version))
        .commit(),
      emailClaim.delete({ email: current.email }).commit(),
      auditEntity.create(audit).commit(),
    ])
    .go();
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
  audit: AuditAttributes,
  company: { companyId: string; version: number; openObligations: readonly ObligationKind[] },
): Promise<void> => {
  const outcome = await portal.transaction
    .write(({ member, audit: auditEntity, company: companyEntity, obligation }) => [
      member
        .patch({ companyId: from.companyId, userId: from.userId })
        .set({ role: 'company-user', version: from.version + 1, permissions: fromPermissions })
        .where((attr, op) => `${op.eq(attr.version, from.version)} AND ${op.eq(attr.role, 'primary-poc')}`)
        .commit(),
      member
        .patch({ companyId: to.companyId, userId: to.userId })
        .set({
          role: 'primary-poc',
          version: to.version + 1,
          permissions: { editProfile: true, authorizeSharing: true },
        })
        .where((attr, op) => `${op.eq(attr.version, to.version)} AND ${op.eq(attr.status, 'active')}`)
        .commit(),
      // The new primary POC becomes the company's point of contact: reminders and notices go to them.
      companyEntity
        .patch({ companyId: company.companyId })
        .set({ pocEmail: to.email })
        // A mark of the old address's unreachability says nothing about the new one.
        .remove(['pocUnreachable'])
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, company.version))
        .commit(),
      ...company.openObligations.map((kind) =>
        obligation.patch({ companyId: company.companyId, kind }).set({ pocEmail: to.email }).commit(),
      ),
      auditEntity.create(audit).commit(),
    ])
    .go();
  assertCommitted(outcome, (index) =>
    index < 2
      ? versionConflict('user')
      : new Conflict("The company's records changed during the hand-over; try again.", 'concurrent_change'),
  );
};

/** Records that the user verified an authenticator app, with its audit record. */
export const markMfaEnrolled = async (current: Member, at: string, audit: AuditAttributes): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.member
        .patch({ companyId: current.companyId, userId: current.userId })
        .set({ mfaEnrolledAt: at })
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.status, 'active'))
        .commit(),
      entities.audit.create(audit).commit(),
    ])
    .go();
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
  audit: AuditAttributes,
  delivery: Delivery,
): Promise<void> => {
  const outcome = await portal.transaction
    .write((entities) => [
      entities.member
        .patch({ companyId: current.companyId, userId: current.userId })
        .set({ invitedAt: at })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.status, 'active')} AND ${op.eq(attr.role, current.role)}`)
        .commit(),
      entities.audit.create(audit).commit(),
      entities.delivery.create(delivery).commit(),
    ])
    .go();
  assertCommitted(outcome, () => new Conflict('The account changed meanwhile; try again.', 'concurrent_change'));
};

/**
 * Takes the registered POC's claim for one account creation until `until`: true for the one
 * request that may create the account, false while another holds it (or once the account exists).
 * A holder that fails leaves the claim to expire, so a later request can try again.
 */
export const leaseRegisteredClaim = async (email: string, now: string, until: string): Promise<boolean> => {
  try {
    await emailClaim
      .patch({ email })
      .set({ creatingUntil: until })
      .where(
        (attr, op) =>
          `${op.eq(attr.kind, 'registered-poc')} AND (${op.notExists(attr.creatingUntil)} OR ${op.lt(attr.creatingUntil, now)})`,
      )
      .go();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
