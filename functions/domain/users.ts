import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem, type Actor } from './audit.ts';
import { invitationDelivery, temporaryPassword } from './invitations.ts';
import { enforceLimit, type LimitDeps } from './limits.ts';
import { CBP_COMPANY_ID, type Role } from '../definitions/roles.ts';
import { BadRequest, emailTaken, Forbidden, NotFound, versionConflict } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';
import type { Permissions } from '../schemas/me.ts';
import type { EmailClaim, Member } from '../schemas/membership.ts';
import type { ObligationKind } from '../schemas/obligations.ts';
import type { Delivery } from '../schemas/outbox.ts';
import { logger, asError } from '../log.ts';

/** The membership records: who belongs to which company, in what role, and the claims on their emails. */
export interface Memberships {
  get(companyId: string, userId: string): Promise<Member | null>;
  /** `consistent`: a strongly consistent read, for a write whose outcome is in doubt. */
  getClaim(email: string, options?: { readonly consistent?: boolean }): Promise<EmailClaim | null>;
  list(companyId: string, cursor: string | null, limit: number): Promise<{ items: Member[]; cursor: string | null }>;
  /** The member, its claim, its audit record and its invitation, all or nothing; a claim held by another is a 409. */
  createMember(items: { member: Member; claim: EmailClaim; audit?: AuditRecord; delivery?: Delivery }): Promise<void>;
  /** Refused (409) when the member moved from `current.version`. */
  update(
    current: Member,
    changes: Partial<Pick<Member, 'status' | 'permissions' | 'role'>>,
    audit: AuditRecord,
  ): Promise<Member>;
  remove(current: Member, audit: AuditRecord): Promise<void>;
  /** Both members, the company's POC address and its open obligations' copy of it, with the audit record. */
  handOver(
    from: Member,
    to: Member,
    fromPermissions: Permissions,
    audit: AuditRecord,
    company: { companyId: string; version: number; openObligations: readonly ObligationKind[] },
  ): Promise<void>;
}

/** A new sign-in identity: temporary password (a new one is forced at first sign-in) or, with `permanent`, the password. */
export interface NewIdentity {
  readonly email: string;
  readonly name: string;
  readonly companyId: string;
  readonly role: Role;
  readonly password: string;
  readonly permanent: boolean;
}

/** The sign-in identities (Cognito), which follow the membership records. */
export interface Identities {
  /** Answers the new identity's user id. */
  createIdentity(identity: NewIdentity): Promise<string>;
  /** Whether `createIdentity` failed because the email already has an identity. */
  isTaken(error: unknown): boolean;
  /** The company says which pool (CBP staff have their own). */
  deleteIdentity(companyId: string, email: string): Promise<void>;
  setEnabled(companyId: string, email: string, enabled: boolean): Promise<void>;
  moveToGroup(email: string, from: Role, to: Role): Promise<void>;
}

export interface CompanyReader {
  get(companyId: string): Promise<Company | null>;
}

export interface OpenObligations {
  ofCompany(companyId: string): Promise<ReadonlyArray<{ readonly kind: ObligationKind }>>;
}

/** What creating a person needs. */
export interface CreateUserDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly identities: Pick<Identities, 'createIdentity' | 'isTaken' | 'deleteIdentity'>;
  readonly members: Pick<Memberships, 'get' | 'getClaim' | 'createMember'>;
}

/** What changing a member needs. */
export interface UpdateMemberDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly identities: Pick<Identities, 'setEnabled'>;
  readonly members: Pick<Memberships, 'update'>;
}

export interface NewMember {
  readonly email: string;
  readonly name: string;
  readonly companyId: string;
  readonly role: Role;
  readonly permissions?: Permissions;
}

const defaultPermissions = (role: Role): Permissions => ({
  editProfile: role !== 'company-user',
  authorizeSharing: role === 'primary-poc',
});

/** The public view of a membership. */
export const view = (m: Member) => ({
  userId: m.userId,
  companyId: m.companyId,
  email: m.email,
  name: m.name,
  role: m.role,
  status: m.status,
  permissions: m.permissions,
  createdAt: m.createdAt,
  version: m.version,
});

/**
 * Creates a person: the Cognito identity first, then the membership, email claim, audit record
 * and invitation email in one transaction. If that transaction fails, the identity is deleted
 * again, so no half-made account is left. With `password` (demo seed, tests) the password is
 * permanent and no invitation is sent. Answers the new member and its delivery id. A repeat of a
 * request that created the person and lost its answer (cut off after its transaction committed;
 * the repeat under the same Idempotency-Key draws the same ids) answers that person again, and a
 * transaction whose own answer is lost is read back before its identity would be undone.
 */
