/**
 * `npm run bench`: runs every benchmark, prints each figure beside its DESIGN section 9
 * target, and writes the results (with the machine they came from) to bench/results/.
 */
import '../lib/local/quiet-sdk.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/local/paths.ts';
import { apiLatency, bundlesAndColdStarts } from './foundation.ts';
import { machine, progress } from './lib.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

const main = async () => {
  const started = Date.now();
  progress('bundling every handler with the Lambda construct settings ...');
  const bundles = await bundlesAndColdStarts();
  const latency = await apiLatency();

  console.log('\nHandler bundles and cold imports (targets: <= 250 KB; cold import <= 1.3x the bare GetItem handler)');
  console.log(`  ${'handler'.padEnd(24)} ${'size'.padStart(10)}      ${'cold import'.padStart(12)} ${'ratio'.padStart(6)}`);
  console.log(`  ${'bare GetItem'.padEnd(24)} ${kb(bundles.bare.sizeBytes).padStart(10)}      ${`${bundles.bare.coldImportMs} ms`.padStart(12)} ${'1.00'.padStart(6)}`);
  for (const h of bundles.handlers) {
    console.log(`  ${h.handler.padEnd(24)} ${kb(h.sizeBytes).padStart(10)} ${mark(h.withinSize)} ${`${h.coldImportMs} ms`.padStart(12)} ${h.ratio.toFixed(2).padStart(6)} ${mark(h.withinRatio)}`);
  }
  console.log('\nGET /companies/{companyId}, authenticated, on the local stack (target: median <= 2x a bare GetItem; <= 2 DynamoDB round trips)');
  console.log(`  API          median ${latency.api.medianMs} ms   p99 ${latency.api.p99Ms} ms   (${latency.requests} requests, ${latency.failures} failed)`);
  console.log(`  bare GetItem median ${latency.bareGetItem.medianMs} ms   p99 ${latency.bareGetItem.p99Ms} ms`);
  console.log(`  ratio ${latency.ratio}x ${mark(latency.ratio <= 2)}   DynamoDB round trips per request ${latency.dynamoRoundTripsPerRequest} ${mark(latency.dynamoRoundTripsPerRequest <= 2)}`);

  const results = { benchmark: 'foundation', at: new Date().toISOString(), machine: machine(), bundles, latency };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const file = join(ROOT, 'bench', 'results', 'foundation.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWrote ${file} in ${Math.round((Date.now() - started) / 1000)} s.`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
