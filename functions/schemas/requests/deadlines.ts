/** What the deadline and standing routes validate (definitions/routes/deadlines.ts). */
import * as z from 'zod/v4';
import { schema } from '../pure.ts';
import { IsoDate, MultiLine } from '../common.ts';
import { CategoryId } from '../fields.ts';

/** Days before a due date at which reminders go out, largest first, each 1 to 89 (the review window opens at 90). */
export const ReminderDays = /* @__PURE__ */ schema(() =>
  z
    .array(z.number().int().min(1).max(89))
    .min(1)
    .max(8)
    .refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' })
    .transform((days) => [...days].sort((a, b) => b - a)),
);

export const CategoryParam = CategoryId;

/** PUT /deadlines/{category}: names the revision it replaces (0 for the first), and why. */
export const ReviseDeadline = /* @__PURE__ */ schema(() =>
  z.strictObject({
    revision: z.number().int().min(0).max(1_000_000),
    deadline: IsoDate.nullable(),
    newEnrolleeDays: z.number().int().min(1).max(730),
    reminderDays: ReminderDays,
    reason: MultiLine(500),
  }),
);
export type ReviseDeadline = z.infer<typeof ReviseDeadline>;

/** POST /companies/{companyId}/deadline-extension (CBP administrator). */
export const ExtendDeadline = /* @__PURE__ */ schema(() =>
  z.strictObject({ deadline: IsoDate, reason: MultiLine(500) }),
);

/** POST /companies/{companyId}/removal (CBP). */
export const RemoveCompany = /* @__PURE__ */ schema(() =>
  z.strictObject({ version: z.number().int().min(1), reason: MultiLine(500) }),
);

/** POST /companies/{companyId}/reinstatement (CBP administrator): back in, with a new due date. */
export const ReinstateCompany = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().int().min(1),
    reason: MultiLine(500),
    deadline: IsoDate,
  }),
);

/** POST /companies/{companyId}/reapplication (the removed company's primary POC). */
export const Reapply = /* @__PURE__ */ schema(() => z.strictObject({ statement: MultiLine(2000) }));

/** POST /companies/{companyId}/reapplication/decision (CBP). Accepting sets the new deadline. */
export const DecideReapplication = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      decision: z.enum(['accept', 'decline']),
      deadline: IsoDate.optional(),
      comments: MultiLine(2000).optional(),
    })
    .superRefine((input, ctx) => {
      if (input.decision === 'accept' && !input.deadline)
        ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'is required to accept' });
    }),
);
