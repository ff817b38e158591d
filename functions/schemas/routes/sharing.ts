/** The request and response schemas of the routes in functions/definitions/routes/sharing.ts, by route id. */
import { Id } from '../id.ts';
import { ListQuery } from '../list-query.ts';
import {
  AuditPage,
  AuditCsv,
  ExportLink,
  Grant,
  GrantPage,
  GrantRequest,
  GrantRequestPage,
  PartnerView,
  SharedWithMe,
} from '../sharing.ts';
import {
  AuditQuery,
  CreateGrant,
  DecideGrantRequest,
  GrantRequestQuery,
  PartnerQuery,
  PortalAuditQuery,
  PortalAuditCsvQuery,
  RequestGrant,
  RequestGrantByCode,
} from '../requests/sharing.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { SHARING_ROUTES } from '../../definitions/routes/sharing.ts';

export const SHARING_SCHEMAS = {
  listGrants: {
    pathParams: { companyId: Id },
    query: ListQuery,
    response: GrantPage,
  },
  createGrant: {
    pathParams: { companyId: Id },
    body: CreateGrant,
    example: { grantee: { type: 'program', program: 'ca-pip' }, scope: 'status', expiresOn: '2027-06-30' },
    response: Grant,
  },
  revokeGrant: {
    pathParams: { companyId: Id, grantId: Id },
  },
  sharedWithMe: {
    query: ListQuery,
    response: SharedWithMe,
  },
  partnerView: {
    pathParams: { companyId: Id },
    query: PartnerQuery,
    response: PartnerView,
  },
  requestGrant: {
    pathParams: { companyId: Id },
    body: RequestGrant,
    example: { scope: 'status', message: 'We are onboarding you as a carrier and need your C-TPAT status.' },
    response: GrantRequest,
  },
  requestGrantByCode: {
    body: RequestGrantByCode,
    // Every key required, so the fuzz suite's removal of one is always refused.
    example: { partnerCode: 'Q7KP-4MXM', scope: 'status' },
    response: GrantRequest,
  },
  listGrantRequests: {
    pathParams: { companyId: Id },
    query: GrantRequestQuery,
    response: GrantRequestPage,
  },
  decideGrantRequest: {
    pathParams: { companyId: Id, requestId: Id },
    body: DecideGrantRequest,
    example: { decision: 'accept', expiresOn: '2027-06-30' },
    response: GrantRequest,
  },
  companyAudit: {
    pathParams: { companyId: Id },
    query: AuditQuery,
    response: AuditPage,
  },
  portalAudit: {
    query: PortalAuditQuery,
    response: AuditPage,
  },
  portalAuditCsv: {
    query: PortalAuditCsvQuery,
    response: AuditCsv,
    responseMediaType: 'text/csv',
  },
  exportCompany: {
    pathParams: { companyId: Id },
    response: ExportLink,
  },
} as const satisfies RouteSchemaTable<typeof SHARING_ROUTES>;
