/** Routes: enrollment, the company record, the list of companies and the compliance overview. */
import { ALL_ROLES, CBP_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const enrollCompany = {
  id: 'enrollCompany',
  method: 'POST',
  path: '/companies',
  handler: 'enroll-company',
  auth: CBP_ROLES,
  summary: 'Enroll a company in C-TPAT (CBP)',
  successStatus: 201,
  access: ['table:read', 'table:write'],
  mutates: true,
  errors: {
    409: "The POC's email already belongs to someone in the portal (`email_taken`, naming `pocEmail`)",
  },
  idempotency: 'key',
} as const satisfies Route;

export const listCompanies = {
  id: 'listCompanies',
  method: 'GET',
  path: '/companies',
  handler: 'list-companies',
  auth: CBP_ROLES,
  summary: 'A page of enrolled companies with their next due date, filtered by status, category and due date (CBP)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const companiesCsv = {
  id: 'companiesCsv',
  method: 'GET',
  path: '/reports/companies.csv',
  handler: 'companies-csv',
  auth: CBP_ROLES,
  summary: "Every company matching the companies list's filters and search, as a CSV file, in the list's order (CBP)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const complianceOverview = {
  id: 'complianceOverview',
  method: 'GET',
  path: '/compliance/overview',
  handler: 'compliance-overview',
  auth: CBP_ROLES,
  summary: 'Companies by status and category, and due dates and removals per month (CBP)',
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const getCompany = {
  id: 'getCompany',
  method: 'GET',
  path: '/companies/{companyId}',
  handler: 'get-company',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  summary: "A company's enrollment record (CBP, or the company's own users)",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const COMPANIES_ROUTES = [enrollCompany, listCompanies, companiesCsv, complianceOverview, getCompany] as const;
