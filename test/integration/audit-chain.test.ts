/**
 * The audit trail's hash chain per company (issue 20, item 1; decision 80) against DynamoDB Local
 * and the S3 emulator: fifty audited writes at once, chained by two chainer runs racing, leave one
 * unbroken chain with each record once (and its copy in the archive, which the table's changes
 * feed); a record changed or deleted
 * directly in the table makes `npm run audit:verify` exit non-zero naming it; and the scheduled
 * verification counts the break in its alarmed metric.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { auditItem } from '../../functions/domain/audit.ts';
import { canonicalRecord } from '../../functions/domain/audit-chain.ts';
import { systemClock } from '../../functions/domain/clock.ts';
import type { AuditRecord } from '../../functions/schemas/audit.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { chainAuditTrailJob, verifyAuditChainsJob } from '../support/functions.ts';
import { captureMetrics } from '../support/metrics.ts';
import { streamPoller } from '../support/stream.ts';
import { auditRecordsOf, deleteAuditRecord, tamperWithAuditRecord } from '../support/table.ts';

const run = promisify(execFile);

const audits = await import('../../functions/data/audit-store.ts');
const chains = await import('../../functions/data/audit-chain-store.ts');
const archive = await import('../../functions/data/audit-archive.ts');
const { verifyFully } = await import('../../functions/domain/audit-chain.ts');

const actor = { userId: 'u-test', companyId: 'CBP', sourceIp: '192.0.2.1', role: 'cbp-officer' };
const entryFor = (companyId: string, i: number) =>
  auditItem(
    actor,
    { companyId, action: 'test.written', objectType: 'test', objectId: `o${i}` },
    new Date(),
    randomUUID(),
  );
const positionOf = (r: Pick<AuditRecord, 'at' | 'auditId'>) => `${r.at}#${r.auditId}`;

/** The audit store as another function instance has it: its own modules, so its writes race this one's. */
const anotherProcess = async () => {
  vi.resetModules();
  return import('../../functions/data/audit-store.ts');
};

/** Every link of a chain, in order. */
const linksOf = async (companyId: string) => {
  const links = [];
  for await (const page of chains.linksAfter(companyId, 0)) links.push(...page);
  return links;
};

describe('a company audit chain under concurrency', () => {
  it('fifty audited writes at once, chained by two racing runs, make one unbroken chain: seq 1 to 50, each record once, each archived', async () => {
    const companyId = `chain-${randomUUID().slice(0, 8)}`;
    const processes = [audits, ...(await Promise.all(Array.from({ length: 4 }, anotherProcess)))];
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => processes[i % 5]!.record(entryFor(companyId, i))),
    );
    // The writes take no part in the chain: none waits on another, none is refused.
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const job = await chainAuditTrailJob();
    const started = Date.now();
    const runs = await Promise.all([job(), job()]);
    console.log(
      `[audit-chain] two chainer runs over 50 new records at once: ${Date.now() - started} ms (a shared machine)`,
    );
    expect(runs.every((r) => r.read >= 50)).toBe(true);

    const stored = await auditRecordsOf(companyId);
    expect(stored).toHaveLength(50);
    const links = await linksOf(companyId);
    expect(links.map((l) => l.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(links.map((l) => l.prevHash)).toEqual(['', ...links.slice(0, -1).map((l) => l.hash)]);
    // Each record once, oldest first.
    expect(links.map((l) => l.position)).toEqual(stored.map(positionOf).sort());
    expect(await chains.head(companyId)).toEqual({ seq: 50, hash: links[49]!.hash });
    expect(await verifyFully({ chains, clock: systemClock }, companyId)).toMatchObject({
      checked: 50,
      pending: 0,
      broken: null,
    });
    // The write-once archive, fed by the table's changes apart from the chain, holds each record
    // as the chain hashed it.
    await streamPoller().settled();
    for (const record of stored)
      expect(await archive.archivedRecord(companyId, positionOf(record))).toBe(canonicalRecord(record));

    // A later run finds nothing new to chain for this company.
    await job();
    expect(await chains.head(companyId)).toEqual({ seq: 50, hash: links[49]!.hash });
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

/** A company with `n` audit records, chained, oldest first. */
const chainOfRecords = async (n: number) => {
  const companyId = `chain-${randomUUID().slice(0, 8)}`;
  for (let i = 0; i < n; i += 1) await audits.record(entryFor(companyId, i));
  await (await chainAuditTrailJob())();
  const records = (await auditRecordsOf(companyId)).sort((a, b) => (positionOf(a) < positionOf(b) ? -1 : 1));
  return { companyId, records };
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
    expect(caught.output).toContain(`BROKEN  ${companyId}: first broken record seq 3, record ${positionOf(victim)}`);
    expect(caught.output).toContain(`the record was changed`);
  });

  it('deleted, makes npm run audit:verify name the gap it left', async () => {
    const { companyId, records } = await chainOfRecords(3);
    await deleteAuditRecord(records[1]!);
    const caught = await auditVerify(companyId);
    expect(caught.code).toBe(1);
    expect(caught.output).toContain(`first broken record seq 2, record ${positionOf(records[1]!)}`);
    expect(caught.output).toContain('is gone');
  });

  it('is found by the scheduled verification, which counts it in the alarmed AuditChainBroken metric', async () => {
    const job = await verifyAuditChainsJob();
    const metrics = captureMetrics();
    try {
      const { companyId, records } = await chainOfRecords(3);
      const first = await job({ full: true });
      const before = metrics.total('AuditChainBroken', { companyId });
      await tamperWithAuditRecord(companyId, records[1]!.auditId, { action: 'something.else' });
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
