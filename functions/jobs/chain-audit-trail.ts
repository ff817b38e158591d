import { systemClock } from '../domain/clock.ts';
import { chainNew } from '../domain/audit-chain.ts';
import * as auditChains from '../data/audit-chain-store.ts';
import { logger } from '../log.ts';

const deps = { clock: systemClock, chains: auditChains };

/**
 * Runs every minute (decision 80): each audit record written since the last run is appended to
 * its company's hash chain. A run that fails moves no
 * checkpoint, so the next takes the same records (those already chained are skipped).
 */
export const handler = async () => {
  const run = await chainNew(deps);
  logger.info('audit trail chained', { ...run });
  return run;
};
