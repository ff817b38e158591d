/**
 * The sweep as the scheduler runs it, on a test's clock: the daily job, then the email sender; the
 * table's stream sends new deliveries too, so the run ends once the stream has been handled.
 */
import { useClock } from '../../functions/domain/clock.ts';
import { fixedClock } from './factories.ts';
import type { SweepReport } from '../../functions/domain/sweep.ts';
import { sendOutboxJob, sweepJob } from './functions.ts';
import { streamPoller } from './stream.ts';

export const testClock = (start: string) => {
  const clock = fixedClock(start);
  useClock(clock);
  return clock;
};

/** Runs the daily sweep as of the instant `at` on the test's clock, then sends the mail it queued. */
export const sweepAt = async (clock: ReturnType<typeof fixedClock>, at: string): Promise<SweepReport> => {
  clock.set(at);
  const sweep = await sweepJob();
  const send = await sendOutboxJob();
  const report = await sweep({ asOf: at });
  await send();
  // What the stream's sender took is sent once it has handled the stream up to now.
  await streamPoller().settled();
  return report;
};

/** Runs the daily sweep as of 06:00 UTC on `date` (01:00 EST or 02:00 EDT, as EventBridge would), then sends the mail it queued. */
export const sweepOn = (clock: ReturnType<typeof fixedClock>, date: string): Promise<SweepReport> =>
  sweepAt(clock, `${date}T06:00:00.000Z`);
