import { JOBS, type JobDefinition } from '../../functions/definitions/jobs.ts';

type JobHandler = (event: Record<string, unknown>) => Promise<unknown>;

export const loadJob = async (job: JobDefinition): Promise<JobHandler> =>
  ((await import(`../../functions/jobs/${job.handler}.ts`)) as { handler: JobHandler }).handler;

/**
 * The local stand-in for EventBridge Scheduler: runs each job of the job table every
 * `localEveryMinutes`. A failed run is logged and tried again at the next tick.
 */
export const startScheduler = (log: (line: string) => void): (() => void) => {
  const timers = (JOBS as readonly JobDefinition[]).map((job) =>
    setInterval(async () => {
      try {
        const result = await (await loadJob(job))({});
        log(`[scheduler] ${job.id} finished: ${JSON.stringify(result)}`);
      } catch (error) {
        log(`[scheduler] ${job.id} failed: ${String(error)}`);
      }
    }, job.localEveryMinutes * 60_000),
  );
  return () => timers.forEach(clearInterval);
};
