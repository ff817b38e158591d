/** The request and response schemas of the routes in functions/definitions/routes/companies.ts, by route id. */
import { Id } from '../id.ts';
import { CompanyView } from '../company.ts';
import { EnrollCompany } from '../requests/companies.ts';
import { CompaniesCsv, CompanyPage, ComplianceOverview } from '../compliance.ts';
import { CompanyCsvQuery, CompanyListQuery, OverviewQuery } from '../requests/companies.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { COMPANIES_ROUTES } from '../../definitions/routes/companies.ts';

export const COMPANIES_SCHEMAS = {
  enrollCompany: {
    body: EnrollCompany,
    response: CompanyView,
    example: {
      legalName: 'Acme Imports LLC',
      category: 'importer',
      pocEmail: 'poc@acme-imports.example.com',
      pocName: 'Dana Reyes',
      identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
    },
  },
  listCompanies: {
    query: CompanyListQuery,
    response: CompanyPage,
  },
  companiesCsv: {
    query: CompanyCsvQuery,
    response: CompaniesCsv,
    responseMediaType: 'text/csv',
  },
  complianceOverview: {
    query: OverviewQuery,
    response: ComplianceOverview,
  },
  getCompany: {
    pathParams: { companyId: Id },
    response: CompanyView,
  },
} as const satisfies RouteSchemaTable<typeof COMPANIES_ROUTES>;
