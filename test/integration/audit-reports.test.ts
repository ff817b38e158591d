/**
 * CBP's audit trail of the whole portal searched by company, in either order, and as a CSV file
 * (issue 21, item 6), against DynamoDB Local. This file has a table of its own, so the day's
 * records are exactly its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { accountInfoFor } from '../support/profile.ts';
import type { Company } from '../../functions/schemas/company.ts';

let api: TestApi;
let officer: string;
let alpha: Company;
let beta: Company;
let poc: string;
let day: string;

beforeAll(async () => {
  api = await startTestApi();
  const admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
  alpha = await enrollCompany(api, admin, { legalName: 'Alpha Harbor Imports' });
  beta = await enrollCompany(api, admin, { legalName: 'Beta Border Brokers' });
  poc = (await userWithRole(api, 'primary-poc', alpha.companyId, alpha.pocEmail)).token;
  const saved = await api.request('PUT', `/companies/${alpha.companyId}/account-info`, {
    token: poc,
    body: accountInfoFor(0),
  });
  expect(saved.status).toBe(200);
  day = alpha.enrolledAt.slice(0, 10);
});
afterAll(() => api.close());

type Row = { auditId: string; companyId: string; action: string; at: string; companyName?: string };
const trail = async (query: Record<string, string>) => {
  const res = await api.request('GET', `/audit?${new URLSearchParams({ day, limit: '100', ...query })}`, {
    token: officer,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Row[];
};

describe('GET /audit, searched by company and ordered', () => {
  it("finds a company's records by part of its name, its code or its id, newest or oldest first", async () => {
    const all = await trail({});
    const alphas = all.filter((r) => r.companyId === alpha.companyId);
    expect(alphas.length).toBeGreaterThanOrEqual(3);
    expect(all.some((r) => r.companyId === beta.companyId)).toBe(true);
    const byName = await trail({ company: 'harbor' });
    expect(byName.map((r) => r.auditId)).toEqual(alphas.map((r) => r.auditId));
    expect(byName.every((r) => r.companyName === 'Alpha Harbor Imports')).toBe(true);
    expect((await trail({ company: alpha.sviCode!.toLowerCase() })).map((r) => r.auditId)).toEqual(
      alphas.map((r) => r.auditId),
    );
    expect((await trail({ company: alpha.companyId })).map((r) => r.auditId)).toEqual(alphas.map((r) => r.auditId));
    expect(await trail({ company: 'no such company' })).toEqual([]);
    // With the action filter too, and oldest first: the same records the other way round.
    const enrolled = await trail({ company: 'b', action: 'company.enrolled' });
    expect(enrolled.map((r) => r.companyId).sort()).toEqual([alpha.companyId, beta.companyId].sort());
    const oldest = await trail({ company: 'harbor', order: 'oldest' });
    expect(oldest.map((r) => r.auditId)).toEqual(alphas.map((r) => r.auditId).reverse());
    expect(oldest[0]!.action).toBe('company.enrolled');
  });

  it('pages through a company search without losing or repeating a record', async () => {
    const whole = (await trail({ company: 'alpha' })).map((r) => r.auditId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api.request(
        'GET',
        `/audit?${new URLSearchParams({ day, company: 'alpha', limit: '2', ...(cursor ? { cursor } : {}) })}`,
        { token: officer },
      );
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((r: Row) => r.auditId));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(whole);
  });

  it('refuses a bad order or an empty search naming the field', async () => {
    for (const [query, field] of [
      [{ order: 'sideways' }, 'order'],
      [{ company: ' ' }, 'company'],
    ] as const) {
      const res = await api.request('GET', `/audit?${new URLSearchParams(query)}`, { token: officer });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});

describe('GET /reports/audit.csv', () => {
  it('answers the records the page shows, in its order, with names beside ids, as a CSV file', async () => {
    const shown = await trail({ company: 'harbor', order: 'oldest' });
    const file = await api.request<string>(
      'GET',
      `/reports/audit.csv?${new URLSearchParams({ day, company: 'harbor', order: 'oldest' })}`,
      { token: officer },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="ctpat-audit-${day}.csv"`);
    const lines = file.body.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(
      'When (UTC),Action,Company,Company id,About,About name,About id,By,Role,Organisation,From,Audit id',
    );
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r.at(-1))).toEqual(shown.map((r) => r.auditId));
    expect(rows[0]!.slice(0, 4)).toEqual([shown[0]!.at, 'company.enrolled', 'Alpha Harbor Imports', alpha.companyId]);
    expect(rows[0]!.slice(7, 9)).toEqual(['Test cbp-admin', 'cbp-admin']);
    expect(rows[0]![8 + 1]).toBe('CBP');
  });

  it('refuses bad filters naming the field, and anyone but CBP', async () => {
    const bad = await api.request('GET', '/reports/audit.csv?order=up', { token: officer });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('order');
    expect((await api.request('GET', '/reports/audit.csv', { token: poc })).status).toBe(403);
    expect((await api.request('GET', '/reports/audit.csv')).status).toBe(401);
  });
});
