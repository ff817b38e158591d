/**
 * `npm run simulate -- --as-of 2006-07-02`: runs the scheduled jobs as of a given date against
 * the local portal's data (the running portal's emulators if it is up, else its own).
 */
import '../lib/local/quiet-sdk.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_DIR } from '../lib/local/paths.ts';
import { startBackends, type Backends } from '../lib/local/runtime.ts';
import { handlerEnv } from '../lib/local/bootstrap.ts';
import { loadJob } from '../lib/local/scheduler.ts';
import { JOBS, type JobDefinition } from '../functions/definitions/jobs.ts';

const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
const asOfText = values['as-of'];
const asOf = asOfText && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(asOfText) ? new Date(asOfText.length === 10 ? `${asOfText}T00:00:00Z` : asOfText) : undefined;
if (!asOf || Number.isNaN(asOf.getTime())) {
  console.error('Usage: npm run simulate -- --as-of YYYY-MM-DD   (runs the scheduled checks as of that date, UTC)');
  process.exit(2);
}

const runningPortal = (): Record<string, string> | undefined => {
  const file = join(DATA_DIR, 'runtime.json');
  if (!existsSync(file)) return undefined;
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> & { pid: number };
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return undefined;
  }
};

const main = async () => {
  let backends: Backends | undefined;
  const running = runningPortal();
  if (running) {
    console.log(`[simulate] using the running portal's emulators (pid ${running.pid})`);
    const state = JSON.parse(readFileSync(join(DATA_DIR, 'state.json'), 'utf8')) as { userPoolId: string; userPoolClientId: string };
    Object.assign(process.env, running, { TABLE_NAME: 'ctpat-portal', USER_POOL_ID: state.userPoolId, USER_POOL_CLIENT_ID: state.userPoolClientId });
  } else {
    console.log('[simulate] starting the emulators on the local data ...');
    backends = await startBackends({ dataDir: DATA_DIR, persist: true });
    Object.assign(process.env, handlerEnv(backends.emulators.env, backends.resources, 'http://127.0.0.1:3000'));
  }
  try {
    for (const job of JOBS as readonly JobDefinition[]) {
      console.log(`[simulate] running ${job.id} as of ${asOf.toISOString()} ...`);
      const result = await (await loadJob(job))({ asOf: asOf.toISOString() });
      console.log(JSON.stringify(result, null, 2));
    }
  } finally {
    await backends?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(`[simulate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
