/**
 * What fills each handler's bundle: every route and job bundled with the bench's esbuild settings
 * (`BUNDLE_OPTIONS`, the same as the Lambda construct's), its metafile's output bytes summed per
 * package (`zod`, `@aws-lambda-powertools/logger`, ...) and per top-level folder of our own code.
 *
 *   npx tsx bench/bundle-contents.ts               every handler's size, the over-limit ones broken down
 *   npx tsx bench/bundle-contents.ts get-company   the named handlers broken down (`job:<name>` for jobs)
 *   npx tsx bench/bundle-contents.ts --json        the whole breakdown as JSON
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { JOBS } from '../functions/definitions/jobs.ts';
import { ROUTES, type RouteDefinition } from '../functions/definitions/routes.ts';
import { ROOT } from '../lib/local/paths.ts';
import { BUNDLE_OPTIONS, JOB_BUNDLE_LIMIT, ROUTE_BUNDLE_LIMIT } from './foundation.ts';

/** The package an input belongs to (`node_modules/@scope/name/...` or `node_modules/name/...`), or our folder. */
const ownerOf = (input: string): string => {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at >= 0) return parts[at + 1]!.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]!;
  const path = relative(ROOT, join(ROOT, input)).split('/');
  return path.length > 2 ? `(ours) ${path[0]}/${path[1]}` : `(ours) ${path[0]}`;
};

export const bundleContents = async (only?: readonly string[]) => {
  const dir = mkdtempSync(join(tmpdir(), 'ctpat-bundles-'));
  const entries = [
    ...(ROUTES as readonly RouteDefinition[]).map((r) => ({
      name: r.handler,
      entry: join(ROOT, 'functions', 'handlers', `${r.handler}.ts`),
      limit: ROUTE_BUNDLE_LIMIT,
    })),
    ...JOBS.map((j) => ({
      name: `job:${j.handler}`,
      entry: join(ROOT, 'functions', 'jobs', `${j.handler}.ts`),
      limit: JOB_BUNDLE_LIMIT,
    })),
  ].filter((e) => !only || only.includes(e.name));
  try {
    const rows = [];
    for (const e of entries) {
      const outfile = join(dir, `${e.name.replace(':', '-')}.mjs`);
      const { metafile } = await build({ ...BUNDLE_OPTIONS, entryPoints: [e.entry], outfile, metafile: true });
      const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined)!;
      const byOwner = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        byOwner.set(ownerOf(input), (byOwner.get(ownerOf(input)) ?? 0) + bytesInOutput);
      }
      rows.push({
        name: e.name,
        bytes: output.bytes,
        limit: e.limit,
        parts: [...byOwner].sort((a, b) => b[1] - a[1]).map(([owner, bytes]) => ({ owner, bytes })),
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => !a.startsWith('--'));
  const rows = await bundleContents(names.length > 0 ? names : undefined);
  if (args.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const over = rows.filter((r) => r.bytes > r.limit);
    for (const r of [...rows].sort((a, b) => b.bytes - a.bytes)) {
      console.log(`${r.bytes > r.limit ? 'OVER' : 'ok  '} ${kb(r.bytes).padStart(9)}  ${r.name}`);
    }
    const routes = rows.filter((r) => r.limit === ROUTE_BUNDLE_LIMIT);
    const jobs = rows.filter((r) => r.limit === JOB_BUNDLE_LIMIT);
    console.log(
      `\n${routes.filter((r) => r.bytes <= r.limit).length} of ${routes.length} routes within ${kb(ROUTE_BUNDLE_LIMIT)}, ` +
        `${jobs.filter((r) => r.bytes <= r.limit).length} of ${jobs.length} jobs within ${kb(JOB_BUNDLE_LIMIT)}`,
    );
    for (const r of names.length > 0 ? rows : over) {
      console.log(`\n${r.name}: ${kb(r.bytes)}`);
      for (const p of r.parts.filter((p) => p.bytes >= 512)) console.log(`  ${kb(p.bytes).padStart(9)}  ${p.owner}`);
    }
  }
}