export const createUser = async (
  deps: CreateUserDeps,
  actor: Actor,
  input: NewMember,
  options: { password?: string; action?: string } = {},
): Promise<{ member: Member; deliveryId?: string }> => {
  const email = input.email.toLowerCase();
  const requestId = deps.ids.next();
  const password = options.password ?? temporaryPassword();
  const identity = {
    email,
    name: input.name,
    companyId: input.companyId,
    role: input.role,
    password,
    permanent: Boolean(options.password),
  };
  let userId: string;
  try {
    userId = await deps.identities.createIdentity(identity);
  } catch (error) {
    if (!deps.identities.isTaken(error)) throw error;
    const claim = await deps.members.getClaim(email, { consistent: true });
    if (claim?.userId && claim.requestId === requestId) {
      const member = await deps.members.get(input.companyId, claim.userId);
      if (member) return { member, ...(options.password ? {} : { deliveryId: deps.ids.next() }) };
    }
    if (claim?.userId) throw emailTaken();
    // An identity no membership claims is what an earlier attempt left when both its write and
    // its undo failed (throttling): take it back and create it afresh, so a retry completes.
    await deps.identities.deleteIdentity(input.companyId, email);
    userId = await deps.identities.createIdentity(identity);
  }
  const now = deps.clock.now();
  const member: Member = {
    companyId: input.companyId,
    userId,
    email,
    name: input.name,
    role: input.role,
    status: 'active',
    permissions: input.permissions ?? defaultPermissions(input.role),
    createdAt: now.toISOString(),
    version: 1,
    ...(options.password ? {} : { invitedAt: now.toISOString() }),
  };
  const delivery = options.password
    ? undefined
    : invitationDelivery(deps.ids.next(), member, password, now.toISOString());
  const audit = auditItem(
    actor,
    {
      companyId: input.companyId,
      action: options.action ?? 'user.created',
      objectType: 'user',
      objectId: userId,
      changes: { after: view(member) },
    },
    now,
    deps.ids.next(),
  );
  try {
    await deps.members.createMember({
      member,
      claim: { email, companyId: input.companyId, kind: 'user', userId, claimedAt: now.toISOString(), requestId },
      audit,
      delivery,
    });
  } catch (error) {
    // A write whose answer was lost (a timeout) may have committed: the claim says whether it did,
    // and then the person exists and is answered. Only a write that did not commit takes the
    // identity back; if even that cannot be told, the identity stays for a retry to reclaim.
    const claim = await deps.members.getClaim(email, { consistent: true }).catch(() => undefined);
    if (claim === undefined) throw error;
    if (claim?.requestId === requestId && claim.userId === userId) return answered(member, delivery);
    await deps.identities.deleteIdentity(input.companyId, email);
    throw error;
  }
  return answered(member, delivery);
};

const answered = (member: Member, delivery: Delivery | undefined) => ({
  member,
  ...(delivery ? { deliveryId: delivery.deliveryId } : {}),
});

/**
 * Demo seed, tests and benchmarks (never a route): a person with a permanent password, recorded
 * as created by the system. CBP staff set up their authenticator app at their first sign-in, as
 * Cognito's staff pool requires of everyone in it.
 */
export const provisionUser = async (deps: CreateUserDeps, input: NewMember & { password: string }): Promise<string> => {
  const system: Actor = { userId: 'system', role: 'system', companyId: CBP_COMPANY_ID, sourceIp: 'local' };
  const { member } = await createUser(deps, system, input, { password: input.password, action: 'user.provisioned' });
  return member.userId;
};

/** The primary POC manages their company's users; CBP staff may read them. */
export const requireManager = (caller: Caller, companyId: string): void => {
  requireRole(caller, ['primary-poc']);
  if (caller.companyId !== companyId) throw new NotFound('No such company.');
};

const requireReader = (caller: Caller, companyId: string): void => {
  requireRole(caller, ['primary-poc', 'cbp-admin', 'cbp-officer']);
  if (caller.role === 'primary-poc' && caller.companyId !== companyId) throw new NotFound('No such company.');
};

export const addCompanyUser = async (
  deps: CreateUserDeps & LimitDeps,
  caller: Caller,
  companyId: string,
  input: { email: string; name: string; permissions: Permissions },
) => {
  requireManager(caller, companyId);
  // Counted once per request: a repeat under its Idempotency-Key (the same ids) is not another invitation.
  await enforceLimit(deps, caller, 'invitation', deps.ids.next());
  return view((await createUser(deps, caller, { ...input, companyId, role: 'company-user' })).member);
};

