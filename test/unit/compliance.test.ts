import { describe, expect, it } from 'vitest';
import { listCompanies, monthsEnding, nextDue, overviewOf } from '../../functions/domain/compliance.ts';
import { currentPolicies } from '../../functions/domain/deadline-schedule.ts';
import { BadRequest, Forbidden } from '../../functions/errors.ts';
import type { CompanySort } from '../../functions/schemas/requests/companies.ts';
import type { Company } from '../../functions/schemas/company.ts';
import { callerFor, fixedClock } from '../support/factories.ts';

const policies = currentPolicies([]);
const company = (overrides: Partial<Company>): Company => ({
  companyId: 'c',
  legalName: 'C',
  category: 'importer',
  pocEmail: 'poc@c.example.com',
  identifiers: {},
  status: 'active',
  enrolledAt: '2006-05-01T12:00:00.000Z',
  enrolledBy: 'cbp',
  version: 1,
  ...overrides,
});

describe('nextDue', () => {
  it('is the enrollment deadline until the portal update is complete, with an extension winning when later', () => {
    expect(nextDue(company({}), policies)).toEqual({ dueOn: '2006-07-01', dueKind: 'enrollment' });
    expect(nextDue(company({ deadlineExtendedTo: '2006-09-15' }), policies)).toEqual({
      dueOn: '2006-09-15',
      dueKind: 'enrollment',
    });
    expect(nextDue(company({ enrolledAt: '2006-06-20T12:00:00.000Z' }), policies)).toEqual({
      dueOn: '2006-08-19',
      dueKind: 'enrollment',
    });
  });

  it('is the recertification once the update is done, the earlier of the two when both are open, and nothing once removed', () => {
    expect(
      nextDue(
        company({
          portalUpdateCompletedAt: '2006-05-02T00:00:00.000Z',
          nextCertificationDueAt: '2007-05-02T04:00:00.000Z',
        }),
        policies,
      ),
    ).toEqual({ dueOn: '2007-05-02', dueKind: 'recertification' });
    expect(nextDue(company({ portalUpdateCompletedAt: '2006-05-02T00:00:00.000Z' }), policies)).toEqual({
      dueOn: null,
      dueKind: null,
    });
    expect(nextDue(company({ nextCertificationDueAt: '2006-06-01T04:00:00.000Z' }), policies)).toEqual({
      dueOn: '2006-06-01',
      dueKind: 'recertification',
    });
    expect(nextDue(company({ status: 'removed' }), policies)).toEqual({ dueOn: null, dueKind: null });
  });
});

describe('monthsEnding', () => {
  it('counts back across a year boundary, oldest first', () => {
    expect(monthsEnding('2006-02', 4)).toEqual(['2005-11', '2005-12', '2006-01', '2006-02']);
    expect(monthsEnding('2006-02', 1)).toEqual(['2006-02']);
  });
});

describe('overviewOf', () => {
  it('counts each status and category pair and buckets due dates and removals by month, ignoring months outside the range', () => {
    const overview = overviewOf(
      [
        company({}),
        company({ category: 'exporter' }),
        company({
          status: 'removed',
          removal: { at: '2006-04-03T06:00:00.000Z', reason: 'cbp-decision', by: 'x' } as Company['removal'],
        }),
        company({
          portalUpdateCompletedAt: '2006-05-02T00:00:00.000Z',
          nextCertificationDueAt: '2009-01-01T05:00:00.000Z',
        }),
      ],
      policies,
      new Date('2006-05-10T12:00:00.000Z'),
      2,
      2,
    );
    expect(overview.byStatusAndCategory).toEqual([
      { status: 'active', category: 'importer', count: 2 },
      { status: 'active', category: 'exporter', count: 1 },
      { status: 'removed', category: 'importer', count: 1 },
    ]);
    expect(overview.months).toEqual([
      { month: '2006-04', deadlines: 0, removals: 1 },
      { month: '2006-05', deadlines: 0, removals: 0 },
      // The exporter's 60 days from enrollment, and the importers' July 1.
      { month: '2006-06', deadlines: 1, removals: 0 },
      { month: '2006-07', deadlines: 1, removals: 0 },
    ]);
  });
});

