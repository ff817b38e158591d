/** What the program-lifecycle routes validate (definitions/routes/lifecycle.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { IsoDate, MultiLine, SingleLine } from '../common.ts';
import { Id } from '../id.ts';

/**
 * POST /companies/{companyId}/program-status (CBP): the status it becomes, why, and for a
 * suspension the action plan the company must carry out. Names the company version read.
 */
export const ChangeProgramStatus = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    to: z.enum(['certified', 'validated', 'suspended']),
    reason: MultiLine(500),
    actionPlan: z.optional(MultiLine(4000)),
  }),
);
export type ChangeProgramStatus = z.infer<typeof ChangeProgramStatus>;

/** PUT /companies/{companyId}/specialist (CBP administrator): the officer assigned, why, and the company version read. */
export const AssignSpecialist = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    userId: Id,
    reason: z.optional(MultiLine(500)),
  }),
);
export type AssignSpecialist = z.infer<typeof AssignSpecialist>;

/** GET /worklist: a specialist's worklist (default: the caller's own). */
export const WorklistQuery = /* @__PURE__ */ schema(() => z.strictObject({ specialist: z.optional(Id) }));

/** POST /companies/{companyId}/appeal (primary POC): why the suspension should be lifted. */
export const FileAppeal = /* @__PURE__ */ schema(() => z.strictObject({ statement: MultiLine(4000) }));

/** POST /companies/{companyId}/appeal/decision (CBP administrator): grant or deny, with comments, naming the company version. */
export const DecideAppeal = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    decision: z.enum(['grant', 'deny']),
    comments: MultiLine(2000),
  }),
);

const Site = /* @__PURE__ */ schema(() => SingleLine(200));

/** POST /companies/{companyId}/validations (CBP): the proposed date and the sites to visit. */
export const ScheduleValidation = /* @__PURE__ */ schema(() =>
  z.strictObject({ scheduledFor: IsoDate, sites: z.array(Site).check(z.minLength(1), z.maxLength(10)) }),
);

/** POST .../validations/{validationId}/date: the side the date waits for confirms it, or proposes another. */
export const ValidationDate = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    decision: z.enum(['confirm', 'propose']),
    date: z.optional(IsoDate),
  }),
);

/** POST .../validations/{validationId}/report (CBP): the summary and each required action. */
export const ValidationReport = /* @__PURE__ */ schema(() =>
  z.strictObject({
    version: z.number().check(z.int(), z.gte(1)),
    summary: MultiLine(4000),
    actions: z
      .array(z.strictObject({ criterion: SingleLine(100), finding: MultiLine(2000), dueOn: IsoDate }))
      .check(z.maxLength(50)),
  }),
);

/** POST .../actions/{actionId}/answer (the company): what it did, naming the validation version. */
export const AnswerAction = /* @__PURE__ */ schema(() =>
  z.strictObject({ version: z.number().check(z.int(), z.gte(1)), text: MultiLine(4000) }),
);

/** POST .../actions/{actionId}/review (CBP): accept, or return with comments. */
export const ReviewAction = /* @__PURE__ */ schema(() =>
  z
    .strictObject({
      version: z.number().check(z.int(), z.gte(1)),
      decision: z.enum(['accept', 'return']),
      comments: z.optional(MultiLine(2000)),
    })
    .check(
      z.refine((r) => r.decision === 'accept' || Boolean(r.comments), {
        message: 'comments are required when returning an answer',
        path: ['comments'],
      }),
    ),
);

/** A required action's id within its validation: `A1` to `A50` (a report has at most 50). */
export const ActionId = /* @__PURE__ */ schema(() =>
  z.enum(
    Array.from({ length: 50 }, (_, i) => `A${i + 1}`),
    { message: 'must be a required action id from A1 to A50' },
  ),
);
