/** Routes: Data shared only as the company authorizes it (grants and requests), and the audit trail. */
import { Id } from '../../schemas/common.ts';
import {
  AuditPage,
  CompanyExport,
  AuditQuery,
  CreateGrant,
  DecideGrantRequest,
  Grant,
  GrantPage,
  GrantRequest,
  GrantRequestPage,
  GrantRequestQuery,
  PartnerQuery,
  PartnerView,
  PortalAuditQuery,
  RequestGrant,
  SharedWithMe,
} from '../../schemas/sharing.ts';
import { ListQuery } from '../../schemas/users.ts';
import { ALL_ROLES, CBP_ROLES, COMPANY_ROLES } from '../roles.ts';
import type { RouteDefinition } from './types.ts';

export const listGrants = {
  id: 'listGrants',
  method: 'GET',
  path: '/companies/{companyId}/grants',
  handler: 'list-grants',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: "The company's sharing grants in every state: active, expired, revoked (its users, and CBP)",
  pathParams: { companyId: Id },
  query: ListQuery,
  response: GrantPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const createGrant = {
  id: 'createGrant',
  method: 'POST',
  path: '/companies/{companyId}/grants',
  handler: 'create-grant',
  auth: COMPANY_ROLES,
  summary:
    "Grant another participant or a foreign customs program a scope of the company's data until a date (primary POC, or a user designated to authorize sharing)",
  pathParams: { companyId: Id },
  body: CreateGrant,
  example: { grantee: { type: 'program', program: 'ca-pip' }, scope: 'status', expiresOn: '2027-06-30' },
  response: Grant,
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const revokeGrant = {
  id: 'revokeGrant',
  method: 'DELETE',
  path: '/companies/{companyId}/grants/{grantId}',
  handler: 'revoke-grant',
  auth: COMPANY_ROLES,
  allowRemovedCompany: true,
  summary: 'Revoke a grant at once (primary POC, or a user designated to authorize sharing)',
  pathParams: { companyId: Id, grantId: Id },
  successStatus: 204,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const sharedWithMe = {
  id: 'sharedWithMe',
  method: 'GET',
  path: '/shared-with-me',
  handler: 'shared-with-me',
  auth: COMPANY_ROLES,
  summary: "What other companies shared with the caller's company and is in force today",
  query: ListQuery,
  response: SharedWithMe,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const partnerView = {
  id: 'partnerView',
  method: 'GET',
  path: '/partners/{companyId}',
  handler: 'partner-view',
  auth: COMPANY_ROLES,
  summary:
    "Another company's data within the scope of a grant it made to the caller's company (recorded in its audit trail); 404 without one",
  pathParams: { companyId: Id },
  query: PartnerQuery,
  response: PartnerView,
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies RouteDefinition;

export const requestGrant = {
  id: 'requestGrant',
  method: 'POST',
  path: '/partners/{companyId}/grant-requests',
  handler: 'request-grant',
  auth: COMPANY_ROLES,
  summary:
    'Ask another participant company for a grant of a scope (primary POC, or a user designated to authorize sharing)',
  pathParams: { companyId: Id },
  body: RequestGrant,
  example: { scope: 'status', message: 'We are onboarding you as a carrier and need your C-TPAT status.' },
  response: GrantRequest,
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const listGrantRequests = {
  id: 'listGrantRequests',
  method: 'GET',
  path: '/companies/{companyId}/grant-requests',
  handler: 'list-grant-requests',
  auth: ALL_ROLES,
  summary: 'Grant requests made to the company (incoming) or by it (outgoing)',
  pathParams: { companyId: Id },
  query: GrantRequestQuery,
  response: GrantRequestPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const decideGrantRequest = {
  id: 'decideGrantRequest',
  method: 'POST',
  path: '/companies/{companyId}/grant-requests/{requestId}/decision',
  handler: 'decide-grant-request',
  auth: COMPANY_ROLES,
  summary: 'Accept a grant request (a grant of the requested scope is made, until a date) or decline it',
  pathParams: { companyId: Id, requestId: Id },
  body: DecideGrantRequest,
  example: { decision: 'accept', expiresOn: '2027-06-30' },
  response: GrantRequest,
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const companyAudit = {
  id: 'companyAudit',
  method: 'GET',
  path: '/companies/{companyId}/audit',
  handler: 'company-audit',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary:
    "The company's audit trail, newest first, optionally one action and a time window (the company's users, and CBP)",
  pathParams: { companyId: Id },
  query: AuditQuery,
  response: AuditPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const portalAudit = {
  id: 'portalAudit',
  method: 'GET',
  path: '/audit',
  handler: 'portal-audit',
  auth: CBP_ROLES,
  summary: "The whole portal's audit trail for one UTC day, newest first (CBP)",
  query: PortalAuditQuery,
  response: AuditPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const exportCompany = {
  id: 'exportCompany',
  method: 'GET',
  path: '/companies/{companyId}/export',
  handler: 'export-company',
  auth: ['primary-poc'],
  summary: 'Everything the portal holds about the company as one JSON document (primary POC; the export is audited)',
  pathParams: { companyId: Id },
  response: CompanyExport,
  access: ['table:read', 'table:write'],
  mutates: false,
} as const satisfies RouteDefinition;

export const SHARING_ROUTES = [
  listGrants,
  createGrant,
  revokeGrant,
  sharedWithMe,
  partnerView,
  requestGrant,
  listGrantRequests,
  decideGrantRequest,
  companyAudit,
  portalAudit,
  exportCompany,
] as const;
