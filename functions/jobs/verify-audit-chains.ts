import { systemClock } from '../domain/clock.ts';
import { verifyChains } from '../domain/audit-chain.ts';
import * as auditChains from '../data/audit-chain-store.ts';
import { count } from '../clients/metrics.ts';
import { logger } from '../log.ts';

const deps = { clock: systemClock, chains: auditChains };

/** Stops starting chains after four of the function's five minutes; the rest wait an hour. */
const BUDGET_MS = 4 * 60_000;

/**
 * Runs every hour (decision 80): each company's audit hash chain, from its verified checkpoint
 * to its head, and in full once a week; `{ "full": true }` verifies every chain in full (after
 * an incident). Each broken chain counts once in the AuditChainBroken metric, which is alarmed,
 * and is logged naming its first broken record. The heads are logged too, so CloudWatch Logs
 * keeps an outside copy of where each chain stood.
 */
export const handler = async (event: { full?: boolean } = {}) => {
  const run = await verifyChains(deps, { full: event.full === true, budgetMs: BUDGET_MS });
  for (const report of run.broken) {
    const { companyId, broken } = report;
    count(
      'AuditChainBroken',
      {},
      {
        companyId,
        seq: String(broken?.seq ?? ''),
        position: broken?.position ?? '',
        problem: broken?.problem ?? '',
      },
    );
  }
  const summary = {
    chains: run.chains,
    full: run.full,
    checked: run.checked,
    broken: run.broken.length,
    left: run.left,
    heads: Object.fromEntries(run.heads.map((h) => [h.companyId, `${h.seq}:${h.hash}`])),
  };
  if (run.broken.length) logger.error('audit chains verified', summary);
  else logger.info('audit chains verified', summary);
  return { ...run, heads: run.heads.length };
};
