/**
 * User pool settings shared by the CDK stack and the local bootstrap, so the emulator's pool
 * is made like the deployed one.
 */
import { CBP_ROLES, COMPANY_ROLES, type Realm, type Role } from '../functions/definitions/roles.ts';
import { PASSWORD_MIN_LENGTH } from '../functions/definitions/passwords.ts';

export const USER_POOL_SETTINGS = {
  /** DESIGN section 7: long minimum, no composition rules (OWASP ASVS, NIST 800-63B). */
  passwordMinLength: PASSWORD_MIN_LENGTH,
  /** Invitations' temporary passwords expire after this many days (DESIGN: 1 to 3). */
  temporaryPasswordValidityDays: 3,
  /** Immutable, server-written custom attribute tying an identity to its company. */
  companyIdAttribute: 'companyId',
  /** Role groups: CBP staff's in their pool, participants' in theirs. */
  groupsOf: { staff: CBP_ROLES, participants: COMPANY_ROLES } satisfies Record<Realm, readonly Role[]>,
  tokenValidityMinutes: { access: 15, id: 15 },
  refreshTokenValidityHours: 12,
  /**
   * Refresh-token rotation: every refresh hands out a new refresh token and the old one stops
   * working this many seconds later (room for a retried request; Cognito allows 0 to 60).
   */
  refreshTokenRotationGraceSeconds: 10,
} as const;
