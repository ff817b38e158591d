/** Routes: Data shared only as the company authorizes it (grants and requests), and the audit trail. */
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const listGrants = {
  id: 'listGrants',
  method: 'GET',
  path: '/companies/{companyId}/grants',
  handler: 'list-grants',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: "The company's sharing grants in every state: active, expired, revoked (its users, and CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const createGrant = {
  id: 'createGrant',
  method: 'POST',
  path: '/companies/{companyId}/grants',
  handler: 'create-grant',
  auth: COMPANY_ROLES,
  summary:
    "Grant another participant or a foreign customs program a scope of the company's data until a date (primary POC, or a user designated to authorize sharing)",
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  idempotency: 'key',
} as const satisfies Route;

export const revokeGrant = {
  id: 'revokeGrant',
  method: 'DELETE',
  path: '/companies/{companyId}/grants/{grantId}',
  handler: 'revoke-grant',
  auth: COMPANY_ROLES,
  allowRemovedCompany: true,
  summary: 'Revoke a grant at once (primary POC, or a user designated to authorize sharing)',
  successStatus: 204,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The grant was already revoked (`already_revoked`)',
  },
} as const satisfies Route;

export const sharedWithMe = {
  id: 'sharedWithMe',
  method: 'GET',
  path: '/shared-with-me',
  handler: 'shared-with-me',
  auth: COMPANY_ROLES,
  summary: "What other companies shared with the caller's company and is in force today",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const partnerView = {
  id: 'partnerView',
  method: 'GET',
  path: '/partners/{companyId}',
  handler: 'partner-view',
  auth: COMPANY_ROLES,
  summary:
    "Another company's data within the scope of a grant it made to the caller's company (recorded in its audit trail); 404 without one",
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies Route;

export const requestGrant = {
  id: 'requestGrant',
  method: 'POST',
  path: '/partners/{companyId}/grant-requests',
  handler: 'request-grant',
  auth: COMPANY_ROLES,
  summary:
    'Ask another participant company for a grant of a scope (primary POC, or a user designated to authorize sharing)',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'That request already exists',
  },
  idempotency: 'key',
} as const satisfies Route;

export const requestGrantByCode = {
  id: 'requestGrantByCode',
  method: 'POST',
  path: '/grant-requests',
  handler: 'request-grant-by-code',
  auth: COMPANY_ROLES,
  summary:
    'Ask another participant company, named by the status-verification code it handed over, for a grant of a scope (primary POC, or a user designated to authorize sharing); a code that names no company answers 404 as an unknown company id does',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'That request already exists',
  },
  idempotency: 'key',
} as const satisfies Route;

export const listGrantRequests = {
  id: 'listGrantRequests',
  method: 'GET',
  path: '/companies/{companyId}/grant-requests',
  handler: 'list-grant-requests',
  auth: ALL_ROLES,
  summary: 'Grant requests made to the company (incoming) or by it (outgoing)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const decideGrantRequest = {
  id: 'decideGrantRequest',
  method: 'POST',
  path: '/companies/{companyId}/grant-requests/{requestId}/decision',
  handler: 'decide-grant-request',
  auth: COMPANY_ROLES,
  summary: 'Accept a grant request (a grant of the requested scope is made, until a date) or decline it',
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'The request was already decided (`already_decided`)',
  },
  idempotency: 'key',
} as const satisfies Route;

export const companyAudit = {
  id: 'companyAudit',
  method: 'GET',
  path: '/companies/{companyId}/audit',
  handler: 'company-audit',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary:
    "The company's audit trail, newest first, optionally one action and a time window (the company's users, and CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const portalAudit = {
  id: 'portalAudit',
  method: 'GET',
  path: '/audit',
  handler: 'portal-audit',
  auth: CBP_ROLES,
  summary: "The whole portal's audit trail for one UTC day, newest first (CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const portalAuditCsv = {
  id: 'portalAuditCsv',
  method: 'GET',
  path: '/reports/audit.csv',
  handler: 'portal-audit-csv',
  auth: CBP_ROLES,
  summary:
    "The whole portal's audit trail for one UTC day, with the trail's filters, as a CSV file (CBP; a day of more than 20,000 matching records is refused, naming the filters that narrow it)",
  access: ['table:read'],
  mutates: false,
  // Reading up to 20,000 records and their names: up to API Gateway's 29 s.
  timeoutSeconds: 28,
} as const satisfies Route;

export const exportCompany = {
  id: 'exportCompany',
  method: 'GET',
  path: '/companies/{companyId}/export',
  handler: 'export-company',
  auth: ['primary-poc'],
  summary:
    'Everything the portal holds about the company as one JSON document, written to a private bucket: answers a link that downloads it for five minutes (primary POC; the export is audited)',
  access: ['table:read', 'table:write', 'exports:write'],
  mutates: false,
  // Reading and writing years of records: up to API Gateway's 29 s, not the routes' usual 10.
  timeoutSeconds: 28,
} as const satisfies Route;

export const SHARING_ROUTES = [
  listGrants,
  createGrant,
  revokeGrant,
  sharedWithMe,
  partnerView,
  requestGrant,
  requestGrantByCode,
  listGrantRequests,
  decideGrantRequest,
  companyAudit,
  portalAudit,
  portalAuditCsv,
  exportCompany,
] as const;
