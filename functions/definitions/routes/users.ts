/** Routes: A company's users (the primary POC administers them) and CBP staff. */
import { CBP_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const listCompanyUsers = {
  id: 'listCompanyUsers',
  method: 'GET',
  path: '/companies/{companyId}/users',
  handler: 'list-company-users',
  auth: ['primary-poc', ...CBP_ROLES],
  summary: "A page of the company's users (its primary POC, or CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const addCompanyUser = {
  id: 'addCompanyUser',
  method: 'POST',
  path: '/companies/{companyId}/users',
  handler: 'add-company-user',
  auth: ['primary-poc'],
  summary: 'Add a user to the company and email their invitation (primary POC)',
  successStatus: 201,
  access: ['table:read', 'table:write', 'cognito:invite'],
  mutates: true,
  errors: {
    409: 'The email already belongs to someone in the portal (`email_taken`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const getCompanyUser = {
  id: 'getCompanyUser',
  method: 'GET',
  path: '/companies/{companyId}/users/{userId}',
  handler: 'get-company-user',
  auth: ['primary-poc', ...CBP_ROLES],
  summary: "One of the company's users (its primary POC, or CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const updateCompanyUser = {
  id: 'updateCompanyUser',
  method: 'PATCH',
  path: '/companies/{companyId}/users/{userId}',
  handler: 'update-company-user',
  auth: ['primary-poc'],
  summary: "Change a user's permissions, or disable / re-enable them (primary POC; names the version it read)",
  access: ['table:read', 'table:write', 'cognito:manage'],
  mutates: true,
  errors: {
    409: 'The user changed since you read it (`version_conflict`, naming the current version)',
  },
} as const satisfies Route;

export const removeCompanyUser = {
  id: 'removeCompanyUser',
  method: 'DELETE',
  path: '/companies/{companyId}/users/{userId}',
  handler: 'remove-company-user',
  auth: ['primary-poc'],
  summary: 'Remove a user (primary POC; send the version in If-Match)',
  successStatus: 204,
  access: ['table:read', 'table:write', 'cognito:manage'],
  mutates: true,
  errors: {
    409: 'The user changed since the version named in `If-Match` (`version_conflict`)',
  },
} as const satisfies Route;

export const resendInvitation = {
  id: 'resendInvitation',
  method: 'POST',
  path: '/companies/{companyId}/users/{userId}/invitation',
  handler: 'resend-invitation',
  auth: ['primary-poc', 'cbp-admin'],
  summary:
    "Send a new invitation to a user who never chose a password (the primary POC for their users, a CBP administrator for a company's primary POC)",
  successStatus: 202,
  access: ['table:read', 'table:write', 'cognito:invite'],
  mutates: true,
  errors: {
    409: 'The user is disabled, already chose a password, or changed meanwhile',
  },
  idempotency: 'key',
} as const satisfies Route;

export const handOverPrimaryPoc = {
  id: 'handOverPrimaryPoc',
  method: 'POST',
  path: '/companies/{companyId}/primary-poc',
  handler: 'hand-over-primary-poc',
  auth: ['primary-poc'],
  summary: 'Hand the primary-POC role to another active user; the old POC becomes a company user',
  access: ['table:read', 'table:write', 'cognito:manage'],
  mutates: true,
  errors: {
    409: "The user or the company's records changed during the hand-over (`version_conflict`, `concurrent_change`)",
  },
  idempotency: 'key',
} as const satisfies Route;

export const listStaff = {
  id: 'listStaff',
  method: 'GET',
  path: '/staff',
  handler: 'list-staff',
  auth: ['cbp-admin'],
  summary: 'A page of CBP staff accounts (CBP administrators)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const addStaff = {
  id: 'addStaff',
  method: 'POST',
  path: '/staff',
  handler: 'add-staff',
  auth: ['cbp-admin'],
  summary: 'Add a CBP officer or administrator and email their invitation',
  successStatus: 201,
  access: ['table:read', 'table:write', 'cognito:invite'],
  mutates: true,
  errors: {
    409: 'The email already belongs to someone in the portal (`email_taken`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const updateStaff = {
  id: 'updateStaff',
  method: 'PATCH',
  path: '/staff/{userId}',
  handler: 'update-staff',
  auth: ['cbp-admin'],
  summary: 'Disable or re-enable a staff account (names the version it read)',
  access: ['table:read', 'table:write', 'cognito:manage'],
  mutates: true,
  errors: {
    409: 'The account changed since you read it (`version_conflict`, naming the current version)',
  },
} as const satisfies Route;

export const USERS_ROUTES = [
  listCompanyUsers,
  addCompanyUser,
  getCompanyUser,
  updateCompanyUser,
  removeCompanyUser,
  resendInvitation,
  handOverPrimaryPoc,
  listStaff,
  addStaff,
  updateStaff,
] as const;
