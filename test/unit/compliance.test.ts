import { describe, expect, it } from 'vitest';
import { dueBy, monthsEnding, nextDue, overviewOf, type CompanyRecord } from '../../functions/domain/compliance-rules.ts';
import { complianceOverview, listCompanies, type ComplianceDeps } from '../../functions/domain/compliance.ts';
import { currentPolicies, initialPolicy } from '../../functions/domain/deadline-schedule.ts';
import { callerFor, fixedClock } from '../support/factories.ts';
import { Forbidden } from '../../functions/http/errors.ts';
import type { CategoryId } from '../../functions/definitions/categories.ts';
import type { Company } from '../../functions/schemas/company.ts';

const importer = initialPolicy('importer');
const company = (overrides: Partial<CompanyRecord> = {}): CompanyRecord => ({
  companyId: 'c1', legalName: 'Acme', category: 'importer', status: 'active', pocEmail: 'poc@acme.example.com', enrolledAt: '2006-05-01T09:00:00.000Z', ...overrides,
});

describe('next due date', () => {
  it('is the enrollment deadline while the portal update is incomplete, extension included', () => {
    expect(nextDue(company(), importer)).toEqual({ dueOn: '2006-07-01', dueKind: 'enrollment' });
    expect(nextDue(company({ deadlineExtendedTo: '2006-07-20' }), importer)).toEqual({ dueOn: '2006-07-20', dueKind: 'enrollment' });
    expect(nextDue(company(), { ...importer, deadline: '2006-08-01' })).toEqual({ dueOn: '2006-08-01', dueKind: 'enrollment' });
  });

  it('is the recertification date once the update is complete, and the earlier of the two when both are open', () => {
    expect(nextDue(company({ portalUpdateCompletedAt: '2006-06-01T00:00:00.000Z', nextCertificationDueAt: '2007-06-01T00:00:00.000Z' }), importer)).toEqual({ dueOn: '2007-06-01', dueKind: 'recertification' });
    expect(nextDue(company({ nextCertificationDueAt: '2006-06-15T00:00:00.000Z' }), importer)).toEqual({ dueOn: '2006-06-15', dueKind: 'recertification' });
  });

  it('is nothing for a removed company or one with nothing open', () => {
    expect(nextDue(company({ status: 'removed' }), importer)).toEqual({ dueOn: null, dueKind: null });
    expect(nextDue(company({ portalUpdateCompletedAt: '2006-06-01T00:00:00.000Z' }), importer)).toEqual({ dueOn: null, dueKind: null });
  });

  it('passes dueBefore on the day itself, not the day after, and never without a due date', () => {
    expect(dueBy({ dueOn: '2006-07-01' }, '2006-07-01')).toBe(true);
    expect(dueBy({ dueOn: '2006-07-02' }, '2006-07-01')).toBe(false);
    expect(dueBy({ dueOn: null }, '2099-01-01')).toBe(false);
    expect(dueBy({ dueOn: null }, undefined)).toBe(true);
  });
});

describe('overview', () => {
  it('names the months ending with the current one, across a year boundary', () => {
    expect(monthsEnding(new Date('2007-02-28T23:59:59Z'), 4)).toEqual(['2006-11', '2006-12', '2007-01', '2007-02']);
    expect(monthsEnding(new Date('2007-03-31T00:00:00Z'), 1)).toEqual(['2007-03']);
  });

  it('counts every status and category pair, due dates per month and removals per month', () => {
    const policies = currentPolicies([]);
    const overview = overviewOf(
      [
        company({ companyId: 'a' }), // due 2006-07-01
        company({ companyId: 'b', deadlineExtendedTo: '2006-08-10' }),
        company({ companyId: 'c', category: 'customs-broker', portalUpdateCompletedAt: '2006-06-01T00:00:00Z', nextCertificationDueAt: '2006-08-31T00:00:00.000Z' }),
        company({ companyId: 'd', status: 'removed', removal: { at: '2006-07-02T06:00:00.000Z', reason: 'enrollment-deadline-missed', by: 'system' } }),
        company({ companyId: 'e', status: 'removed', removal: { at: '2005-01-02T06:00:00.000Z', reason: 'cbp-decision', by: 'x' } }),
      ],
      policies,
      new Date('2006-08-15T12:00:00Z'),
      3,
    );
    expect(overview.asOf).toBe('2006-08-15T12:00:00.000Z');
    expect(overview.byStatusAndCategory).toHaveLength(2 * policies.size);
    expect(overview.byStatusAndCategory).toContainEqual({ status: 'active', category: 'importer', count: 2 });
    expect(overview.byStatusAndCategory).toContainEqual({ status: 'active', category: 'customs-broker', count: 1 });
    expect(overview.byStatusAndCategory).toContainEqual({ status: 'removed', category: 'importer', count: 2 });
    expect(overview.byStatusAndCategory).toContainEqual({ status: 'removed', category: 'exporter', count: 0 });
    expect(overview.months).toEqual([
      { month: '2006-06', deadlines: 0, removals: 0 },
      { month: '2006-07', deadlines: 1, removals: 1 },
      { month: '2006-08', deadlines: 2, removals: 0 },
    ]);
  });
});

