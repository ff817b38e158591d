/**
 * `npm run simulate -- --as-of 2006-07-02`: moves the local demo's date forward to the given day,
 * running the daily sweep for each day passed, and prints what it did and which emails it
 * queued. It works on the running portal's emulators if the portal is up (and sends the emails
 * to its inbox), else starts its own on the local data (the emails then wait in the outbox).
 */
import '../lib/local/quiet-sdk.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_DIR } from '../lib/local/paths.ts';
import { startBackends, type Backends } from '../lib/local/runtime.ts';
import { runningPortal } from '../lib/local/running-portal.ts';
import { handlerEnv } from '../lib/local/bootstrap.ts';
import { loadJob } from '../lib/local/scheduler.ts';
import { demoClock } from '../lib/local/demo-clock.ts';
import { simulateDays } from '../lib/local/simulation.ts';
import type { SweepReport } from '../functions/domain/sweep.ts';
import type { OutboxReport } from '../functions/domain/outbox.ts';
import { addDays, daysBetween, isDate, programDate, programDayStart } from '../functions/definitions/program-time.ts';

const { values } = parseArgs({ options: { 'as-of': { type: 'string' } } });
const asOfText = values['as-of'];
// A program date, swept as of 00:00 in Washington (decision 24); `addDays(d, 0)` refuses 2006-02-30.
const target = asOfText && isDate(asOfText) && addDays(asOfText, 0) === asOfText ? asOfText : undefined;
if (!target) {
  console.error(
    'Usage: npm run simulate -- --as-of YYYY-MM-DD   (moves the demo to that day, running the daily checks for each day passed)',
  );
  process.exit(2);
}

/** Runs a job without its JSON log lines (meant for CloudWatch); this command prints its own summary. */
const quietly =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const write = process.stdout.write.bind(process.stdout);
    const log = console.log;
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
      String(chunk).startsWith('{"level"') ? true : write(chunk, ...rest)) as typeof process.stdout.write;
    console.log = (...items: unknown[]) =>
      typeof items[0] === 'string' && items[0].startsWith('{"level"') ? undefined : log(...items);
    try {
      return await fn(...args);
    } finally {
      process.stdout.write = write;
      console.log = log;
    }
  };

const main = async () => {
  if (!existsSync(join(DATA_DIR, 'demo-sign-ins.json'))) {
    console.error('[simulate] there is no demo yet: run `npm start` once first.');
    process.exit(2);
  }
  const clock = demoClock(DATA_DIR);
  const from = programDate(clock.now());
  if (target < from) {
    console.error(`[simulate] the demo is already at ${from}; it only moves forward (npm run reset starts over).`);
    process.exit(2);
  }
  let backends: Backends | undefined;
  const running = runningPortal();
  if (running) {
    console.log(`[simulate] using the running portal's emulators (pid ${running.pid})`);
    Object.assign(process.env, running.env);
  } else {
    console.log('[simulate] starting the emulators on the local data ...');
    backends = await startBackends({ dataDir: DATA_DIR, persist: true });
    Object.assign(process.env, handlerEnv(backends.emulators.env, backends.resources, 'http://127.0.0.1:3000'));
  }
  try {
    const sweep = quietly(await loadJob('dailySweep')) as (event: { asOf: string }) => Promise<SweepReport>;
    // The SES emulator keeps mail in memory: without a running portal the emails stay queued in
    // the outbox, and the portal's sender delivers them to its inbox once it starts.
    const send = running ? (quietly(await loadJob('sendOutbox')) as () => Promise<OutboxReport>) : undefined;
    const days = daysBetween(from, target) + 1;
    console.log(`[simulate] sweeping ${days} day(s), ${from} to ${target} ...`);
    const totals = await simulateDays({ from, to: target, sweep, send, log: (line) => console.log(line) });
    const targetStart = programDayStart(target);
    if (targetStart > clock.now()) clock.set(targetStart);
    console.log(
      `[simulate] the demo is now at ${target}: ${totals.reminded} reminder(s), ${totals.removed} removal(s), ${totals.emailsQueued} email(s) queued.`,
    );
    console.log(
      running
        ? `[simulate] ${totals.emailsSent} email(s) sent: read them in the portal's mail inbox (${running.env.AWS_ENDPOINT_URL_SESV2}).`
        : '[simulate] the emails wait in the outbox; `npm start` delivers them to its mail inbox within a minute.',
    );
  } finally {
    await backends?.stop();
  }
};

main().catch((error: unknown) => {
  console.error(`[simulate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
