/**
 * The two staff reads across companies (GET /companies and GET /compliance/overview), as the
 * staff pages use them: typed from the route table like every other call.
 */
import type { ApiClient, ResponseOf } from '../../api/client.ts';

export type CompanyPage = ResponseOf<'listCompanies'>;
export type CompanySummary = CompanyPage['items'][number];
export type ComplianceOverview = ResponseOf<'complianceOverview'>;

type CompanyQuery = { status?: string; category?: string; dueBefore?: string; cursor?: string; limit?: number };

export const listCompanies = (api: ApiClient, query: CompanyQuery): Promise<CompanyPage> =>
  api.call('listCompanies', { query });

export const complianceOverview = (api: ApiClient): Promise<ComplianceOverview> => api.call('complianceOverview', {});
