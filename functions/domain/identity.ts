import type { Caller } from './caller.ts';
import type { Me } from '../schemas/me.ts';

/** GET /me answers from the records the handler wrapper already read: no further round trip. */
export const me = (caller: Caller): Me => ({
  userId: caller.userId,
  email: caller.email,
  name: caller.name,
  role: caller.role,
  status: 'active',
  permissions: caller.permissions,
  company: caller.company,
  mfaEnrolled: caller.mfaEnrolled,
});
