import * as z from 'zod/v4';
import { ROLES } from '../definitions/roles.ts';
import { Email } from './common.ts';
import { CompanyStatus, UserStatus } from './fields.ts';

export const Role = z.enum(ROLES);
export const Permissions = z.object({
  editProfile: z.boolean(),
  authorizeSharing: z.boolean(),
});
export type Permissions = z.infer<typeof Permissions>;

/** GET /me: who the portal's own records say the caller is. */
export const Me = z.object({
  userId: z.string(),
  email: Email,
  name: z.string(),
  role: Role,
  status: UserStatus,
  permissions: Permissions,
  company: z.object({
    companyId: z.string(),
    legalName: z.string(),
    status: z.union([CompanyStatus, z.literal('cbp')]),
  }),
  /** Whether an authenticator app is set up (CBP staff must have one before anything else). */
  mfaEnrolled: z.boolean(),
  /** The portal serves this user only once they have an authenticator app (CBP staff; primary POCs when required). */
  mfaRequired: z.boolean(),
  /** The portal's current time (its clock; the local demo's simulated date). */
  now: z.iso.datetime(),
});
export type Me = z.infer<typeof Me>;