export const listCompanyUsers = async (
  deps: { members: Pick<Memberships, 'list'>; companies: CompanyReader },
  caller: Caller,
  companyId: string,
  cursor: string | null,
  limit: number,
) => {
  requireReader(caller, companyId);
  const page = await deps.members.list(companyId, cursor, limit);
  // An empty first page may mean there is no such company: say so, not "no users".
  if (page.items.length === 0 && !cursor && !(await deps.companies.get(companyId)))
    throw new NotFound('No such company.');
  return { items: page.items.map(view), nextCursor: page.cursor };
};

export const found = async (
  deps: { members: Pick<Memberships, 'get'> },
  companyId: string,
  userId: string,
): Promise<Member> => {
  const member = await deps.members.get(companyId, userId);
  if (!member) throw new NotFound('No such user.');
  return member;
};

export const getCompanyUser = async (
  deps: { members: Pick<Memberships, 'get'> },
  caller: Caller,
  companyId: string,
  userId: string,
) => {
  requireReader(caller, companyId);
  return view(await found(deps, companyId, userId));
};

/**
 * Changes another member's permissions or status (disable / re-enable). Nobody changes their
 * own status or role; a primary POC is changed only by handing the role over.
 */
export const updateMember = async (
  deps: UpdateMemberDeps,
  caller: Caller,
  target: Member,
  input: { version: number; status?: 'active' | 'disabled'; permissions?: Permissions },
) => {
  if (target.userId === caller.userId) throw new Forbidden('You cannot change your own account here.');
  if (target.role === 'primary-poc') throw new Forbidden('The primary POC changes only by handing the role over.');
  requireVersion(target, input.version);
  const changes = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.permissions ? { permissions: input.permissions } : {}),
  };
  if (Object.keys(changes).length === 0)
    throw new BadRequest('Nothing to change.', [{ field: '', message: 'give status or permissions' }]);
  const now = deps.clock.now();
  const action =
    input.status === 'disabled'
      ? 'user.disabled'
      : input.status === 'active' && target.status === 'disabled'
        ? 'user.enabled'
        : 'user.updated';
  const audit = auditItem(
    caller,
    {
      companyId: target.companyId,
      action,
      objectType: 'user',
      objectId: target.userId,
      changes: { before: view(target), set: changes },
    },
    now,
    deps.ids.next(),
  );
  const updated = await deps.members.update(target, changes, audit);
  if (input.status && input.status !== target.status) await syncEnabled(deps, target, input.status === 'active');
  return view(updated);
};

/** A stale version is a 409 that tells the current one, never a silent overwrite. */
const requireVersion = (target: Member, version: number): void => {
  if (version !== target.version) throw versionConflict('user', target.version);
};

/** Cognito follows the record; the record already decides, so a failure here is logged, not fatal. */
const syncEnabled = async (
  deps: { identities: Pick<Identities, 'setEnabled'> },
  member: Pick<Member, 'companyId' | 'email'>,
  enabled: boolean,
) => {
  const { email } = member;
  await deps.identities
    .setEnabled(member.companyId, email, enabled)
    .catch((error: unknown) => logger.error('cognito enable/disable failed', { email, error: asError(error) }));
};

export const updateCompanyUser = async (
  deps: UpdateMemberDeps & { members: Pick<Memberships, 'get'> },
  caller: Caller,
  companyId: string,
  userId: string,
  input: { version: number; status?: 'active' | 'disabled'; permissions?: Permissions },
) => {
  requireManager(caller, companyId);
  return updateMember(deps, caller, await found(deps, companyId, userId), input);
};

export const removeCompanyUser = async (
  deps: {
    clock: Clock;
    ids: Ids;
    identities: Pick<Identities, 'deleteIdentity'>;
    members: Pick<Memberships, 'get' | 'remove'>;
  },
  caller: Caller,
  companyId: string,
  userId: string,
  version: number,
) => {
  requireManager(caller, companyId);
  const target = await found(deps, companyId, userId);
  if (target.userId === caller.userId)
    throw new Forbidden('You cannot remove yourself; hand the primary-POC role over first.');
  requireVersion(target, version);
  const now = deps.clock.now();
  await deps.members.remove(
    target,
    auditItem(
      caller,
      { companyId, action: 'user.removed', objectType: 'user', objectId: userId, changes: { before: view(target) } },
      now,
      deps.ids.next(),
    ),
  );
  await deps.identities
    .deleteIdentity(target.companyId, target.email)
    .catch((error: unknown) => logger.error('cognito delete failed', { userId, error: asError(error) }));
};
