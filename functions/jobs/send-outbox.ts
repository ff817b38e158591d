import { systemClock } from '../domain/clock.ts';
import { drain } from '../domain/outbox.ts';
import * as outboxStore from '../data/outbox-store.ts';
import * as email from '../data/email.ts';

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
  // Written straight to stdout: the JSON log format would wrap a console.log line in `message`,
  // and CloudWatch would no longer read the embedded metric.
  process.stdout.write(
    `${JSON.stringify({
      level: report.failed ? 'error' : 'info',
      message: 'outbox drained',
      ...report,
      // CloudWatch embedded metric format: the alarm watches this metric.
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          { Namespace: 'CtpatPortal', Dimensions: [[]], Metrics: [{ Name: 'OutboxDeliveryFailed', Unit: 'Count' }] },
        ],
      },
      OutboxDeliveryFailed: report.failed,
    })}\n`,
  );
  return report;
};
