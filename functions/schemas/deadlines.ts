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
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;
export const DeadlinePolicyList = z.object({ items: z.array(DeadlinePolicy) });
