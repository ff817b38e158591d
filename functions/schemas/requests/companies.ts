/** What the enrollment and company-list routes validate (definitions/routes/companies.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { CATEGORIES } from '../../definitions/categories.ts';
import { Email, IsoDate, SingleLine } from '../common.ts';
import { CategoryId, CompanyStatus } from '../fields.ts';
import { Identifiers } from '../identifiers.ts';
import { COMPANY_SORTS } from '../../definitions/company-sorts.ts';

export type { CompanySort } from '../../definitions/company-sorts.ts';

/** POST /companies: CBP enrolls a company; the category decides the identifiers it must have. */
export const EnrollCompany = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      legalName: SingleLine(200),
      category: CategoryId,
      pocEmail: Email,
      pocName: z.optional(SingleLine(120)),
      identifiers: Identifiers,
    })
    .check(
      z.superRefine((input, ctx) => {
        const category = CATEGORIES.find((c) => c.id === input.category);
        for (const key of category?.identifiers ?? []) {
          if (!input.identifiers[key]) {
            ctx.addIssue({
              code: 'custom',
              path: ['identifiers', key],
              message: `is required for category ${input.category}`,
            });
          }
        }
      }),
    ),
);
export type EnrollCompany = z.infer<typeof EnrollCompany>;

/** The filters the companies list and its CSV share. */
const companyFilters = () => ({
  status: z.optional(CompanyStatus),
  category: z.optional(CategoryId),
  /** Only companies whose next due date (enrollment deadline or recertification) is on or before this day. */
  dueBefore: z.optional(IsoDate),
  /** A part of the legal name (any case), or a whole company id or status-verification code. */
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  sort: z.optional(z.enum(COMPANY_SORTS, { message: `must be one of ${COMPANY_SORTS.join(', ')}` })),
});

/** CBP's companies list: filters by status, category, next due date and a search, a page at a time. */
export const CompanyListQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    ...companyFilters(),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  }),
);
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

/** The companies list as a CSV file: the same filters, every matching company. */
export const CompanyCsvQuery = /* @__PURE__ */ schema(() => z.strictObject(companyFilters()));
export type CompanyCsvQuery = z.infer<typeof CompanyCsvQuery>;

export const OverviewQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    /** How many months up to and including the portal's current month the series covers. */
    months: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(24)), 12),
    /** How many months after the current one the due dates are counted for (removals are all in the past). */
    ahead: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(12)), 6),
  }),
);
