import * as z from 'zod/v4';
import { CategoryId, CompanyStatus } from './company.ts';
import { IsoDate } from './deadlines.ts';
import { IsoDateTime } from './common.ts';

/** GET /companies: CBP's filters on the program's companies. */
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

/** One row of CBP's company list: who, where in the program, and what falls due next. */
export const CompanySummary = z.object({
  companyId: z.string(),
  legalName: z.string(),
  category: CategoryId,
  status: CompanyStatus,
  pocEmail: z.string(),
  enrolledAt: IsoDateTime,
  /** The next due date (`YYYY-MM-DD`), or null for a removed company or one with nothing open. */
  dueOn: IsoDate.nullable(),
  dueKind: DueKind.nullable(),
});
export type CompanySummary = z.infer<typeof CompanySummary>;

export const CompanyPage = z.object({ items: z.array(CompanySummary), nextCursor: z.string().nullable() });
export type CompanyPage = z.infer<typeof CompanyPage>;

/** GET /compliance/overview: how many months of history, ending with the current one. */
export const OverviewQuery = z.strictObject({ months: z.coerce.number().int().min(1).max(24).default(12) });

const YearMonth = z.string().regex(/^\d{4}-\d{2}$/);

export const ComplianceOverview = z.object({
  asOf: IsoDateTime,
  byStatusAndCategory: z.array(z.object({ status: CompanyStatus, category: CategoryId, count: z.number().int() })),
  months: z.array(z.object({
    month: YearMonth,
    /** Active companies whose next due date falls in the month (a past month: due and not yet met or swept). */
    deadlines: z.number().int(),
    /** Companies removed in the month (still removed today). */
    removals: z.number().int(),
  })),
});
export type ComplianceOverview = z.infer<typeof ComplianceOverview>;
