/** What the enrollment and company-list routes validate (definitions/routes/companies.ts). */
import * as z from 'zod/v4';
import { schema } from '../pure.ts';
import { CATEGORIES } from '../../definitions/categories.ts';
import { Email, IsoDate, SingleLine } from '../common.ts';
import { CategoryId, CompanyStatus } from '../fields.ts';
import { Identifiers } from '../identifiers.ts';

/** POST /companies: CBP enrolls a company; the category decides the identifiers it must have. */
export const EnrollCompany = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      legalName: SingleLine(200),
      category: CategoryId,
      pocEmail: Email,
      pocName: SingleLine(120).optional(),
      identifiers: Identifiers,
    })
    .superRefine((input, ctx) => {
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
);
export type EnrollCompany = z.infer<typeof EnrollCompany>;

/** CBP's companies list: filters by status, category and next due date, a page at a time. */
export const CompanyListQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    status: CompanyStatus.optional(),
    category: CategoryId.optional(),
    /** Only companies whose next due date (enrollment deadline or recertification) is on or before this day. */
    dueBefore: IsoDate.optional(),
    cursor: z.string().min(1).max(2048).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  }),
);
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

export const OverviewQuery = /* @__PURE__ */ schema(() =>
  z.strictObject({
    /** How many months up to and including the portal's current month the series covers. */
    months: z.coerce.number().int().min(1).max(24).default(12),
    /** How many months after the current one the due dates are counted for (removals are all in the past). */
    ahead: z.coerce.number().int().min(0).max(12).default(6),
  }),
);
