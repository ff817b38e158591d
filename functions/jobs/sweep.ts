import { systemClock, uuidIds } from '../domain/clock.ts';
import { sweep } from '../domain/sweep.ts';
import * as obligationStore from '../data/obligation-store.ts';
import * as deadlineStore from '../data/deadline-store.ts';
import * as standingStore from '../data/standing-store.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';
import { isDate, programDayStart } from '../definitions/program-time.ts';
import { logger } from '../log.ts';

const deps = {
  ids: uuidIds,
  obligations: obligationStore,
  deadlines: deadlineStore,
  standing: standingStore,
  programEmail: PROGRAM_EMAIL,
};

/**
 * EventBridge Scheduler invokes this daily. `asOf` (an ISO instant, or a program date meaning
 * 00:00 Eastern on that day) lets a re-run or `npm run simulate` pick the date; a run that could
 * not act on every item throws, so Scheduler retries it (the retry only finishes what is left)
 * and, after its retries, the dead-letter alarm fires.
 */
export const handler = async (event: { asOf?: string } = {}) => {
  const asOf = event.asOf
    ? isDate(event.asOf)
      ? programDayStart(event.asOf)
      : new Date(event.asOf)
    : systemClock.now();
  if (Number.isNaN(asOf.getTime())) throw new Error(`Invalid asOf: ${event.asOf}`);
  const report = await sweep(deps, asOf);
  logger.info('sweep finished', { ...report, actions: report.actions.length });
  return report;
};
