import { requireRole, type Caller } from './caller.ts';
import type { Actor } from './audit.ts';
import {
  createUser,
  updateMember,
  view,
  type CreateUserDeps,
  type Memberships,
  type UpdateMemberDeps,
} from './users.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { Conflict, NotFound } from '../errors.ts';
import type { Member } from '../schemas/membership.ts';

/** A CBP administrator adds an officer or another administrator; they get an invitation. */
export const addStaff = async (
  deps: CreateUserDeps,
  caller: Caller,
  input: { email: string; name: string; role: 'cbp-officer' | 'cbp-admin' },
) => {
  requireRole(caller, ['cbp-admin']);
  return view(
    (
      await createUser(deps, caller, {
        ...input,
        companyId: CBP_COMPANY_ID,
        permissions: { editProfile: false, authorizeSharing: false },
      })
    ).member,
  );
};

/**
 * Who runs the operator's command (`npm run admin`), as the audit trail names them: not a
 * signed-in caller, so the record says which person on which machine acted.
 */
export const operatorActor = (operator: string, host: string): Actor => ({
  userId: `operator:${operator}`,
  role: 'operator',
  companyId: CBP_COMPANY_ID,
  sourceIp: `command line on ${host}`,
});

/** The active CBP administrators, every page of the staff partition read. */
export const activeAdministrators = async (deps: { members: Pick<Memberships, 'list'> }): Promise<Member[]> => {
  const found: Member[] = [];
  let cursor: string | null = null;
  do {
    const page = await deps.members.list(CBP_COMPANY_ID, cursor, 100);
    found.push(...page.items.filter((m) => m.role === 'cbp-admin' && m.status === 'active'));
    cursor = page.cursor;
  } while (cursor);
  return found;
};

/** Refused: the portal already has administrators and the operator did not confirm another. */
export class AdministratorsExist extends Conflict {
  constructor(readonly emails: readonly string[]) {
    super(
      `The portal already has ${emails.length} CBP administrator(s): ${emails.join(', ')}.`,
      'administrators_exist',
    );
  }
}

/**
 * An operator, from outside the portal, adds a CBP administrator (after a deployment, the first
 * one; nobody can sign in before): the same identity, membership, audit record and invitation
 * as `POST /staff`. Where administrators exist already, they add staff themselves, so another is
 * added only when the operator confirms (`another`). Answers the administrators there were.
 */
export const addAdministrator = async (
  deps: CreateUserDeps & { members: Pick<Memberships, 'list'> },
  operator: Actor,
  input: { email: string; name: string },
  options: { another: boolean },
) => {
  const existing = await activeAdministrators(deps);
  if (existing.length > 0 && !options.another) throw new AdministratorsExist(existing.map((m) => m.email));
  const { member, deliveryId } = await createUser(deps, operator, {
    ...input,
    role: 'cbp-admin',
    companyId: CBP_COMPANY_ID,
    permissions: { editProfile: false, authorizeSharing: false },
  });
  return { user: view(member), deliveryId, existing: existing.map((m) => m.email) };
};

export const listStaff = async (
  deps: { members: Pick<Memberships, 'list'> },
  caller: Caller,
  cursor: string | null,
  limit: number,
) => {
  requireRole(caller, ['cbp-admin']);
  const page = await deps.members.list(CBP_COMPANY_ID, cursor, limit);
  return { items: page.items.map(view), nextCursor: page.cursor };
};

/** Disable or re-enable a staff member (never oneself). */
export const updateStaff = async (
  deps: UpdateMemberDeps & { members: Pick<Memberships, 'get'> },
  caller: Caller,
  userId: string,
  input: { version: number; status: 'active' | 'disabled' },
) => {
  requireRole(caller, ['cbp-admin']);
  const target = await deps.members.get(CBP_COMPANY_ID, userId);
  if (!target) throw new NotFound('No such staff member.');
  return updateMember(deps, caller, target, input);
};
