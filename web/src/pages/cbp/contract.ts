/** CBP's company list (GET /companies) and compliance overview (GET /compliance/overview), typed from the route table. */
import type { ApiClient, ResponseOf } from '../../api/client.ts';

export type CompanyPage = ResponseOf<'listCompanies'>;
export type CompanySummary = CompanyPage['items'][number];
export type ComplianceOverview = ResponseOf<'complianceOverview'>;

export const listCompanies = (
  api: ApiClient,
  query: { status?: string; category?: string; dueBefore?: string; cursor?: string; limit?: number },
) => api.call('listCompanies', { query });

export const complianceOverview = (api: ApiClient) => api.call('complianceOverview');
