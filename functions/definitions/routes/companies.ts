/** Routes: enrollment, the company record, the list of companies and the compliance overview. */
import { Id } from '../../schemas/common.ts';
import { CompanyView, EnrollCompany } from '../../schemas/company.ts';
import { CompanyListQuery, CompanyPage, ComplianceOverview, OverviewQuery } from '../../schemas/compliance.ts';
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

export const COMPANIES_ROUTES = [enrollCompany, listCompanies, complianceOverview, getCompany] as const;
