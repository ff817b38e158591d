import { requireRole, type Caller } from './caller.ts';
import {
  createUser,
  updateMember,
  view,
  type CreateUserDeps,
  type Memberships,
  type UpdateMemberDeps,
} from './users.ts';
import { CBP_COMPANY_ID } from '../definitions/roles.ts';
import { NotFound } from '../errors.ts';

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
