import * as z from 'zod/v4';
import { Email, IsoDateTime } from './common.ts';
import { UserStatus } from './fields.ts';
import { Permissions, Role } from './me.ts';

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

export const HandOverResult = z.object({ from: User, to: User });
