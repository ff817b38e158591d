import * as z from 'zod/v4';
import { IsoDate, IsoDateTime } from './common.ts';
import { CategoryId } from './fields.ts';

/** One category's deadline policy; revision 0 is the schedule as first announced. */
export const DeadlinePolicy = z.object({
  category: CategoryId,
  /** The portal-update deadline; null: each new enrollee gets `newEnrolleeDays` from enrollment. */
  deadline: z.nullable(IsoDate),
  newEnrolleeDays: z.number().int(),
  reminderDays: z.array(z.number().int()),
  revision: z.number().int(),
  revisedAt: z.nullable(IsoDateTime),
  revisedBy: z.string(),
  reason: z.string(),
  /** The second administrator who approved it, for a revision under the two-person rule (decision 91). */
  approvedBy: z.optional(z.string()),
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;
export const DeadlinePolicyList = z.object({ items: z.array(DeadlinePolicy) });

/** What a revision would do, in counts (the impact preview's summary, decision 90). */
export const DeadlineImpactSummary = z.object({
  companies: z.number().int(),
  reminders: z.number().int(),
  removals: z.number().int(),
  /** Companies the revision would remove within `windowDays` of today. */
  removalsWithinWindow: z.number().int(),
  windowDays: z.number().int(),
  /** Whether any company's due date would come earlier. */
  movesEarlier: z.boolean(),
  /** An earlier date or a removal within the window: saving it needs a second administrator (decision 91). */
  needsSecondApproval: z.boolean(),
});

/** A revision awaiting a second CBP administrator's approval (the two-person rule, decision 91). */
export const DeadlineProposal = z.object({
  category: CategoryId,
  deadline: z.nullable(IsoDate),
  newEnrolleeDays: z.number().int(),
  reminderDays: z.array(z.number().int()),
  /** The revision it becomes once approved (the one in force then is this less one). */
  revision: z.number().int(),
  reason: z.string(),
  proposedBy: z.string(),
  proposedByName: z.string(),
  proposedAt: IsoDateTime,
  /** Its impact when proposed. */
  impact: DeadlineImpactSummary,
});
export type DeadlineProposal = z.infer<typeof DeadlineProposal>;
export const DeadlineProposalList = z.object({ items: z.array(DeadlineProposal) });

/** A proposal decided: approved (with the policy now in force) or withdrawn. */
export const DeadlineProposalDecision = z.object({
  decision: z.enum(['approved', 'withdrawn']),
  /** The revision put in force, when approved. */
  policy: z.optional(DeadlinePolicy),
});
