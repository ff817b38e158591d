/** Roles are Cognito groups and the `role` of a membership record: one list for both. */
export const ROLES = ['cbp-admin', 'cbp-officer', 'primary-poc', 'company-user'] as const;
export type Role = (typeof ROLES)[number];

export const CBP_ROLES: readonly Role[] = ['cbp-admin', 'cbp-officer'];
export const COMPANY_ROLES: readonly Role[] = ['primary-poc', 'company-user'];
export const ALL_ROLES: readonly Role[] = ROLES;

/** CBP staff belong to this pseudo-company, so every identity has a company id in its token. */
export const CBP_COMPANY_ID = 'CBP';

export const isCbp = (role: Role): boolean => CBP_ROLES.includes(role);
