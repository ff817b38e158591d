import * as z from 'zod/v4';
import { IsoDate, IsoDateTime } from './common.ts';
import { ProgramStatus, Unreachable } from './company.ts';
import { CategoryId, CompanyStatus } from './fields.ts';

export const DueKind = z.enum(['enrollment', 'recertification']);

/** One row of the companies list. */
export const CompanySummary = z.object({
  companyId: z.string(),
  legalName: z.string(),
  category: CategoryId,
  status: CompanyStatus,
  /** Where it stands in the program (`removed` while removed; decision 92). */
  programStatus: ProgramStatus,
  pocEmail: z.string(),
  /** Its status-verification code (null for a company enrolled before codes, until an operator assigns one). */
  sviCode: z.string().nullable(),
  enrolledAt: IsoDateTime,
  /** The next date the company must meet (`YYYY-MM-DD`), or null when nothing is due (a removed company). */
  dueOn: z.nullable(IsoDate),
  dueKind: DueKind.nullable(),
  /** SES reported the POC's address unreachable (a permanent bounce or a complaint): call before the deadline. Null when not. */
  pocUnreachable: Unreachable.nullable(),
  /** The same for the secondary contact's address (null when it is reachable, or none is named). */
  secondaryUnreachable: Unreachable.nullable(),
});
export type CompanySummary = z.infer<typeof CompanySummary>;

export const CompanyPage = z.object({ items: z.array(CompanySummary), nextCursor: z.string().nullable() });

/** The companies list as CSV: a header row, then a row per company, in the list's columns. */
export const CompaniesCsv = z.string().describe('CSV (RFC 4180), UTF-8 with a byte-order mark');

/**
 * The program at a glance: companies by status and category; per month, removals and the open due
 * dates that fall in it (upcoming ahead of the portal's date, overdue and not yet swept behind it).
 */
export const ComplianceOverview = z.object({
  asOf: IsoDateTime,
  byStatusAndCategory: z.array(z.object({ status: CompanyStatus, category: CategoryId, count: z.number().int() })),
  months: z.array(
    z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), deadlines: z.number().int(), removals: z.number().int() }),
  ),
});
export type ComplianceOverview = z.infer<typeof ComplianceOverview>;
