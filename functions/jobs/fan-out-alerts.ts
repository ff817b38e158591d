import { systemClock, uuidIds } from '../domain/clock.ts';
import { run } from '../domain/fan-out.ts';
import * as alertStore from '../data/alert-store.ts';
import * as audienceStore from '../data/audience-store.ts';
import { logger } from '../log.ts';

const deps = { ids: uuidIds, alerts: alertStore, audiences: audienceStore };

/** Leaves a minute of the function's five for the page in flight. */
const BUDGET_MS = 4 * 60_000;

/**
 * Runs every minute (and for its first pages right after a publish): every alert still being
 * delivered gets its next pages of inbox items and email deliveries. The outbox sender sends
 * the emails.
 */
export const handler = async () => {
  const report = await run(deps, () => systemClock.now(), BUDGET_MS);
  logger.info('alert fan-out ran', { ...report });
  return report;
};
