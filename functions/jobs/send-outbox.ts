import { systemClock } from '../domain/clock.ts';
import { drain } from '../domain/outbox.ts';
import * as outboxStore from '../data/outbox-store.ts';
import * as email from '../data/email.ts';
import { count } from '../clients/metrics.ts';
import { logger } from '../log.ts';

const deps = { clock: systemClock, outbox: outboxStore, mailer: email };

/** Stops taking new batches after four of the function's five minutes. */
const BUDGET_MS = 4 * 60_000;

/**
 * Runs every minute: the safety net behind the stream's senders (`functions/streams/`), which make
 * the first attempt at each new delivery. It retries what they could not send, after its backoff,
 * and anything they never saw. A delivery that gave up is counted in the OutboxDeliveryFailed
 * metric, which is alarmed.
 */
export const handler = async () => {
  const report = await drain(deps, BUDGET_MS);
  if (report.failed > 0) logger.error('outbox drained', { ...report });
  else logger.info('outbox drained', { ...report });
  // The alarm watches this count (zero included, so the metric has data every minute).
  count('OutboxDeliveryFailed', {}, {}, report.failed);
  return report;
};
