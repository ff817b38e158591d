/** Roles are Cognito groups and the `role` of a membership record: one list for both. */
export const ROLES = ['cbp-admin', 'cbp-officer', 'primary-poc', 'company-user'] as const;
export type Role = (typeof ROLES)[number];

export const CBP_ROLES: readonly Role[] = ['cbp-admin', 'cbp-officer'];
export const COMPANY_ROLES: readonly Role[] = ['primary-poc', 'company-user'];
export const ALL_ROLES: readonly Role[] = ROLES;

/** CBP staff belong to this pseudo-company, so every identity has a company id in its token. */
export const CBP_COMPANY_ID = 'CBP';

export const isCbp = (role: Role): boolean => CBP_ROLES.includes(role);

/**
 * Where an identity signs in: CBP staff in their own user pool, where Cognito requires a second
 * factor of everyone; participants in theirs (decision 60).
 */
export type Realm = 'staff' | 'participants';
export const realmOf = (companyId: string): Realm => (companyId === CBP_COMPANY_ID ? 'staff' : 'participants');

/**
 * Who must have a second factor before the portal serves them (DESIGN section 7): CBP staff
 * always (their pool requires one at every sign-in), and primary POCs when the deployment says so
 * (`REQUIRE_POC_MFA`, from the CDK context `requirePocMfa`).
 */
export const secondFactorRequired = (role: Role, requirePocMfa: boolean): boolean =>
  isCbp(role) || (role === 'primary-poc' && requirePocMfa);
