import { describe, expect, it } from 'vitest';
import { sweep } from '../../functions/domain/sweep.ts';
import type { Obligation } from '../../functions/data/obligations.ts';

const obligationsDue = (items: Obligation[]) => ({
  due: async function* (asOf: string) {
    yield* items.filter((i) => i.dueAt <= asOf);
  },
});

describe('sweep', () => {
  const items: Obligation[] = [
    { companyId: 'a', kind: 'deadline', dueAt: '2006-07-01T00:00:00.000Z' },
    { companyId: 'b', kind: 'deadline', dueAt: '2006-08-01T00:00:00.000Z' },
    { companyId: 'c', kind: 'mystery', dueAt: '2006-06-01T00:00:00.000Z' },
  ];

  it('hands each due obligation to the handler for its kind and reports the rest as unhandled', async () => {
    const seen: string[] = [];
    const report = await sweep({ obligations: obligationsDue(items) as never }, new Date('2006-07-02T00:00:00Z'), {
      deadline: async (item) => {
        seen.push(item.companyId);
        return `removed ${item.companyId}`;
      },
    });
    expect(seen).toEqual(['a']);
    expect(report).toEqual({ asOf: '2006-07-02T00:00:00.000Z', due: 2, handled: { deadline: 1 }, unhandled: 1, actions: ['removed a'] });
  });
});
