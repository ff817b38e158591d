import * as z from 'zod/v4';
import { Email, Id, IsoDateTime, SingleLine } from './common.ts';
import { Password } from './auth.ts';
import { Permissions, Role, UserStatus } from './me.ts';

export const AccountRequest = z.strictObject({ email: Email });
export const Refresh = z.strictObject({ refreshToken: z.string().min(20).max(8192) });
/** Sign-out names the refresh token to revoke. */
export const Logout = Refresh;
export const ForgotPassword = z.strictObject({ email: Email });
export const ConfirmForgotPassword = z.strictObject({
  email: Email,
  code: z.string().regex(/^[0-9A-Za-z]{4,16}$/, { message: 'must be the code from the email' }),
  newPassword: Password,
});
export const Message = z.object({ message: z.string() });

export const User = z.object({
  userId: z.string(),
  companyId: z.string(),
  email: Email,
  name: z.string(),
  role: Role,
  status: UserStatus,
  permissions: Permissions,
  createdAt: IsoDateTime,
  version: z.number().int(),
});
export const UserPage = z.object({ items: z.array(User), nextCursor: z.string().nullable() });

export const AddUser = z.strictObject({
  email: Email,
  name: SingleLine(120),
  permissions: z.strictObject({ editProfile: z.boolean(), authorizeSharing: z.boolean() }),
});

/** A version the caller last read; a stale one is a 409 with the current version. */
export const Version = z.number().int().min(1).max(1_000_000_000);

export const UpdateUser = z.strictObject({
  version: Version,
  status: UserStatus.optional(),
  permissions: z.strictObject({ editProfile: z.boolean(), authorizeSharing: z.boolean() }).optional(),
});

/**
 * The former primary POC becomes a company user with no permissions unless the hand-over names
 * them (issue 17): nobody keeps the POC's powers by default.
 */
export const HandOver = z.strictObject({
  userId: Id,
  formerPocPermissions: z
    .strictObject({ editProfile: z.boolean(), authorizeSharing: z.boolean() })
    .default({ editProfile: false, authorizeSharing: false }),
});
export const HandOverResult = z.object({ from: User, to: User });

export const AddStaff = z.strictObject({
  email: Email,
  name: SingleLine(120),
  role: z.enum(['cbp-officer', 'cbp-admin']),
});
export const UpdateStaff = z.strictObject({ version: Version, status: UserStatus });
