/** What the deadline and standing routes validate (definitions/routes/deadlines.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { IsoDate, IsoDateTime, MultiLine } from '../common.ts';
import { CategoryId } from '../fields.ts';

/** Days before a due date at which reminders go out, largest first, each 1 to 89 (the review window opens at 90). */
export const ReminderDays = /* @__PURE__ */ schema(() =>
  z.pipe(
    z.array(z.number().check(z.int(), z.gte(1), z.lte(89))).check(
      z.minLength(1),
      z.maxLength(8),
      z.refine((days) => new Set(days).size === days.length, { message: 'must not repeat a day' }),
    ),
    z.transform((days: number[]) => [...days].sort((a, b) => b - a)),
  ),
);

export const CategoryParam = CategoryId;

/** PUT /deadlines/{category}: names the revision it replaces (0 for the first), and why. */
export const ReviseDeadline = /* @__PURE__ */ schema(() =>
  z.strictObject({
    revision: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
    deadline: z.nullable(IsoDate),
    newEnrolleeDays: z.number().check(z.int(), z.gte(1), z.lte(730)),
    reminderDays: ReminderDays,
    reason: MultiLine(500),
  }),
);
export type ReviseDeadline = z.infer<typeof ReviseDeadline>;

/** POST /deadlines/{category}/impact: the proposed terms of a revision, previewed before it is saved. */
export const DeadlineImpactRequest = /* @__PURE__ */ schema(() =>
  z.strictObject({
    deadline: z.nullable(IsoDate),
    newEnrolleeDays: z.number().check(z.int(), z.gte(1), z.lte(730)),
    reminderDays: ReminderDays,
  }),
);

/** POST /deadlines/{category}/proposal/decision: approve or withdraw the proposal read (named by when it was made). */
export const DecideDeadlineProposal = /* @__PURE__ */ schema(() =>
  z.strictObject({ decision: z.enum(['approve', 'withdraw']), proposedAt: IsoDateTime }),
);

/** POST /companies/{companyId}/deadline-extension (CBP administrator). */
export const ExtendDeadline = /* @__PURE__ */ schema(() =>
  z.strictObject({ deadline: IsoDate, reason: MultiLine(500) }),
);

/** POST /companies/{companyId}/removal (CBP). */
export const RemoveCompany = /* @__PURE__ */ schema(() =>
  z.strictObject({ version: z.number().check(z.int(), z.gte(1)), reason: MultiLine(500) }),
);

/** POST /companies/{companyId}/reinstatement (CBP administrator): back in, with a new due date. */
export const ReinstateCompany = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
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
      deadline: z.optional(IsoDate),
      comments: z.optional(MultiLine(2000)),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.decision === 'accept' && !input.deadline)
          ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'is required to accept' });
      }),
    ),
);
