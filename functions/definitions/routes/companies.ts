/** Routes: Enrollment, the company record, its contacts, its export; the compliance overview. */
import { Id } from '../../schemas/common.ts';
import { ChangePoc, CompanyView, EnrollCompany, SetSecondaryContact } from '../../schemas/company.ts';
import { CompanyListQuery, CompanyPage, ComplianceOverview, OverviewQuery } from '../../schemas/compliance.ts';
import { CompanyExport } from '../../schemas/sharing.ts';
import { ALL_ROLES, CBP_ROLES } from '../roles.ts';
import type { RouteDefinition } from './types.ts';

export const enrollCompany = {
  id: 'enrollCompany',
  method: 'POST',
  path: '/companies',
  handler: 'enroll-company',
  auth: CBP_ROLES,
  summary: 'Enroll a company in C-TPAT (CBP)',
  body: EnrollCompany,
  response: CompanyView,
  successStatus: 201,
  example: {
    legalName: 'Acme Imports LLC',
    category: 'importer',
    pocEmail: 'poc@acme-imports.example.com',
    pocName: 'Dana Reyes',
    identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
  },
  access: ['table:read', 'table:write'],
  mutates: true,
} as const satisfies RouteDefinition;

export const listCompanies = {
  id: 'listCompanies',
  method: 'GET',
  path: '/companies',
  handler: 'list-companies',
  auth: CBP_ROLES,
  summary: 'A page of enrolled companies with their next due date, filtered by status, category and due date (CBP)',
  query: CompanyListQuery,
  response: CompanyPage,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const complianceOverview = {
  id: 'complianceOverview',
  method: 'GET',
  path: '/compliance/overview',
  handler: 'compliance-overview',
  auth: CBP_ROLES,
  summary: 'Companies by status and category, and due dates and removals per month (CBP)',
  query: OverviewQuery,
  response: ComplianceOverview,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const getCompany = {
  id: 'getCompany',
  method: 'GET',
  path: '/companies/{companyId}',
  handler: 'get-company',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: "A company's enrollment record (CBP, or the company's own users)",
  pathParams: { companyId: Id },
  response: CompanyView,
  access: ['table:read'],
  mutates: false,
} as const satisfies RouteDefinition;

export const changePoc = {
  id: 'changePoc',
  method: 'POST',
  path: '/companies/{companyId}/poc-change',
  handler: 'change-poc',
  auth: ['cbp-admin'],
  summary:
    "Change the company's registered POC email, with the reason (CBP administrator; names the company version). Both addresses are told; an existing primary-POC account is disabled",
  pathParams: { companyId: Id },
  body: ChangePoc,
  response: CompanyView,
  example: {
    version: 1,
    pocEmail: 'new.poc@acme-imports.example.com',
    pocName: 'Morgan Blake',
    reason: 'The registered POC left the company; the company asked by letter of 2006-06-12.',
  },
  access: ['table:read', 'table:write', 'cognito:manage', 'email:send'],
  mutates: true,
} as const satisfies RouteDefinition;

export const setSecondaryContact = {
  id: 'setSecondaryContact',
  method: 'PUT',
  path: '/companies/{companyId}/secondary-contact',
  handler: 'set-secondary-contact',
  auth: ['primary-poc'],
  summary:
    'Name or replace the secondary contact, who also receives deadline reminders and removal notices (primary POC; names the company version)',
  pathParams: { companyId: Id },
  body: SetSecondaryContact,
  response: CompanyView,
  example: { version: 1, name: 'Jordan Lee', email: 'compliance@acme-imports.example.com' },
  access: ['table:read', 'table:write'],
  mutates: true,
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

export const COMPANIES_ROUTES = [
  enrollCompany,
  listCompanies,
  complianceOverview,
  getCompany,
  changePoc,
  setSecondaryContact,
  exportCompany,
] as const;
