import type { Caller } from './caller.ts';
import type { Clock } from './clock.ts';
import type { Me } from '../schemas/me.ts';

/**
 * GET /me answers from the records the handler wrapper already read: no further round trip.
 * It also gives the portal's date, so pages count days to a deadline by the portal's clock
 * (the local demo's simulated date), not the browser's.
 */
export const me = (deps: { clock: Clock }, caller: Caller): Me => ({
  userId: caller.userId,
  email: caller.email,
  name: caller.name,
  role: caller.role,
  status: 'active',
  permissions: caller.permissions,
  company: caller.company,
  mfaEnrolled: caller.mfaEnrolled,
  mfaRequired: caller.mfaRequired ?? false,
  now: deps.clock.now().toISOString(),
});
