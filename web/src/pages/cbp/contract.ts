/**
 * The two staff reads being added on another branch (GET /companies and GET /compliance/overview),
 * typed from their agreed contract until their routes are in the route table.
 */
import type { ApiClient } from '../../api/client.ts';

export interface CompanySummary {
  readonly companyId: string;
  readonly legalName: string;
  readonly category: string;
  readonly status: string;
  readonly pocEmail: string;
  readonly enrolledAt: string;
  readonly dueOn: string | null;
  readonly dueKind: 'enrollment' | 'recertification' | null;
}
export interface CompanyPage {
  readonly items: CompanySummary[];
  readonly nextCursor: string | null;
}
export interface ComplianceOverview {
  readonly asOf: string;
  readonly byStatusAndCategory: { readonly status: string; readonly category: string; readonly count: number }[];
  readonly months: { readonly month: string; readonly deadlines: number; readonly removals: number }[];
}

type Loose = (id: string, args?: unknown) => Promise<unknown>;

export const listCompanies = (api: ApiClient, query: { status?: string; category?: string; dueBefore?: string; cursor?: string; limit?: number }) =>
  (api.call as unknown as Loose)('listCompanies', { query }) as Promise<CompanyPage>;

export const complianceOverview = (api: ApiClient) => (api.call as unknown as Loose)('complianceOverview') as Promise<ComplianceOverview>;
