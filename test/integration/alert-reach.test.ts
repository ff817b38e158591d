/**
 * The reach of an alert's audience before it is published (issue 21 item 5): the companies and
 * users `POST /alert-reach` counts are those the fan-out then delivers to; it is CBP's alone and
 * writes nothing. Also the portal trail's action filter, which reads on past pages of other actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { auditCount } from '../support/table.ts';
import type { Company } from '../../functions/schemas/company.ts';

let api: TestApi;
let admin: string;
let officer: string;
// Categories no other test file enrols in, so their counts are this file's alone.
const CATEGORY = 'highway-carrier-us-mexico';
const OTHER_CATEGORY = 'air-freight-consolidator-oti-nvocc';
let withUsers: Company;
let pocOnly: Company;
let noAccounts: Company;
let removed: Company;
let poc: { token: string };
let member: { token: string };

const reach = (audience: unknown, token: string | undefined = officer) =>
  api.request('POST', '/alert-reach', { token, body: { audience } });

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
  const carrier = (scac: string) => enrollCompany(api, admin, { category: CATEGORY, identifiers: { scac } });
  [withUsers, pocOnly, noAccounts, removed] = [
    await carrier('MXA'),
    await carrier('MXB'),
    await carrier('MXC'),
    await carrier('MXD'),
  ];
  // withUsers: its POC and two users active, a third user disabled (3 reached).
  poc = await userWithRole(api, 'primary-poc', withUsers.companyId, withUsers.pocEmail);
  member = await userWithRole(api, 'company-user', withUsers.companyId);
  await userWithRole(api, 'company-user', withUsers.companyId);
  const disabled = await userWithRole(api, 'company-user', withUsers.companyId);
  expect(
    (
      await api.request('PATCH', `/companies/${withUsers.companyId}/users/${disabled.userId}`, {
        token: poc.token,
        body: { version: 1, status: 'disabled' },
      })
    ).status,
  ).toBe(200);
  // pocOnly: 1 reached; noAccounts: an inbox and nobody to email; removed: out of its category's reach.
  await userWithRole(api, 'primary-poc', pocOnly.companyId, pocOnly.pocEmail);
  await userWithRole(api, 'primary-poc', removed.companyId, removed.pocEmail);
  expect(
    (
      await api.request('POST', `/companies/${removed.companyId}/removal`, {
        token: officer,
        body: { version: 1, reason: 'Removed for the test.' },
      })
    ).status,
  ).toBe(200);
  const consolidator = await enrollCompany(api, admin, {
    category: OTHER_CATEGORY,
    identifiers: { fmcLicense: '4417' },
  });
  await userWithRole(api, 'primary-poc', consolidator.companyId, consolidator.pocEmail);
});
afterAll(() => api.close());

describe('the reach of an audience', () => {
  it("counts a category's active companies and their active users, and the fan-out then delivers to exactly those", async () => {
    const before = await auditCount();
    const counted = await reach({ scope: 'categories', categories: [CATEGORY] });
    expect(counted.status).toBe(200);
    expect(counted.body).toEqual({ companies: 3, users: 4 });
    // A read of counts: no audit record, nothing published.
    expect(await auditCount()).toBe(before);

    const published = await api.request('POST', '/alerts', {
      token: officer,
      body: {
        kind: 'cargo-security-alert',
        title: 'Trailer seals cut at the Laredo crossing',
        body: 'Inspect every trailer seal before the crossing.',
        severity: 'medium',
        audience: { scope: 'categories', categories: [CATEGORY] },
      },
    });
    expect(published.status).toBe(201);
    await expect
      .poll(async () => (await api.request('GET', `/alerts/${published.body.alertId}`, { token: officer })).body, {
        timeout: 20_000,
      })
      .toMatchObject({ companies: 3, recipients: 4, fannedOutAt: expect.any(String) });
  });

  it('counts named companies, removed ones too, as the fan-out delivers to them', async () => {
    const counted = await reach({
      scope: 'companies',
      companyIds: [withUsers.companyId, noAccounts.companyId, removed.companyId],
    });
    expect(counted.status).toBe(200);
    expect(counted.body).toEqual({ companies: 3, users: 4 });
  });

  it('adds up several categories, and every participant reaches at least as many', async () => {
    const two = await reach({ scope: 'categories', categories: [CATEGORY, OTHER_CATEGORY] });
    expect(two.body).toEqual({ companies: 4, users: 5 });
    const all = await reach({ scope: 'all' });
    expect(all.status).toBe(200);
    expect(all.body.companies).toBeGreaterThanOrEqual(4);
    expect(all.body.users).toBeGreaterThanOrEqual(5);
  });

  it('names the company of the audience that is not enrolled, and the field of a malformed audience', async () => {
    const unknown = await reach({
      scope: 'companies',
      companyIds: [withUsers.companyId, '7d3c1f58-2f7e-4d27-9a55-0f4f4b1b8c11'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { field: 'audience.companyIds.1', message: 'is not an enrolled company' },
    ]);
    const empty = await reach({ scope: 'categories', categories: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.map((d: { field: string }) => d.field)).toEqual(['audience.categories']);
    const missing = await api.request('POST', '/alert-reach', { token: officer, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(['audience']);
  });

  it("is CBP's: a participant is refused with a 403 and an anonymous caller with a 401", async () => {
    for (const token of [poc.token, member.token]) {
      const refused = await reach({ scope: 'all' }, token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toEqual(expect.any(String));
    }
    expect((await api.request('POST', '/alert-reach', { body: { audience: { scope: 'all' } } })).status).toBe(401);
  });
});

describe("the portal trail's action filter", () => {
  it('finds an action whose records lie past the first records read, rather than answer an empty page', async () => {
    const published = await api.request('POST', '/alerts', {
      token: officer,
      body: {
        kind: 'cargo-security-alert',
        title: 'Filter check',
        body: 'Check the filter.',
        severity: 'low',
        audience: { scope: 'companies', companyIds: [noAccounts.companyId] },
      },
    });
    expect(published.status).toBe(201);
    // Newer records of another action: the first record read is not the one asked for.
    for (const scac of ['MXE', 'MXF', 'MXG'])
      await enrollCompany(api, admin, { category: CATEGORY, identifiers: { scac } });
    const day = new Date().toISOString().slice(0, 10);
    const page = await api.request('GET', `/audit?day=${day}&action=alert.published&limit=1`, { token: officer });
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].action).toBe('alert.published');
  });
});
