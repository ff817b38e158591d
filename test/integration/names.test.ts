/**
 * Names, not ids (issue 21 item 4, decision 85): the audit trail and an alert name people and
 * companies, resolved when read, as far as the reader may know them: CBP everyone; a company its
 * own people, CBP as "CBP" and never an officer's name or id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { accountInfoFor } from '../support/profile.ts';
import type { Company } from '../../functions/schemas/company.ts';

let api: TestApi;
let admin: { token: string; userId: string };
let officer: { token: string; userId: string };
let company: Company;
let poc: { token: string; userId: string };
let colleague: { token: string; userId: string };

beforeAll(async () => {
  api = await startTestApi();
  admin = await userWithRole(api, 'cbp-admin');
  officer = await userWithRole(api, 'cbp-officer');
  company = await enrollCompany(api, admin.token, { legalName: 'Named Importer LLC' });
  poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  colleague = await userWithRole(api, 'company-user', company.companyId, uniqueEmail('colleague'));
  const saved = await api.request('PUT', `/companies/${company.companyId}/account-info`, {
    token: poc.token,
    body: accountInfoFor(0),
  });
  expect(saved.status).toBe(200);
  // CBP reads the company's account information: a confidential read, recorded in its trail.
  expect(
    (await api.request('GET', `/companies/${company.companyId}/account-info`, { token: officer.token })).status,
  ).toBe(200);
});
afterAll(() => api.close());

type Row = Record<string, any>;
const trail = async (token: string, action: string): Promise<Row[]> => {
  const res = await api.request('GET', `/companies/${company.companyId}/audit?action=${action}&limit=100`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};

describe('the audit trail names people and companies', () => {
  it('to CBP: who acted, their organisation, the company and what it is about', async () => {
    const [enrolled = {}] = await trail(officer.token, 'company.enrolled');
    expect(enrolled).toMatchObject({
      actorId: admin.userId,
      actorName: 'Test cbp-admin',
      actorCompanyName: 'CBP',
      companyName: 'Named Importer LLC',
      objectName: 'Named Importer LLC',
    });
    const [read = {}] = await trail(admin.token, 'account-info.read');
    expect(read).toMatchObject({ actorName: 'Test cbp-officer', actorCompanyName: 'CBP' });
    const [saved] = await trail(officer.token, 'account-info.saved');
    expect(saved).toMatchObject({ actorName: 'Test primary-poc', actorCompanyName: 'Named Importer LLC' });

    const day = (enrolled.at as string).slice(0, 10);
    const portal = await api.request('GET', `/audit?day=${day}&action=company.enrolled&limit=100`, {
      token: officer.token,
    });
    const mine = portal.body.items.find((r: Row) => r.companyId === company.companyId);
    expect(mine).toMatchObject({ companyName: 'Named Importer LLC', actorName: 'Test cbp-admin' });
  });

  it("to the company: its own people by name, CBP by organisation only, never an officer's name or id", async () => {
    for (const reader of [poc, colleague]) {
      const [saved] = await trail(reader.token, 'account-info.saved');
      expect(saved).toMatchObject({ actorName: 'Test primary-poc', companyName: 'Named Importer LLC' });
      const [read = {}] = await trail(reader.token, 'account-info.read');
      expect(read.actorCompanyName).toBe('CBP');
      expect(read).not.toHaveProperty('actorId');
      expect(read).not.toHaveProperty('actorName');
      expect(JSON.stringify(read)).not.toContain('Test cbp-officer');
      const [enrolled = {}] = await trail(reader.token, 'company.enrolled');
      expect(enrolled).not.toHaveProperty('actorName');
      expect(JSON.stringify(enrolled)).not.toContain(admin.userId);
    }
  });

  it('names the user a user-management record is about only to those who manage users', async () => {
    const added = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: poc.token,
      body: {
        email: uniqueEmail('added'),
        name: 'Robin Added',
        permissions: { editProfile: false, authorizeSharing: false },
      },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const [byPoc] = await trail(poc.token, 'user.created');
    expect(byPoc).toMatchObject({ objectType: 'user', objectName: 'Robin Added', actorName: 'Test primary-poc' });
    const [byCbp = {}] = await trail(officer.token, 'user.created');
    expect(byCbp.objectName).toBe('Robin Added');
    const [byColleague] = await trail(colleague.token, 'user.created');
    expect(byColleague).not.toHaveProperty('objectName');
  });
});

describe('an alert names who wrote and approved it, to CBP only', () => {
  it('gives CBP the officers and the named companies by name, and a company none of it', async () => {
    const written = await api.request('POST', '/alerts', {
      token: officer.token,
      body: {
        kind: 'sanitized-intelligence',
        title: 'Seal tampering reported',
        body: 'Check seals at the port of entry.',
        severity: 'high',
        audience: { scope: 'companies', companyIds: [company.companyId] },
      },
    });
    expect(written.status, JSON.stringify(written.body)).toBe(201);
    const alertId = written.body.alertId;
    expect((await api.request('POST', `/alerts/${alertId}/approval`, { token: admin.token })).status).toBeLessThan(300);
    const asCbp = await api.request('GET', `/alerts/${alertId}`, { token: officer.token });
    expect(asCbp.body).toMatchObject({
      createdBy: officer.userId,
      createdByName: 'Test cbp-officer',
      approvedBy: admin.userId,
      approvedByName: 'Test cbp-admin',
      companyNames: ['Named Importer LLC'],
    });
    const asCompany = await api.request('GET', `/alerts/${alertId}`, { token: poc.token });
    expect(asCompany.status).toBe(200);
    for (const field of ['createdBy', 'createdByName', 'approvedBy', 'approvedByName', 'companyNames'])
      expect(asCompany.body).not.toHaveProperty(field);
  });
});
