/**
 * The sweep benchmark (DESIGN section 9, issue 5): the same 500 obligations due among 5,000 and
 * then 50,000 companies in DynamoDB Local. It prints the items the sweep read against the items
 * due (target: at most 1.1x) and the two sweep times side by side (target: the 50,000 run within
 * 1.3x of the 5,000 run). Reads are counted from DynamoDB's own answers (each Query's
 * ScannedCount, each GetItem), so nothing the sweep reads goes uncounted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, progress, round } from './lib.ts';

const DUE = 500;
/** Of the due, this many are past their deadline (removals); the rest are at a reminder step. */
const PAST_DEADLINE = 100;
const SIZES = [5_000, 50_000] as const;
/** Timed runs per size, after untimed warm-up runs (DynamoDB Local's JVM keeps warming up for a while). */
const RUNS = 5;
const WARM_UP = 3;
const AS_OF = new Date('2006-06-02T06:00:00.000Z');

export const sweepScaling = async () => {
  const { startBackends } = await import('../lib/local/runtime.ts');
  const { handlerEnv } = await import('../lib/local/bootstrap.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-bench-sweep-'));
  progress('starting DynamoDB Local (in memory) for the sweep benchmark ...');
  const backends = await startBackends({ dataDir, persist: false });
  try {
    Object.assign(process.env, handlerEnv(backends.emulators.env, backends.resources, 'http://127.0.0.1:0'));
    const { putCompanies, putObligations } = await import('../test/support/items.ts');
    const { openObligation } = await import('../functions/domain/obligations.ts');
    const { dynamo } = await import('../functions/clients/dynamodb.ts');
    const { sweep } = await import('../functions/domain/sweep.ts');
    const { uuidIds } = await import('../functions/domain/clock.ts');
    const deps = {
      ids: uuidIds,
      obligations: await import('../functions/data/obligation-store.ts'),
      deadlines: await import('../functions/data/deadline-store.ts'),
      standing: await import('../functions/data/standing-store.ts'),
      programEmail: 'program@bench.example.gov',
    };

    // Every item DynamoDB hands back to the sweep, by operation.
    const read = { items: 0, calls: 0 };
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const output = result.output as { ScannedCount?: number; Item?: unknown; Responses?: unknown[] };
        const command = context.commandName ?? '';
        if (command === 'QueryCommand') read.items += output.ScannedCount ?? 0;
        if (command === 'GetItemCommand' && output.Item) read.items += 1;
        if (command === 'TransactGetItemsCommand') read.items += output.Responses?.length ?? 0;
        if (['QueryCommand', 'GetItemCommand', 'TransactGetItemsCommand', 'BatchGetItemCommand'].includes(command))
          read.calls += 1;
        return result;
      },
      { step: 'initialize', name: 'countReads' },
    );

    // The first PAST_DEADLINE are exporters enrolled in March: no fixed 2006 date, so due 60 days later.
    const companyRecord = (n: number) => ({
      companyId: `bench-${String(n).padStart(6, '0')}`,
      legalName: `Bench Company ${n}`,
      category: n < PAST_DEADLINE ? ('exporter' as const) : ('importer' as const),
      pocEmail: `poc-${n}@bench.example.com`,
      identifiers: { iorNumber: '12-3456789', ein: '12-3456789' },
      status: 'active' as const,
      enrolledAt: n < PAST_DEADLINE ? '2006-03-01T00:00:00.000Z' : '2006-05-01T00:00:00.000Z',
      enrolledBy: 'bench',
      version: 1,
    });
    /** Companies 0..DUE-1 are due: the first PAST_DEADLINE past their deadline (April 30), the rest at their 30-day step. */
    const obligationFor = (n: number) => {
      const c = companyRecord(n);
      if (n < PAST_DEADLINE) return openObligation(c, 'enrollment', '2006-06-01T00:00:00.000Z');
      if (n < DUE) return openObligation(c, 'enrollment', '2006-06-01T00:00:00.000Z');
      // Not due: certified companies waiting for their review window next year.
      return {
        ...openObligation(c, 'recertification', '2007-02-01T00:00:00.000Z', { dueDate: '2007-05-01' }),
        policyRevision: 0,
      };
    };
    const seed = async (from: number, to: number, quiet = false) => {
      const chunk = 2_000;
      for (let start = from; start < to; start += chunk) {
        const ns = Array.from({ length: Math.min(chunk, to - start) }, (_, i) => start + i);
        await putCompanies(ns.map(companyRecord));
        await putObligations(ns.map((n) => ({ ...obligationFor(n), remindersSent: [] })));
        if (!quiet && (start + chunk) % 10_000 < chunk)
          progress(`  seeded ${Math.min(start + chunk, to).toLocaleString('en-US')} companies`);
      }
    };
    /** The same 500 due again: each run starts from the same state. */
    const resetDue = () => seed(0, DUE, true);

    const results = [];
    let seeded = 0;
    for (const size of SIZES) {
      progress(`seeding up to ${size.toLocaleString('en-US')} companies (${DUE} due) ...`);
      await seed(seeded, size);
      seeded = size;
      const times: number[] = [];
      let reads = { items: 0, calls: 0 };
      let report;
      for (let run = -WARM_UP; run < RUNS; run += 1) {
        await resetDue();
        read.items = 0;
        read.calls = 0;
        const t = performance.now();
        report = await sweep(deps, AS_OF);
        if (run >= 0) times.push(performance.now() - t);
        reads = { ...read };
        if (report.due !== DUE || report.removed !== PAST_DEADLINE || report.reminded !== DUE - PAST_DEADLINE) {
          throw new Error(
            `the sweep did not act on exactly the ${DUE} due: ${JSON.stringify({ ...report, actions: report.actions.length })}`,
          );
        }
      }
      progress(
        `  ${size.toLocaleString('en-US')} companies: sweep median ${round(median(times))} ms over ${RUNS} runs`,
      );
      results.push({
        companies: size,
        due: DUE,
        itemsRead: reads.items,
        readCalls: reads.calls,
        readRatio: round(reads.items / DUE, 3),
        sweepMs: round(median(times)),
        runsMs: times.map((t) => round(t)),
        reminded: report!.reminded,
        removed: report!.removed,
        emailsQueued: report!.emailsQueued,
      });
    }
    const [small, large] = results as [(typeof results)[number], (typeof results)[number]];
    return {
      runs: RUNS,
      warmUpRuns: WARM_UP,
      sizes: results,
      timeRatio: round(large.sweepMs / small.sweepMs),
      withinReadTarget: results.every((r) => r.readRatio <= 1.1),
      withinTimeTarget: large.sweepMs / small.sweepMs <= 1.3,
    };
  } finally {
    await backends.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** `npx tsx bench/sweep.ts` runs this benchmark alone. */
if (import.meta.url === `file://${process.argv[1]}`) {
  await import('../lib/local/quiet-sdk.ts');
  console.log(JSON.stringify(await sweepScaling(), null, 2));
}
