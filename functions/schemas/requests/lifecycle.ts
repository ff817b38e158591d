/** What the program-lifecycle routes validate (definitions/routes/lifecycle.ts). */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { MultiLine } from '../common.ts';
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
