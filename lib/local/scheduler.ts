import { JOBS, type JobDefinition } from '../../functions/definitions/jobs.ts';
import type { Clock } from '../../functions/domain/deps.ts';

type JobHandler = (event: { asOf?: string }) => Promise<unknown>;

export const loadJob = async (job: JobDefinition): Promise<JobHandler> =>
  ((await import(`../../functions/jobs/${job.handler}.ts`)) as { handler: JobHandler }).handler;

/**
 * The local stand-in for EventBridge Scheduler: runs each job of the job table every
 * `localEveryMinutes`, as of the demo's clock. A failed run is logged and tried again at the
 * next tick.
 */
export const startScheduler = (clock: Clock, log: (line: string) => void): (() => void) => {
  const timers = (JOBS as readonly JobDefinition[]).map((job) =>
    setInterval(async () => {
      try {
        const result = await (await loadJob(job))({ asOf: clock.now().toISOString() });
        log(`[scheduler] ${job.id} finished: ${JSON.stringify(result)}`);
      } catch (error) {
        log(`[scheduler] ${job.id} failed: ${String(error)}`);
      }
    }, job.localEveryMinutes * 60_000),
  );
  return () => timers.forEach(clearInterval);
};
