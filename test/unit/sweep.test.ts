import { describe, expect, it } from 'vitest';
import { sweep, SweepIncomplete, type SweepDeps } from '../../functions/domain/sweep.ts';
import { openObligation } from '../../functions/domain/obligations.ts';
import type { Obligation } from '../../functions/schemas/obligations.ts';
import { sequentialIds } from '../support/factories.ts';

const owner = (n: number, category: 'importer' | 'exporter' = 'importer', enrolledAt = '2006-05-01T12:00:00.000Z') => ({
  companyId: `c${n}`,
  category,
  legalName: `Company ${n}`,
  pocEmail: `poc${n}@example.com`,
  enrolledAt,
});

/** In-memory obligations; `remind` and `changeStanding` record what they were asked to do. */
const fakeDeps = (items: Obligation[], overrides: Partial<SweepDeps['obligations']> = {}) => {
  const reminded: string[] = [];
  const removed: string[] = [];
  const deps: SweepDeps = {
    ids: sequentialIds(),
    programEmail: 'program@cbp.example.gov',
    deadlines: { listRevised: async () => [], markRetimed: async () => undefined },
    obligations: {
      due: async function* (asOf: string) {
        yield* items.filter((i) => i.dueAt <= asOf);
      },
      inCategory: async function* () {},
      reschedule: async () => true,
      remind: async (item) => {
        reminded.push(item.companyId);
        return true;
      },
      ...overrides,
    },
    standing: {
      changeStanding: async (change) => {
        removed.push(change.companyId);
        return true;
      },
    },
  };
  return { deps, reminded, removed };
};

describe('sweep', () => {
  it('reminds, removes and reschedules each due obligation by what its schedule says', async () => {
    const items = [
      openObligation(owner(1), 'enrollment', '2006-06-01T00:00:00.000Z'),
      // An exporter has no fixed 2006 date: 60 days from enrollment, May 31.
      openObligation(owner(2, 'exporter', '2006-04-01T12:00:00.000Z'), 'enrollment', '2006-05-01T00:00:00.000Z'),
      openObligation(owner(3), 'enrollment', '2006-05-01T00:00:00.000Z', { extendedTo: '2006-12-01' }),
    ];
    const { deps, reminded, removed } = fakeDeps(items);
    const report = await sweep(deps, new Date('2006-06-02T06:00:00Z'));
    expect(report).toMatchObject({
      due: 3,
      reminded: 1,
      removed: 1,
      rescheduled: 1,
      skipped: 0,
      failed: 0,
      emailsQueued: 3,
    });
    expect(reminded).toEqual(['c1']);
    expect(removed).toEqual(['c2']);
    expect(report.actions).toEqual([
      expect.stringMatching(/^reminded Company 1 \(importer\): enrollment due 2006-07-01, 29 days left/),
      expect.stringMatching(/^removed Company 2 \(exporter\): enrollment due 2006-05-31 passed/),
    ]);
  });

  it('counts an item another sweep acted on first as skipped, not as done', async () => {
    const { deps } = fakeDeps([openObligation(owner(1), 'enrollment', '2006-06-01T00:00:00.000Z')], {
      remind: async () => false,
    });
    expect(await sweep(deps, new Date('2006-06-02T00:00:00Z'))).toMatchObject({
      due: 1,
      reminded: 0,
      skipped: 1,
      emailsQueued: 0,
    });
  });

  it('acts on every other item when one fails, then fails as a whole so the run is retried', async () => {
    const items = [1, 2, 3].map((n) => openObligation(owner(n), 'enrollment', '2006-06-01T00:00:00.000Z'));
    const { deps, reminded } = fakeDeps(items, {
      remind: async (item) => {
        if (item.companyId === 'c2') throw new Error('throttled');
        reminded.push(item.companyId);
        return true;
      },
    });
    const error = await sweep(deps, new Date('2006-06-02T00:00:00Z')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SweepIncomplete);
    expect((error as SweepIncomplete).report).toMatchObject({ due: 3, reminded: 2, failed: 1 });
    expect(reminded.sort()).toEqual(['c1', 'c3']);
  });
});
