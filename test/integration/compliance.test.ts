/**
 * CBP's company list and compliance overview through the API. The table is shared with other
 * files running at the same time, so the companies here live in a category no other test
 * enrolls in (air freight consolidators) and on a clock in 2041, where nobody else's dates fall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { testClock } from '../support/deadlines.ts';
import { setNextCertificationDue } from '../support/fixtures.ts';
import { enrollmentDueDate } from '../../functions/domain/deadline-schedule.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { CompanyPage, CompanySummary, ComplianceOverview } from '../../functions/schemas/compliance.ts';
import type { DeadlinePolicy } from '../../functions/schemas/deadlines.ts';

const CATEGORY = 'air-freight-consolidator-oti-nvocc';
let api: TestApi;
let admin: string;
let officer: string;
const clock = testClock('2041-03-10T12:00:00.000Z');
const freight: Company[] = [];
let recertifying: Company;
let removed: Company;
let carrier: Company;

const listPage = async (query: Record<string, string | number>, token = officer) => {
  const res = await api.request<CompanyPage>('GET', `/companies?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** Every page of a list, following the cursor; fails on a repeated company. */
const walk = async (query: Record<string, string | number>, limit: number) => {
  const seen = new Map<string, CompanySummary>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: CompanyPage = await listPage({ ...query, limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    for (const item of page.items) {
      expect(seen.has(item.companyId), `${item.companyId} came twice`).toBe(false);
      seen.set(item.companyId, item);
    }
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { seen, pages };
};

const mine = (items: Iterable<CompanySummary>) => new Map([...items].filter((i) => freight.some((c) => c.companyId === i.companyId) || i.companyId === carrier.companyId).map((i) => [i.companyId, i]));

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
  for (let i = 0; i < 6; i += 1) freight.push(await enrollCompany(api, admin, { category: CATEGORY, identifiers: { fmcLicense: '12345' } }));
  carrier = await enrollCompany(api, admin, { category: 'mexican-long-haul-carrier', identifiers: { scac: 'MXLH' } });
  recertifying = freight[4]!;
  await setNextCertificationDue(recertifying.companyId, new Date('2041-04-15T00:00:00.000Z'));
  removed = freight[5]!;
  const removal = await api.request('POST', `/companies/${removed.companyId}/removal`, { token: officer, body: { version: removed.version, reason: 'Validation visit found no security program.' } });
  expect(removal.status).toBe(200);
});
afterAll(() => api.close());

/** The enrollment deadline the sweep would hold a company enrolled now to, under today's policy. */
const enrollmentDue = async (category: string, enrolledAt: string) => {
  const policies = (await api.request<{ items: DeadlinePolicy[] }>('GET', '/deadlines', { token: officer })).body.items;
  return enrollmentDueDate(policies.find((p) => p.category === category)!, enrolledAt);
};

