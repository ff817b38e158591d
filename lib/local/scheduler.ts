import { JOBS, type JobDefinition } from '../../functions/definitions/jobs.ts';
import type { Clock } from '../../functions/domain/clock.ts';
import { runAs } from './iam.ts';

type JobHandler = (event?: { asOf?: string }) => Promise<unknown>;
export type JobId = (typeof JOBS)[number]['id'];

/**
 * A job's handler as the scheduler runs it: as the job's own function, whose SDK calls the local
 * IAM stand-in holds to the job's declared access. Tests and `npm run simulate` run jobs this way too.
 */
export const loadJob = async (id: JobId): Promise<JobHandler> => {
  const job = (JOBS as readonly JobDefinition[]).find((j) => j.id === id);
  if (!job) throw new Error(`No job ${id} in the job table`);
  const { handler } = (await import(`../../functions/jobs/${job.handler}.ts`)) as { handler: JobHandler };
  return (event) => runAs({ name: `job ${job.id}`, access: job.access }, () => handler(event));
};

/**
 * The local stand-in for EventBridge Scheduler: runs each job of the job table every
 * `localEveryMinutes`, as of the demo's clock. A failed run is logged and tried again at the
 * next tick; a finished run's report goes to `debug` (shown with `LOG_LEVEL=debug`).
 */
export const startScheduler = (
  clock: Clock,
  log: (line: string) => void,
  debug: (line: string) => void = log,
): (() => void) => {
  const timers = JOBS.map((job) =>
    setInterval(async () => {
      try {
        const result = await (await loadJob(job.id))({ asOf: clock.now().toISOString() });
        debug(`[scheduler] ${job.id} finished: ${JSON.stringify(result)}`);
      } catch (error) {
        log(`[scheduler] ${job.id} failed: ${String(error)}`);
      }
    }, job.localEveryMinutes * 60_000),
  );
  return () => timers.forEach(clearInterval);
};
