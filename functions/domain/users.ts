import type { Deps } from './deps.ts';
import type { Role } from '../definitions/roles.ts';
import type { Permissions } from '../schemas/me.ts';

export interface ProvisionInput {
  readonly email: string;
  readonly name: string;
  readonly companyId: string;
  readonly role: Role;
  readonly password: string;
  /** A permanent password (demo seed) instead of a temporary one. */
  readonly permanent?: boolean;
  readonly permissions?: Permissions;
}

/**
 * Creates a person: the Cognito identity, then the membership and the email claim in one
 * transaction. If the transaction fails the identity is deleted again, so no half-made account
 * is left behind.
 */
export const provisionUser = async (deps: Pick<Deps, 'clock' | 'identities' | 'members'>, input: ProvisionInput): Promise<string> => {
  const email = input.email.toLowerCase();
  const userId = await deps.identities.createIdentity({ ...input, email, permanent: input.permanent ?? false });
  const now = deps.clock.now().toISOString();
  try {
    await deps.members.createMember(
      {
        companyId: input.companyId,
        userId,
        email,
        name: input.name,
        role: input.role,
        status: 'active',
        permissions: input.permissions ?? { editProfile: input.role !== 'company-user', authorizeSharing: input.role === 'primary-poc' },
        createdAt: now,
        version: 1,
      },
      { email, companyId: input.companyId, kind: 'user', userId, claimedAt: now },
    );
  } catch (error) {
    await deps.identities.deleteIdentity(email);
    throw error;
  }
  return userId;
};
