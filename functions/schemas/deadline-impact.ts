import * as z from 'zod/v4';
import { IsoDate, IsoDateTime } from './common.ts';
import { DeadlineImpactSummary, DeadlinePolicy } from './deadlines.ts';
import { CategoryId } from './fields.ts';

/** One open obligation under a proposed deadline policy: its due date now and then, and what the sweep would do. */
export const DeadlineImpactCompany = z.object({
  companyId: z.string(),
  legalName: z.string(),
  obligation: z.enum(['enrollment', 'recertification']),
  dueDate: z.object({ current: IsoDate, proposed: IsoDate }),
  /** Each reminder the sweep would send, on its program day, with the days it would say are left. */
  reminders: z.array(z.object({ on: IsoDate, daysLeft: z.number().int() })),
  /** The program day the sweep would remove the company; null if the update is due beyond the ladder's reach. */
  removalOn: z.nullable(IsoDate),
});
export type DeadlineImpactCompany = z.infer<typeof DeadlineImpactCompany>;

/** POST /deadlines/{category}/impact: a revision's effect, read-only, before it is saved. */
export const DeadlineImpact = z.object({
  category: CategoryId,
  asOf: IsoDateTime,
  current: DeadlinePolicy,
  proposed: z.object({
    deadline: z.nullable(IsoDate),
    newEnrolleeDays: z.number().int(),
    reminderDays: z.array(z.number().int()),
  }),
  summary: DeadlineImpactSummary,
  /** Soonest removal first; at most 1,000 (`truncated` says there were more; the summary counts all). */
  companies: z.array(DeadlineImpactCompany),
  truncated: z.boolean(),
});
export type DeadlineImpact = z.infer<typeof DeadlineImpact>;
