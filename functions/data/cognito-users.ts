import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminRemoveUserFromGroupCommand,
  UsernameExistsException,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  AdminGetUserCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito, poolOf } from '../clients/cognito.ts';
import { CBP_COMPANY_ID, isCbp, type Role } from '../definitions/roles.ts';

/** The pool a company's identities live in (CBP staff have their own, with a required second factor). */
const poolId = (companyId: string): string => poolOf(companyId).userPoolId;

export interface NewIdentity {
  readonly email: string;
  readonly name: string;
  readonly companyId: string;
  readonly role: Role;
  /** Temporary password (forces a new one at first sign-in) or, with `permanent`, the password. */
  readonly password: string;
  readonly permanent: boolean;
}

/**
 * Creates the Cognito identity with its immutable company id and role group. Cognito sends
 * no message: the portal's own outbox delivers invitations. Returns the user's `sub`.
 */
export const createIdentity = async (identity: NewIdentity): Promise<string> => {
  const userPoolId = poolId(identity.companyId);
  const { User } = await cognito.send(
    new AdminCreateUserCommand({
      UserPoolId: userPoolId,
      Username: identity.email,
      TemporaryPassword: identity.password,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: identity.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: identity.name },
        { Name: 'custom:companyId', Value: identity.companyId },
      ],
    }),
  );
  try {
    const sub = User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    if (!sub) throw new Error('Cognito created a user without a sub');
    if (identity.permanent) {
      await cognito.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: userPoolId,
          Username: identity.email,
          Password: identity.password,
          Permanent: true,
        }),
      );
    }
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: identity.email, GroupName: identity.role }),
    );
    return sub;
  } catch (error) {
    // A half-made identity would hold the email forever: take it back before failing.
    await deleteIdentity(identity.companyId, identity.email).catch(() => undefined);
    throw error;
  }
};

/** True when Cognito refused the identity because the email already has one. */
export const isTaken = (error: unknown): boolean => error instanceof UsernameExistsException;

/** Removes an identity (used to undo a half-made account). */
export const deleteIdentity = async (companyId: string, email: string): Promise<void> => {
  await cognito.send(new AdminDeleteUserCommand({ UserPoolId: poolId(companyId), Username: email }));
};

/** Keeps the informational role groups in step with the portal's records (which decide). */
export const moveToGroup = async (email: string, from: Role, to: Role): Promise<void> => {
  const userPoolId = poolId(isCbp(from) ? CBP_COMPANY_ID : 'participant');
  await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: from }));
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: to }));
};

/**
 * Disables or re-enables sign-in in Cognito. The portal refuses a disabled member on every
 * request whatever Cognito says; this stops new sign-ins in AWS as well.
 */
export const setEnabled = async (companyId: string, email: string, enabled: boolean): Promise<void> => {
  const userPoolId = poolId(companyId);
  await cognito.send(
    enabled
      ? new AdminEnableUserCommand({ UserPoolId: userPoolId, Username: email })
      : new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }),
  );
};

/**
 * True when the identity exists and has never chosen a password (it still holds a temporary
 * one, used or expired): only such an identity is invited again.
 */
export const awaitsFirstSignIn = async (companyId: string, email: string): Promise<boolean> => {
  try {
    const { UserStatus } = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: poolId(companyId), Username: email }),
    );
    return UserStatus === 'FORCE_CHANGE_PASSWORD';
  } catch (error) {
    if (error instanceof UserNotFoundException) return false;
    throw error;
  }
};

/** Replaces a not-yet-used (or expired) temporary password: the user must choose their own at sign-in. */
export const setTemporaryPassword = async (companyId: string, email: string, password: string): Promise<void> => {
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId(companyId),
      Username: email,
      Password: password,
      Permanent: false,
    }),
  );
};