const stored = (overrides: Partial<Company>): Company =>
  ({ identifiers: {}, enrolledBy: 'x', version: 1, ...company(overrides) }) as Company;

/** In-memory category partitions, paged the way the index pages them. */
const fakeDeps = (companies: Company[], calls: string[] = []): ComplianceDeps => ({
  clock: fixedClock('2006-06-15T10:00:00.000Z'),
  deadlines: { listRevised: async () => [] },
  companyLists: {
    inCategory: async (category: CategoryId, status, cursor, limit) => {
      calls.push(category);
      const all = companies.filter((c) => c.category === category && (!status || c.status === status)).sort((a, b) => `${a.status}${a.companyId}`.localeCompare(`${b.status}${b.companyId}`));
      const from = cursor ? Number(cursor) : 0;
      const next = from + limit < all.length ? String(from + limit) : null;
      return { items: all.slice(from, from + limit), cursor: next };
    },
    allInCategory: async (category: CategoryId) => companies.filter((c) => c.category === category),
  },
});

describe('company list', () => {
  const companies = [
    ...['a1', 'a2', 'a3'].map((id) => stored({ companyId: id })),
    stored({ companyId: 'b1', category: 'customs-broker' }),
    stored({ companyId: 'r1', status: 'removed' }),
    stored({ companyId: 'x1', category: 'exporter', enrolledAt: '2006-06-01T00:00:00.000Z' }),
  ];

  it('walks every category with small pages and gives each company once', async () => {
    const deps = fakeDeps(companies);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCompanies(deps, callerFor('cbp-officer'), { limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.companyId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'r1', 'x1']);
  });

  it('filters by status, category and due date', async () => {
    const deps = fakeDeps(companies);
    const ids = async (query: Parameters<typeof listCompanies>[2]) => (await listCompanies(deps, callerFor('cbp-admin'), query)).items.map((i) => i.companyId).sort();
    expect(await ids({ limit: 100, status: 'removed' })).toEqual(['r1']);
    expect(await ids({ limit: 100, category: 'customs-broker' })).toEqual(['b1']);
    // Importers are due 2006-07-01, brokers 2006-08-01, the exporter 60 days after 2006-06-01.
    expect(await ids({ limit: 100, dueBefore: '2006-07-01' })).toEqual(['a1', 'a2', 'a3']);
    expect(await ids({ limit: 100, dueBefore: '2006-07-31' })).toEqual(['a1', 'a2', 'a3', 'x1']);
  });

  it('queries only the category asked for', async () => {
    const calls: string[] = [];
    await listCompanies(fakeDeps(companies, calls), callerFor('cbp-officer'), { limit: 25, category: 'exporter' });
    expect(calls).toEqual(['exporter']);
  });

  it('refuses a cursor it never gave out, and one from a list of another category', async () => {
    const deps = fakeDeps(companies);
    await expect(listCompanies(deps, callerFor('cbp-officer'), { limit: 2, cursor: 'not-a-cursor' })).rejects.toMatchObject({ status: 400 });
    const first = await listCompanies(deps, callerFor('cbp-officer'), { limit: 1 });
    await expect(listCompanies(deps, callerFor('cbp-officer'), { limit: 1, category: 'exporter', cursor: first.nextCursor! })).rejects.toMatchObject({ status: 400 });
  });

  it('is CBP staff only, and so is the overview', async () => {
    await expect(listCompanies(fakeDeps(companies), callerFor('primary-poc'), { limit: 25 })).rejects.toBeInstanceOf(Forbidden);
    await expect(complianceOverview(fakeDeps(companies), callerFor('company-user'), 12)).rejects.toBeInstanceOf(Forbidden);
  });

  it('dates the overview by the portal clock', async () => {
    const overview = await complianceOverview(fakeDeps(companies), callerFor('cbp-officer'), 2);
    expect(overview.asOf).toBe('2006-06-15T10:00:00.000Z');
    expect(overview.months).toEqual([{ month: '2006-05', deadlines: 0, removals: 0 }, { month: '2006-06', deadlines: 0, removals: 0 }]);
  });
});