describe('GET /companies', () => {
  it('pages through a category with the cursor, each company once, with its next due date', async () => {
    const { seen, pages } = await walk({ category: CATEGORY }, 2);
    expect(pages).toBeGreaterThanOrEqual(3);
    const found = mine(seen.values());
    expect([...found.keys()].sort()).toEqual(freight.map((c) => c.companyId).sort());
    const due = await enrollmentDue(CATEGORY, freight[0]!.enrolledAt);
    expect(found.get(freight[0]!.companyId)).toEqual({
      companyId: freight[0]!.companyId, legalName: freight[0]!.legalName, category: CATEGORY, status: 'active', pocEmail: freight[0]!.pocEmail,
      enrolledAt: freight[0]!.enrolledAt, dueOn: due, dueKind: 'enrollment',
    });
    expect(found.get(recertifying.companyId)).toMatchObject({ dueOn: '2041-04-15', dueKind: 'recertification' });
    expect(found.get(removed.companyId)).toMatchObject({ status: 'removed', dueOn: null, dueKind: null });
  });

  it('walks every category when none is named, across partition boundaries', async () => {
    const { seen } = await walk({}, 7);
    expect(mine(seen.values()).size).toBe(7);
  });

  it('filters by status', async () => {
    const removedOnly = await walk({ category: CATEGORY, status: 'removed' }, 100);
    expect([...mine(removedOnly.seen.values()).keys()]).toEqual([removed.companyId]);
    expect([...removedOnly.seen.values()].every((i) => i.status === 'removed')).toBe(true);
    const active = await walk({ status: 'active' }, 100);
    expect(mine(active.seen.values()).size).toBe(6);
    expect(active.seen.has(removed.companyId)).toBe(false);
  });

  it('keeps only companies due on or before dueBefore, whatever makes them due', async () => {
    const byRecert = await walk({ category: CATEGORY, dueBefore: '2041-04-15' }, 2);
    expect([...mine(byRecert.seen.values()).keys()]).toEqual([recertifying.companyId]);
    const dayBefore = await walk({ category: CATEGORY, dueBefore: '2041-04-14' }, 2);
    expect(mine(dayBefore.seen.values()).size).toBe(0);
    const due = await enrollmentDue(CATEGORY, freight[0]!.enrolledAt);
    const byEnrollment = await walk({ category: CATEGORY, dueBefore: due }, 2);
    expect([...mine(byEnrollment.seen.values()).keys()].sort()).toEqual(freight.slice(0, 5).map((c) => c.companyId).sort());
    expect([...byEnrollment.seen.values()].every((i) => i.dueOn !== null && i.dueOn <= due)).toBe(true);
  });

  it('answers 400 naming the field for a bad filter, limit or cursor', async () => {
    const cases: [string, string][] = [
      ['status=suspended', 'status'], ['category=pirate', 'category'], ['dueBefore=2041-13-01', 'dueBefore'], ['dueBefore=tomorrow', 'dueBefore'],
      ['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=ten', 'limit'], ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const res = await api.request('GET', `/companies?${query}`, { token: officer });
      expect(res.status, query).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), query).toContain(field);
    }
    expect((await api.request('GET', '/companies?colour=red', { token: officer })).status).toBe(400);
  });
});

describe('GET /compliance/overview', () => {
  it('counts companies by status and category and, per month, due dates and removals, on the portal clock', async () => {
    clock.set('2041-05-20T08:00:00.000Z');
    const started = performance.now();
    const res = await api.request<ComplianceOverview>('GET', '/compliance/overview?months=3', { token: officer });
    console.log(`[compliance] one overview call: ${(performance.now() - started).toFixed(1)} ms`);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2041-05-20T08:00:00.000Z');
    expect(res.body.byStatusAndCategory).toContainEqual({ status: 'active', category: CATEGORY, count: 5 });
    expect(res.body.byStatusAndCategory).toContainEqual({ status: 'removed', category: CATEGORY, count: 1 });
    const due = await enrollmentDue(CATEGORY, freight[0]!.enrolledAt);
    const carrierDue = await enrollmentDue('mexican-long-haul-carrier', carrier.enrolledAt);
    const expected = new Map([['2041-03', 0], ['2041-04', 1], ['2041-05', 0]]);
    for (const day of [due, due, due, due, carrierDue]) if (expected.has(day.slice(0, 7))) expected.set(day.slice(0, 7), expected.get(day.slice(0, 7))! + 1);
    expect(res.body.months).toEqual([
      { month: '2041-03', deadlines: expected.get('2041-03'), removals: 1 },
      { month: '2041-04', deadlines: expected.get('2041-04'), removals: 0 },
      { month: '2041-05', deadlines: expected.get('2041-05'), removals: 0 },
    ]);
  });

  it('covers twelve months by default and at most 24', async () => {
    clock.set('2041-05-20T08:00:00.000Z');
    const res = await api.request<ComplianceOverview>('GET', '/compliance/overview', { token: admin });
    expect(res.body.months.map((m) => m.month)).toEqual(['2040-06', '2040-07', '2040-08', '2040-09', '2040-10', '2040-11', '2040-12', '2041-01', '2041-02', '2041-03', '2041-04', '2041-05']);
    for (const months of ['0', '25', 'many', '1.5']) {
      const bad = await api.request('GET', `/compliance/overview?months=${months}`, { token: officer });
      expect(bad.status, months).toBe(400);
      expect(bad.body.error.details[0].field).toBe('months');
    }
  });
});

describe('company roles', () => {
  it('are refused both views, even of their own company', async () => {
    const poc = await userWithRole(api, 'primary-poc', carrier.companyId, carrier.pocEmail);
    const user = await userWithRole(api, 'company-user', carrier.companyId);
    for (const token of [poc.token, user.token]) {
      expect((await api.request('GET', `/companies?category=mexican-long-haul-carrier`, { token })).status).toBe(403);
      expect((await api.request('GET', '/compliance/overview', { token })).status).toBe(403);
    }
  });
});
