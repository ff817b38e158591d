import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sweepJob } from '../support/functions.ts';

describe('the daily sweep job', () => {
  it('reads exactly the obligations due by its date, across every shard of the due-date index', async () => {
    const obligations = await import('../../functions/data/obligation-store.ts');
    const { openObligation } = await import('../../functions/domain/obligations.ts');
    const handler = await sweepJob();
    const { shardOf } = await import('../../functions/domain/shards.ts');
    const companies = Array.from({ length: 40 }, () => randomUUID());
    for (const [i, companyId] of companies.entries()) {
      const owner = {
        companyId,
        category: 'importer' as const,
        legalName: `Company ${i}`,
        pocEmail: `poc-${i}@example.com`,
        enrolledAt: '2006-01-01T00:00:00.000Z',
      };
      await obligations.put(
        openObligation(owner, 'recertification', i % 2 ? '2006-07-01T00:00:00.000Z' : '2006-09-01T00:00:00.000Z', {
          dueDate: '2007-07-01',
        }),
      );
    }
    expect(new Set(companies.map(shardOf)).size).toBeGreaterThan(1);

    const report = await handler({ asOf: '2006-07-02T00:00:00.000Z' });
    expect(report).toMatchObject({ due: 20, rescheduled: 20, reminded: 0, removed: 0, failed: 0 });
    // Each now waits for its review window to open (90 days before its due date).
    expect((await obligations.get(companies[1]!, 'recertification'))?.dueAt).toBe('2007-04-02T04:00:00.000Z');

    const later = await handler({ asOf: '2006-12-31T00:00:00.000Z' });
    expect(later).toMatchObject({ due: 20, rescheduled: 20 });
  });

  it('sweeps a date given without a time as of 00:00 in Washington, the start of that program day', async () => {
    const handler = await sweepJob();
    expect((await handler({ asOf: '2006-01-01' })).asOf).toBe('2006-01-01T05:00:00.000Z');
    expect((await handler({ asOf: '2006-06-01' })).asOf).toBe('2006-06-01T04:00:00.000Z');
  });

  it('refuses an invalid date rather than sweeping as of now', async () => {
    const handler = await sweepJob();
    await expect(handler({ asOf: 'July 2nd' })).rejects.toThrow(/Invalid asOf/);
  });
});
