/**
 * CBP's companies list and compliance overview against DynamoDB Local: filters, the next due
 * date of each company, pagination across the category index, and the overview's counts.
 * This file has a table of its own, so the counts are exactly its companies'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { testClock } from '../support/deadlines.ts';
import { setNextCertificationDue, setPortalUpdateCompleted } from '../support/fixtures.ts';
import { programDayStart } from '../../functions/definitions/program-time.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { CompanySummary, ComplianceOverview } from '../../functions/schemas/compliance.ts';

testClock('2006-05-01T12:00:00.000Z');

let api: TestApi;
let officer: string;
let poc: string;
const co: Record<'completed' | 'removed' | 'extended' | 'brokerA' | 'brokerB' | 'exporter', Company> = {} as never;

beforeAll(async () => {
  api = await startTestApi();
  const admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
  co.completed = await enrollCompany(api, admin, { legalName: 'Completed Importer' });
  co.removed = await enrollCompany(api, admin, { legalName: 'Removed Importer' });
  co.extended = await enrollCompany(api, admin, { legalName: 'Extended Importer' });
  co.brokerA = await enrollCompany(api, admin, {
    category: 'customs-broker',
    identifiers: { filerCode: 'AB1' },
    legalName: 'Broker A',
  });
  co.brokerB = await enrollCompany(api, admin, {
    category: 'customs-broker',
    identifiers: { filerCode: 'AB2' },
    legalName: 'Broker B',
  });
  co.exporter = await enrollCompany(api, admin, {
    category: 'exporter',
    identifiers: { ein: '98-7654321' },
    legalName: 'Exporter',
  });

  // The completed importer: portal update done, recertification due next April (stored, as the
  // portal stores it, as the instant that program day starts in Washington).
  await setPortalUpdateCompleted(co.completed.companyId, '2006-05-01T12:00:00.000Z');
  await setNextCertificationDue(co.completed.companyId, programDayStart('2007-04-15'));
  const removed = await api.request('POST', `/companies/${co.removed.companyId}/removal`, {
    token: officer,
    body: { version: co.removed.version, reason: 'Validation visit found the security program not implemented.' },
  });
  expect(removed.status).toBe(200);
  const extended = await api.request('POST', `/companies/${co.extended.companyId}/deadline-extension`, {
    token: admin,
    body: { deadline: '2006-09-15', reason: 'Facility damaged by a hurricane; records being rebuilt.' },
  });
  expect(extended.status).toBe(200);
  poc = (await userWithRole(api, 'primary-poc', co.brokerA.companyId, co.brokerA.pocEmail)).token;
});
afterAll(() => api.close());

const list = async (query: Record<string, string> = {}) => {
  const res = await api.request<{ items: CompanySummary[]; nextCursor: string | null }>(
    'GET',
    `/companies?${new URLSearchParams(query)}`,
    { token: officer },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const names = (items: readonly CompanySummary[]) => items.map((c) => c.legalName).sort();

describe('GET /companies', () => {
  it('lists every company with its next due date: the enrollment deadline until the update is done, then the recertification; nothing for a removed one', async () => {
    const { items, nextCursor } = await list();
    expect(nextCursor).toBeNull();
    const due = Object.fromEntries(items.map((c) => [c.legalName, [c.dueOn, c.dueKind, c.status]]));
    expect(due).toEqual({
      'Completed Importer': ['2007-04-15', 'recertification', 'active'],
      'Removed Importer': [null, null, 'removed'],
      'Extended Importer': ['2006-09-15', 'enrollment', 'active'],
      'Broker A': ['2006-08-01', 'enrollment', 'active'],
      'Broker B': ['2006-08-01', 'enrollment', 'active'],
      // No fixed deadline for exporters: 60 days from enrollment.
      Exporter: ['2006-06-30', 'enrollment', 'active'],
    });
    expect(items.find((c) => c.legalName === 'Broker A')).toMatchObject({
      companyId: co.brokerA.companyId,
      category: 'customs-broker',
      pocEmail: co.brokerA.pocEmail,
      enrolledAt: co.brokerA.enrolledAt,
    });
  });

  it('filters by status, category and due date, alone and together', async () => {
    expect(names((await list({ status: 'removed' })).items)).toEqual(['Removed Importer']);
    expect(names((await list({ status: 'active', category: 'importer' })).items)).toEqual([
      'Completed Importer',
      'Extended Importer',
    ]);
    expect(names((await list({ category: 'customs-broker' })).items)).toEqual(['Broker A', 'Broker B']);
    expect(names((await list({ dueBefore: '2006-07-31' })).items)).toEqual(['Exporter']);
    expect(names((await list({ dueBefore: '2006-08-01' })).items)).toEqual(['Broker A', 'Broker B', 'Exporter']);
    expect(names((await list({ dueBefore: '2006-09-30', category: 'importer' })).items)).toEqual(['Extended Importer']);
    expect((await list({ status: 'removed', dueBefore: '2030-01-01' })).items).toEqual([]);
  });

  it('pages across categories with its cursor: every company once, no page over the limit', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: CompanySummary[]; nextCursor: string | null } = await list({
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.companyId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(cursor).toBeNull();
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('refuses bad filters and a cursor it never gave out with a 400 naming the field, and company users with a 403', async () => {
    for (const [query, field] of [
      [{ status: 'pending' }, 'status'],
      [{ category: 'smuggler' }, 'category'],
      [{ dueBefore: 'next week' }, 'dueBefore'],
      [{ limit: '0' }, 'limit'],
      [{ cursor: 'bm90IG91cnM' }, 'cursor'],
    ] as const) {
      const res = await api.request('GET', `/companies?${new URLSearchParams(query)}`, { token: officer });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await api.request('GET', '/companies', { token: poc })).status).toBe(403);
    expect((await api.request('GET', '/companies')).status).toBe(401);
  });

  it('searches by part of the name in any case, or a whole code or company id, sorted as asked, page by page', async () => {
    const found = await list({ q: 'importer', sort: 'legalName' });
    expect(found.items.map((c) => c.legalName)).toEqual([
      'Completed Importer',
      'Extended Importer',
      'Removed Importer',
    ]);
    const code = found.items[0]!.sviCode!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect((await list({ q: code.toLowerCase().replace('-', ' ') })).items.map((c) => c.legalName)).toEqual([
      'Completed Importer',
    ]);
    expect((await list({ q: co.exporter.companyId })).items.map((c) => c.legalName)).toEqual(['Exporter']);
    expect((await list({ q: 'importer', status: 'active', sort: '-legalName' })).items.map((c) => c.legalName)).toEqual(
      ['Extended Importer', 'Completed Importer'],
    );
    // Next due, soonest first: the extended deadline (September 15), the recertification next
    // April, and the removed company (nothing due) last.
    const byDue = await list({ sort: 'dueOn', category: 'importer' });
    expect(byDue.items.map((c) => c.legalName)).toEqual([
      'Extended Importer',
      'Completed Importer',
      'Removed Importer',
    ]);
    // Every company once across pages of the sorted list.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ sort: '-enrolledAt', limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.legalName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(names((await list()).items));
    for (const [query, field] of [
      [{ sort: 'size' }, 'sort'],
      [{ q: '' }, 'q'],
      [{ q: 'x'.repeat(201) }, 'q'],
      [{ sort: 'legalName', cursor: 'bm90IG91cnM' }, 'cursor'],
    ] as const) {
      const res = await api.request('GET', `/companies?${new URLSearchParams(query)}`, { token: officer });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});

describe('GET /compliance/overview', () => {
  it('counts companies by status and category, and due dates and removals per month around the portal date', async () => {
    const res = await api.request<ComplianceOverview>('GET', '/compliance/overview?months=3&ahead=6', {
      token: officer,
    });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2006-05-01T12:00:00.000Z');
    expect(res.body.byStatusAndCategory).toEqual([
      { status: 'active', category: 'importer', count: 2 },
      { status: 'active', category: 'customs-broker', count: 2 },
      { status: 'active', category: 'exporter', count: 1 },
      { status: 'removed', category: 'importer', count: 1 },
    ]);
    const months = Object.fromEntries(res.body.months.map((m) => [m.month, [m.deadlines, m.removals]]));
    expect(months).toEqual({
      '2006-03': [0, 0],
      '2006-04': [0, 0],
      '2006-05': [0, 1],
      '2006-06': [1, 0],
      '2006-07': [0, 0],
      '2006-08': [2, 0],
      '2006-09': [1, 0],
      '2006-10': [0, 0],
      '2006-11': [0, 0],
    });
  });

  it('defaults to twelve months back and six ahead, refuses other ranges, and is for CBP only', async () => {
    const res = await api.request<ComplianceOverview>('GET', '/compliance/overview', { token: officer });
    expect(res.body.months.map((m) => m.month)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2005, 5 + i, 1)).toISOString().slice(0, 7)),
      '2006-06',
      '2006-07',
      '2006-08',
      '2006-09',
      '2006-10',
      '2006-11',
    ]);
    expect((await api.request('GET', '/compliance/overview?months=25', { token: officer })).status).toBe(400);
    expect((await api.request('GET', '/compliance/overview?ahead=-1', { token: officer })).status).toBe(400);
    expect((await api.request('GET', '/compliance/overview', { token: poc })).status).toBe(403);
  });
});

describe('GET /reports/companies.csv', () => {
  const csv = (query: Record<string, string> = {}, token = officer) =>
    api.request<string>('GET', `/reports/companies.csv?${new URLSearchParams(query)}`, { token });

  it('answers the matching companies as a CSV file in the list order, dates as the program has them, formulas defused', async () => {
    const file = await csv({ q: 'importer', sort: 'legalName' });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="ctpat-companies-2006-05-01.csv"');
    expect(file.headers.get('cache-control')).toContain('no-store');
    const lines = file.body.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'Legal name,Status-verification code,Company id,Category,Status,Program status,Point of contact,POC email unreachable,Enrolled,Next due,Due for',
    );
    const rows = lines.slice(1, -1).map((line) => line.split(','));
    // Enrolled here, none was certified yet: applicants, and the removed one removed (decision 92).
    expect(rows.map((r) => [r[0], r[3], r[4], r[5], r[9], r[10]])).toEqual([
      ['Completed Importer', 'U.S. importer of record', 'Active', 'Applicant', '2007-04-15', 'Annual recertification'],
      ['Extended Importer', 'U.S. importer of record', 'Active', 'Applicant', '2006-09-15', 'Portal update'],
      ['Removed Importer', 'U.S. importer of record', 'Removed', 'Removed', '', ''],
    ]);
    expect(rows[0]![2]).toBe(co.completed.companyId);
    expect(rows[0]![8]).toBe('2006-05-01');

    // A name a spreadsheet would run as a formula is written as text, and a comma is quoted.
    const admin = (await userWithRole(api, 'cbp-admin')).token;
    await enrollCompany(api, admin, { legalName: '=HYPERLINK("http://x.example"), Ltd' });
    const risky = await csv({ q: 'hyperlink' });
    expect(risky.body.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x\.example""\), Ltd",/);
  });

  it('refuses bad filters naming the field, and anyone but CBP', async () => {
    const bad = await csv({ sort: 'size' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { details: [{ field: 'sort' }] } });
    expect((await csv({}, poc)).status).toBe(403);
    expect((await api.request('GET', '/reports/companies.csv')).status).toBe(401);
  });
});
