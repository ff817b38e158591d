/**
 * `npm run bench`: runs every benchmark (the foundation's bundles, cold imports and API latency;
 * the sweep's scaling), prints each figure beside its DESIGN section 9 target, and writes the
 * results (with the machine they came from) to bench/results/.
 *
 * For a quick look while working, `npx tsx bench/run.ts --only=cold` runs only the bundles and
 * cold imports (`--handlers=get-company,login` for some of them, `--runs=5`, `--keep` to leave
 * the bundles in bench/.build for `node --cpu-prof`), and `--only=latency` only the API latency.
 * A partial run prints its figures and writes nothing to bench/results/.
 */
import '../lib/local/quiet-sdk.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/local/paths.ts';
import { apiLatency, bundlesAndColdStarts, COLD_IMPORT_RATIO, LATENCY_RATIO } from './foundation.ts';
import type { webFirstPage } from './web.ts';
import type { sweepScaling } from './sweep.ts';
import type { alertFanOut } from './alert.ts';
import type { loadTest } from './load.ts';
import type { accountRequests } from './account-requests.ts';
import { spawnSync } from 'node:child_process';
import { machine, median, progress } from './lib.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

/** Writes one benchmark's figures, with the machine they came from, to bench/results/<name>.json. */
const write = (name: string, figures: object) => {
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), machine: machine(), ...figures }, null, 2)}\n`,
  );
  console.log(`Wrote ${file}.`);
};

/** A benchmark in a process of its own: the SDK clients are made once per process, for one set of emulators. */
const inOwnProcess = <T>(name: string): T => {
  progress(`the ${name} benchmark, in its own process ...`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', `${name}.ts`)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`the ${name} benchmark failed (exit ${child.status})`);
  return JSON.parse(child.stdout.toString()) as T;
};

/** `--name=value` and `--flag` options; `npm run bench` passes none. */
const option = (name: string): string | undefined => {
  const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : (arg.split('=')[1] ?? '');
};

const printColdSummary = (bundles: Awaited<ReturnType<typeof bundlesAndColdStarts>>) => {
  const routes = bundles.handlers.filter((h) => !h.handler.startsWith('job:'));
  if (routes.length === 0) return;
  const ratios = routes.map((h) => h.ratio);
  console.log(
    `  routes: ratio min ${Math.min(...ratios).toFixed(2)}, median ${median(ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}; ${routes.filter((h) => h.withinRatio).length} of ${routes.length} within ${COLD_IMPORT_RATIO}x`,
  );
  const floored = routes.filter((h) => h.floorRatio !== null).map((h) => h.floorRatio!);
  console.log(
    `  routes against their floor (the clients their access loads): min ${Math.min(...floored).toFixed(2)}, median ${median(floored).toFixed(2)}, max ${Math.max(...floored).toFixed(2)}; ${floored.filter((r) => r <= COLD_IMPORT_RATIO).length} of ${floored.length} within ${COLD_IMPORT_RATIO}x`,
  );
};

const printBundles = (bundles: Awaited<ReturnType<typeof bundlesAndColdStarts>>) => {
  console.log(
    '\nHandler bundles and cold imports (targets: a route <= 150 KB, a job <= 200 KB; cold import <= 1.3x the bare GetItem handler)',
  );
  console.log(
    `  ${'handler'.padEnd(24)} ${'size'.padStart(10)}      ${'cold import'.padStart(12)} ${'ratio'.padStart(6)}      ${'vs floor'.padStart(8)}  clients`,
  );
  console.log(
    `  ${'bare GetItem'.padEnd(24)} ${kb(bundles.bare.sizeBytes).padStart(10)}      ${`${bundles.bare.coldImportMs} ms`.padStart(12)} ${'1.00'.padStart(6)}`,
  );
  for (const f of bundles.floors) {
    console.log(
      `  ${`floor: ${f.clients}`.padEnd(24)} ${''.padStart(10)}      ${`${f.coldImportMs} ms`.padStart(12)} ${f.ratio.toFixed(2).padStart(6)}`,
    );
  }
  for (const h of bundles.handlers) {
    console.log(
      `  ${h.handler.padEnd(24)} ${kb(h.sizeBytes).padStart(10)} ${mark(h.withinSize)} ${`${h.coldImportMs} ms`.padStart(12)} ${h.ratio.toFixed(2).padStart(6)} ${mark(h.withinRatio)} ${(h.floorRatio?.toFixed(2) ?? '-').padStart(8)}  ${h.clients.join('+')}`,
    );
  }
  printColdSummary(bundles);
};

const printLatency = (latency: Awaited<ReturnType<typeof apiLatency>>) => {
  console.log(
    '\nGET /companies/{companyId}, authenticated, on the local stack (target: median <= 1.5x a bare GetItem; 1 DynamoDB round trip)',
  );
  for (const l of latency) {
    console.log(`  ${l.caller}`);
    console.log(
      `    API          median ${l.api.medianMs} ms   p99 ${l.api.p99Ms} ms   (${l.requests} requests, ${l.failures} failed)`,
    );
    console.log(`    bare GetItem median ${l.bareGetItem.medianMs} ms   p99 ${l.bareGetItem.p99Ms} ms`);
    console.log(
      `    ratio ${l.ratio}x ${mark(l.ratio <= LATENCY_RATIO)}   DynamoDB round trips per request ${l.dynamoRoundTripsPerRequest} ${mark(l.dynamoRoundTripsPerRequest <= 1)}`,
    );
  }
};

const main = async () => {
  const started = Date.now();
  const only = option('only')?.split(',');
  if (only?.some((o) => o !== 'cold' && o !== 'latency')) throw new Error('--only takes cold, latency or both');
  const partial = only !== undefined;
  const runCold = !only || only.includes('cold');
  const runLatency = !only || only.includes('latency');
  const handlers = option('handlers')?.split(',');
  const runs = option('runs') ? Number(option('runs')) : undefined;
  if (runCold) progress('bundling the handlers with the Lambda construct settings ...');
  const bundles = runCold
    ? await bundlesAndColdStarts({ only: handlers, runs, keep: option('keep') !== undefined })
    : undefined;
  const latency = runLatency ? await apiLatency() : undefined;

  if (bundles) printBundles(bundles);
  if (latency) printLatency(latency);
  if (partial) {
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s (a partial run: nothing written).`);
    return;
  }
  write('foundation', { bundles, latency });

  const sweep = inOwnProcess<Awaited<ReturnType<typeof sweepScaling>>>('sweep');
  console.log(
    `\nThe daily sweep with the same ${sweep.sizes[0]!.due} obligations due (targets: items read <= 1.1x due; 10x the companies <= 1.3x the time)`,
  );
  console.log(
    `  ${'companies'.padStart(10)} ${'due'.padStart(6)} ${'items read'.padStart(11)} ${'read/due'.padStart(9)}      ${'sweep (median)'.padStart(15)}`,
  );
  for (const s of sweep.sizes) {
    console.log(
      `  ${s.companies.toLocaleString('en-US').padStart(10)} ${String(s.due).padStart(6)} ${String(s.itemsRead).padStart(11)} ${`${s.readRatio.toFixed(2)}x`.padStart(9)} ${mark(s.readRatio <= 1.1)} ${`${s.sweepMs} ms`.padStart(15)}`,
    );
  }
  console.log(
    `  50,000 vs 5,000: ${sweep.timeRatio}x the time ${mark(sweep.withinTimeTarget)}   (median of ${sweep.runs} timed runs each, after ${sweep.warmUpRuns} warm-up runs; each run: ${sweep.sizes[0]!.reminded} reminders, ${sweep.sizes[0]!.removed} removals)`,
  );
  write('sweep', sweep);

  const alert = inOwnProcess<Awaited<ReturnType<typeof alertFanOut>>>('alert');
  console.log(
    `\nOne alert to ${alert.recipients.toLocaleString('en-US')} recipients (${alert.companies.toLocaleString('en-US')} companies x ${alert.usersPerCompany} users), SES behind a fake that allows 50 per call and throttles ${alert.throttleShare * 100}% of entries`,
  );
  console.log(
    `  first-attempt bulk sends ${alert.firstAttemptCalls} against ceil(recipients/50) = ${alert.minimumCalls} ${mark(alert.firstAttemptCalls === alert.minimumCalls)}   retry calls ${alert.retryCalls} (${alert.throttledEntries} throttled entries)   oversized calls ${alert.oversizedCalls}`,
  );
  console.log(
    `  recipients sent ${alert.recipientsSent.toLocaleString('en-US')}   duplicates ${alert.duplicates} ${mark(alert.duplicates === 0 && alert.recipientsSent === alert.recipients)}   fan-out ${alert.fanOut.seconds} s (${alert.fanOut.pages} pages)   sending ${alert.sendSeconds} s (${alert.sendRounds} rounds)`,
  );
  write('alert', alert);

  const load = inOwnProcess<Awaited<ReturnType<typeof loadTest>>>('load');
  console.log(
    `\nBounded load on the local stack: ${load.connections} connections for ${load.seconds} s from ${load.companies} companies (${load.mix})`,
  );
  console.log(
    `  ${load.requests} requests (${load.requestsPerSecond}/s), errors ${load.errors} (rate ${load.errorRate})   latency median ${load.latencyMs.median} ms, p99 ${load.latencyMs.p99} ms`,
  );
  console.log(
    `  acknowledged writes ${load.acknowledgedWrites}, missing afterwards ${load.acknowledgedWritesMissing} ${mark(load.acknowledgedWritesMissing === 0)}`,
  );
  write('load', load);

  const signup = inOwnProcess<Awaited<ReturnType<typeof accountRequests>>>('account-requests');
  console.log(
    `\nPOST /auth/signup through the dev server, ${signup.requestsPerKind} requests of each kind interleaved (target: every answer the same, in status and body and in time: medians and p90s within ${signup.boundMs} ms)`,
  );
  for (const [kind, f] of [
    ['unregistered email', signup.unregistered],
    ['registered, creates the account', signup.registered],
    ['account exists', signup.existing],
  ] as const) {
    console.log(
      `  ${kind.padEnd(32)} median ${`${f.medianMs} ms`.padStart(10)}   p90 ${`${f.p90Ms} ms`.padStart(10)}   different answers ${f.differentAnswers}`,
    );
  }
  console.log(
    `  against the unregistered (median, p90): registered ${signup.ratios.registered.median.toFixed(2)}x, ${signup.ratios.registered.p90.toFixed(2)}x; existing ${signup.ratios.existing.median.toFixed(2)}x, ${signup.ratios.existing.p90.toFixed(2)}x ${mark(signup.withinBound && signup.sameAnswers)}`,
  );
  write('account-requests', signup);

  const web = inOwnProcess<Awaited<ReturnType<typeof webFirstPage>>>('web');
  const kbOf = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `\nThe web portal's first page in headless Chromium, cold cache, ${web.runs} loads each (target: interactive in under a second)`,
  );
  console.log(
    `  sign-in page usable       median ${web.signInInteractiveMs.median} ms, p90 ${web.signInInteractiveMs.p90} ms, max ${web.signInInteractiveMs.max} ms`,
  );
  console.log(
    `  signed-in home with data  median ${web.signedInHomeMs.median} ms, p90 ${web.signedInHomeMs.p90} ms, max ${web.signedInHomeMs.max} ms ${mark(web.withinTarget)}`,
  );
  console.log(
    `  script a first visit downloads: sign-in ${kbOf(web.firstPageScriptBytes.signIn)} ${mark(web.firstPageScriptBytes.signIn <= 300 * 1024)}, signed-in home ${kbOf(web.firstPageScriptBytes.signedInHome)} ${mark(web.firstPageScriptBytes.signedInHome <= 300 * 1024)} (target: <= 300 KB each)`,
  );
  console.log(
    `  assets: ${web.assets.map((a) => `${a.name} ${kbOf(a.bytes)} (${kbOf(a.gzipBytes)} gzip)`).join(', ')}`,
  );
  write('web', web);
  console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s.`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