describe('listCompanies', () => {
  // Two categories' worth of companies, served a page at a time like the category index.
  const stored = [
    company({ companyId: 'i1' }),
    company({ companyId: 'i2', deadlineExtendedTo: '2006-12-01' }),
    company({ companyId: 'i3' }),
    company({ companyId: 'x1', category: 'exporter' }),
  ];
  const reads: string[] = [];
  const deps = {
    clock: fixedClock('2006-05-01T12:00:00.000Z'),
    deadlines: { listRevised: async () => [] },
    companies: {
      standingOfCategory: async () => [],
      listedOfCategory: async (category: string) => stored.filter((c) => c.category === category),
      ofCategory: async (category: string, _status: unknown, cursor: string | null, limit: number) => {
        reads.push(`${category}@${cursor ?? 0}+${limit}`);
        const all = stored.filter((c) => c.category === category);
        const from = Number(cursor ?? 0);
        const next = from + limit < all.length ? String(from + limit) : null;
        return { items: all.slice(from, from + limit), cursor: next };
      },
    },
  };

  it('fills a page from one category and the next, and resumes where the cursor points', async () => {
    const first = await listCompanies(deps, callerFor('cbp-officer'), { limit: 2 });
    expect(first.items.map((c) => c.companyId)).toEqual(['i1', 'i2']);
    const second = await listCompanies(deps, callerFor('cbp-officer'), { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.companyId)).toEqual(['i3', 'x1']);
    expect(second.nextCursor).toBeNull();
  });

  it('reads past filtered-out companies without skipping any, and refuses a forged cursor and non-CBP callers', async () => {
    const page = await listCompanies(deps, callerFor('cbp-officer'), {
      limit: 2,
      dueBefore: '2006-07-01',
      category: 'importer',
    });
    expect(page.items.map((c) => c.companyId)).toEqual(['i1', 'i3']);
    await expect(
      listCompanies(deps, callerFor('cbp-officer'), {
        limit: 2,
        cursor: Buffer.from('{"category":99,"inner":null}').toString('base64url'),
      }),
    ).rejects.toBeInstanceOf(BadRequest);
    await expect(listCompanies(deps, callerFor('primary-poc'), { limit: 2 })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe('searching and sorting the companies list', () => {
  const stored = [
    company({
      companyId: 'a1',
      legalName: 'Harbor Freight Lines',
      sviCode: 'Q7KP-4MXW',
      enrolledAt: '2006-03-01T12:00:00.000Z',
    }),
    company({ companyId: 'a2', legalName: 'acme Imports', enrolledAt: '2006-04-01T12:00:00.000Z' }),
    company({
      companyId: 'a3',
      legalName: 'Zenith Trading',
      status: 'removed',
      enrolledAt: '2006-01-01T12:00:00.000Z',
    }),
    company({
      companyId: 'b1',
      category: 'exporter',
      legalName: 'Border Exports',
      enrolledAt: '2006-02-01T12:00:00.000Z',
      nextCertificationDueAt: '2006-06-01T04:00:00.000Z',
      portalUpdateCompletedAt: '2006-03-01T12:00:00.000Z',
    }),
  ];
  const deps = {
    clock: fixedClock('2006-05-01T12:00:00.000Z'),
    deadlines: { listRevised: async () => [] },
    companies: {
      standingOfCategory: async () => [],
      listedOfCategory: async (category: string) => stored.filter((c) => c.category === category),
      ofCategory: async () => {
        throw new Error('a search reads each category whole');
      },
    },
  };
  const ids = (page: { items: { companyId: string }[] }) => page.items.map((c) => c.companyId);
  const officer = callerFor('cbp-officer');

  it('finds a part of the legal name in any case, a whole company id, or a code as a person types it', async () => {
    expect(ids(await listCompanies(deps, officer, { limit: 25, q: 'ACME' }))).toEqual(['a2']);
    expect(ids(await listCompanies(deps, officer, { limit: 25, q: 'r' }))).toEqual(['a2', 'b1', 'a1', 'a3']);
    expect(ids(await listCompanies(deps, officer, { limit: 25, q: 'b1' }))).toEqual(['b1']);
    expect(ids(await listCompanies(deps, officer, { limit: 25, q: 'q7kp 4mxw' }))).toEqual(['a1']);
    expect(ids(await listCompanies(deps, officer, { limit: 25, q: 'a' }))).toEqual(['a2', 'a1', 'a3']);
    // The other filters still apply.
    expect(
      ids(await listCompanies(deps, officer, { limit: 25, q: 'r', status: 'active', category: 'importer' })),
    ).toEqual(['a2', 'a1']);
  });

  it('orders by name, enrollment or next due date either way, nothing due last, and pages through the order', async () => {
    const order = async (sort: CompanySort) => ids(await listCompanies(deps, officer, { limit: 25, sort }));
    expect(await order('legalName')).toEqual(['a2', 'b1', 'a1', 'a3']);
    expect(await order('-legalName')).toEqual(['a3', 'a1', 'b1', 'a2']);
    expect(await order('enrolledAt')).toEqual(['a3', 'b1', 'a1', 'a2']);
    expect(await order('-enrolledAt')).toEqual(['a2', 'a1', 'b1', 'a3']);
    // b1's recertification (June 1) comes before the importers' July 1; the removed a3 has nothing due.
    expect(await order('dueOn')).toEqual(['b1', 'a2', 'a1', 'a3']);
    // Ties stay in name order either way.
    expect(await order('-dueOn')).toEqual(['a2', 'a1', 'b1', 'a3']);
    const first = await listCompanies(deps, officer, { limit: 3, sort: 'legalName' });
    const second = await listCompanies(deps, officer, { limit: 3, sort: 'legalName', cursor: first.nextCursor! });
    expect([...ids(first), ...ids(second)]).toEqual(['a2', 'b1', 'a1', 'a3']);
    expect(second.nextCursor).toBeNull();
    await expect(
      listCompanies(deps, officer, {
        limit: 3,
        sort: 'legalName',
        cursor: Buffer.from('{"offset":-1}').toString('base64url'),
      }),
    ).rejects.toBeInstanceOf(BadRequest);
  });
});
