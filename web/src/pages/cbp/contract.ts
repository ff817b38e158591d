/** CBP's company list (GET /companies) and compliance overview (GET /compliance/overview), typed from the route table. */
import type { ApiClient, ResponseOf } from '../../api/client.ts';

export type CompanyPage = ResponseOf<'listCompanies'>;
export type CompanySummary = CompanyPage['items'][number];
export type ComplianceOverview = ResponseOf<'complianceOverview'>;

/** The filters, search and order the companies list and its CSV share. */
export interface CompanyFilters {
  status?: string;
  category?: string;
  dueBefore?: string;
  q?: string;
  sort?: string;
}

export const listCompanies = (api: ApiClient, query: CompanyFilters & { cursor?: string; limit?: number }) =>
  api.call('listCompanies', { query });

/** Every company matching the filters, as the text of a CSV file. */
export const companiesCsv = (api: ApiClient, query: CompanyFilters) =>
  api.call('companiesCsv', { query, headers: { accept: 'text/csv' } });

export const complianceOverview = (api: ApiClient) => api.call('complianceOverview');
