import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';

describe('the daily sweep job', () => {
  it('reads exactly the obligations due by its date, across every shard of the due-date index', async () => {
    const obligations = await import('../../functions/data/obligations.ts');
    const { handler } = await import('../../functions/jobs/sweep.ts');
    const { shardOf } = await import('../../functions/data/due-index.ts');
    const companies = Array.from({ length: 40 }, () => randomUUID());
    for (const [i, companyId] of companies.entries()) {
      await obligations.put({ companyId, kind: 'test-kind', dueAt: i % 2 ? '2006-07-01T00:00:00.000Z' : '2006-09-01T00:00:00.000Z' });
    }
    expect(new Set(companies.map(shardOf)).size).toBeGreaterThan(1);

    const report = await handler({ asOf: '2006-07-02T00:00:00.000Z' });
    expect(report.due).toBe(20);
    expect(report.unhandled).toBe(20);

    const later = await handler({ asOf: '2006-12-31T00:00:00.000Z' });
    expect(later.due).toBe(40);
  });

  it('refuses an invalid date rather than sweeping as of now', async () => {
    const { handler } = await import('../../functions/jobs/sweep.ts');
    await expect(handler({ asOf: 'July 2nd' })).rejects.toThrow(/Invalid asOf/);
  });
});
