import * as z from 'zod/v4';
import { CategoryId, CompanyStatus, Unreachable } from './company.ts';
import { IsoDate } from './deadlines.ts';
import { IsoDateTime } from './common.ts';

/** CBP's companies list: filters by status, category and next due date, a page at a time. */
export const CompanyListQuery = z.strictObject({
  status: CompanyStatus.optional(),
  category: CategoryId.optional(),
  /** Only companies whose next due date (enrollment deadline or recertification) is on or before this day. */
  dueBefore: IsoDate.optional(),
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

export const DueKind = z.enum(['enrollment', 'recertification']);

/** One row of the companies list. */
export const CompanySummary = z.object({
  companyId: z.string(),
  legalName: z.string(),
  category: CategoryId,
  status: CompanyStatus,
  pocEmail: z.string(),
  enrolledAt: IsoDateTime,
  /** The next date the company must meet (`YYYY-MM-DD`), or null when nothing is due (a removed company). */
  dueOn: IsoDate.nullable(),
  dueKind: DueKind.nullable(),
  /** SES reported the POC's address unreachable (a permanent bounce or a complaint): call before the deadline. Null when not. */
  pocUnreachable: Unreachable.nullable(),
  /** The same for the secondary contact's address (null when it is reachable, or none is named). */
  secondaryUnreachable: Unreachable.nullable(),
});
export type CompanySummary = z.infer<typeof CompanySummary>;

export const CompanyPage = z.object({ items: z.array(CompanySummary), nextCursor: z.string().nullable() });

export const OverviewQuery = z.strictObject({
  /** How many months up to and including the portal's current month the series covers. */
  months: z.coerce.number().int().min(1).max(24).default(12),
  /** How many months after the current one the due dates are counted for (removals are all in the past). */
  ahead: z.coerce.number().int().min(0).max(12).default(6),
});

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
