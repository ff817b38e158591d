/**
 * The audit trail's hash chain per company (issue 20, item 1) against DynamoDB Local: concurrent
 * audited writes leave one unbroken chain with no gap and nothing lost, a record changed directly
 * in the table makes `npm run audit:verify` exit non-zero naming it, and the scheduled job counts
 * the break in its alarmed metric.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { auditItem } from '../../functions/domain/audit.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { verifyAuditChainsJob } from '../support/functions.ts';
import { captureMetrics } from '../support/metrics.ts';
import { auditRecordsOf, tamperWithAuditRecord } from '../support/table.ts';

const run = promisify(execFile);

const audits = await import('../../functions/data/audit-store.ts');
const chains = await import('../../functions/data/audit-chain-store.ts');
const { verifyFully } = await import('../../functions/domain/audit-chain.ts');

type Chained = { seq: number; prevHash: string; hash: string };

const actor = { userId: 'u-test', companyId: 'CBP', sourceIp: '192.0.2.1', role: 'cbp-officer' };
const entryFor = (companyId: string, i: number, at = new Date()) =>
  auditItem(actor, { companyId, action: 'test.written', objectType: 'test', objectId: `o${i}` }, at, randomUUID());

/** The audit store as a separate process has it: its own modules, so its appends race this one's rather than queue. */
const anotherProcess = async () => {
  vi.resetModules();
  return import('../../functions/data/audit-store.ts');
};

describe('a company audit chain under concurrency', () => {
  it('fifty audited writes at once, from five processes, leave one unbroken chain: seq 1 to 50, each linked to the one before', async () => {
    const companyId = `chain-${randomUUID().slice(0, 8)}`;
    const processes = [audits, ...(await Promise.all(Array.from({ length: 4 }, anotherProcess)))];
    const started = Date.now();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => processes[i % 5]!.record(entryFor(companyId, i))),
    );
    console.log(`[audit-chain] 50 appends at once from 5 processes: ${Date.now() - started} ms (a shared machine)`);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const stored = (await auditRecordsOf(companyId)) as unknown as Array<Chained & { objectId: string }>;
    expect(stored.map((r) => r.objectId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `o${i}`).sort());
    const bySeq = [...stored].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(bySeq.map((r) => r.prevHash)).toEqual(['', ...bySeq.slice(0, -1).map((r) => r.hash)]);
    expect(await chains.state(companyId)).toMatchObject({ head: { seq: 50, hash: bySeq[49]!.hash } });
    expect(await verifyFully({ chains }, companyId)).toMatchObject({ checked: 50, broken: null });
    // DynamoDB Local on a shared two-core machine appends about one a second under this contention.
  }, 300_000);
});

/** `npm run audit:verify` as an operator runs it, on this file's table (`--env`): its exit status and output. */
const auditVerify = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'bin/audit-verify.ts', '--env', ...args], { cwd: ROOT }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? -1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );

/** A company with a chain of `n` audit records, oldest first. */
const chainOfRecords = async (n: number) => {
  const companyId = `chain-${randomUUID().slice(0, 8)}`;
  for (let i = 0; i < n; i += 1) await audits.record(entryFor(companyId, i));
  const stored = (await auditRecordsOf(companyId)) as unknown as Array<Chained & { auditId: string }>;
  return { companyId, records: stored.sort((a, b) => a.seq - b.seq) };
};

describe('a changed audit record', () => {
  it('makes npm run audit:verify exit non-zero naming it, where an intact chain passes', async () => {
    const { companyId, records } = await chainOfRecords(4);
    const intact = await auditVerify(companyId);
    expect(intact.output).toMatch(new RegExp(`intact +${companyId}: 4 chained records, head seq 4`));
    expect(intact.code).toBe(0);

    const victim = records[2]!;
    await tamperWithAuditRecord(companyId, victim.auditId, { objectId: 'someone-else' });
    const caught = await auditVerify(companyId);
    expect(caught.code).toBe(1);
    expect(caught.output).toContain(`BROKEN  ${companyId}: first broken record seq 3, audit record ${victim.auditId}`);
    expect(caught.output).toContain('hash mismatch');

    // Verifying every chain names it too.
    const all = await auditVerify();
    expect(all.code).toBe(1);
    expect(all.output).toContain(`BROKEN  ${companyId}: first broken record seq 3`);
  });

  it('is found by the scheduled verification, which counts it in the alarmed AuditChainBroken metric', async () => {
    const job = await verifyAuditChainsJob();
    const metrics = captureMetrics();
    try {
      const { companyId, records } = await chainOfRecords(3);
      const first = await job({ full: true });
      const before = metrics.total('AuditChainBroken', { companyId });
      // A record moved out of its place in the chain: seq 2 goes missing.
      await tamperWithAuditRecord(companyId, records[1]!.auditId, { seq: 7 });
      const second = await job({ full: true });
      expect(before).toBe(0);
      expect(first.broken.map((r) => r.companyId)).not.toContain(companyId);
      expect(second.broken.find((r) => r.companyId === companyId)?.broken).toMatchObject({ seq: 2 });
      expect(metrics.total('AuditChainBroken', { companyId, seq: '2' })).toBe(1);
    } finally {
      metrics.restore();
    }
  });
});
