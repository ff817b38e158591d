/**
 * Cargo security alerts and sanitized intelligence (issue 6): who they reach, the two-person
 * rule, and acknowledgements, with the emails read back from the SES emulator's store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { waitForMail, type StoredEmail } from '../support/mail.ts';
import { auditRecordsOf } from '../support/table.ts';
import type { Company } from '../../functions/schemas/company.ts';
import { sendOutboxJob } from '../support/functions.ts';

let api: TestApi;
let admin: string;
let officer: string;
let secondOfficer: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
  secondOfficer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const rail = (i: number) =>
  enrollCompany(api, admin, { category: 'rail-carrier', identifiers: { scac: `RL${String.fromCharCode(65 + i)}` } });
const sendMail = async () => (await sendOutboxJob())();
const BODY = 'Inspect every bolt seal on cars arriving from yard 14; two were found re-glued.';
const BULLETIN_SUBJECT = 'C-TPAT: a new sanitized intelligence bulletin (medium severity) for your company';

describe('alerts', () => {
  let a: Company;
  let b: Company;
  let importer: Company;
  let pocA: { email: string; token: string; userId: string };
  let userA: { email: string; token: string; userId: string };
  let disabledA: { email: string };
  let pocB: { email: string; token: string };
  let pocImporter: { email: string; token: string };
  let pocRemoved: { email: string };
  let alertId: string;

  beforeAll(async () => {
    [a, b] = [await rail(0), await rail(1)];
    await rail(2); // no accounts yet: an inbox, no email
    importer = await enrollCompany(api, admin);
    const removed = await rail(3);
    pocA = await userWithRole(api, 'primary-poc', a.companyId, a.pocEmail);
    userA = await userWithRole(api, 'company-user', a.companyId);
    const disabled = await userWithRole(api, 'company-user', a.companyId, uniqueEmail('disabled'));
    expect(
      (
        await api.request('PATCH', `/companies/${a.companyId}/users/${disabled.userId}`, {
          token: pocA.token,
          body: { version: 1, status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    disabledA = disabled;
    pocB = await userWithRole(api, 'primary-poc', b.companyId, b.pocEmail);
    pocImporter = await userWithRole(api, 'primary-poc', importer.companyId, importer.pocEmail);
    pocRemoved = await userWithRole(api, 'primary-poc', removed.companyId, removed.pocEmail);
    expect(
      (
        await api.request('POST', `/companies/${removed.companyId}/removal`, {
          token: officer,
          body: { version: 1, reason: 'Removed for the test.' },
        })
      ).status,
    ).toBe(200);
  });

  it('reaches exactly the active users of the active companies in the category, one email each, with no body', async () => {
    const published = await api.request('POST', '/alerts', {
      token: officer,
      body: {
        kind: 'cargo-security-alert',
        title: 'Re-glued seals at yard 14',
        body: BODY,
        severity: 'high',
        audience: { scope: 'categories', categories: ['rail-carrier'] },
      },
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    alertId = published.body.alertId;
    await sendMail();

    for (const who of [pocA, userA, pocB]) {
      const mail = await waitForMail(who.email, 1);
      expect(
        mail.map((m) => m.subject),
        who.email,
      ).toEqual(['C-TPAT: a new cargo security alert (high severity) for your company']);
      expect(mail[0]!.body.text).toContain('to read it and acknowledge it');
      // Neither the title nor the text: both stay in the portal.
      for (const part of [mail[0]!.subject, mail[0]!.body.text, mail[0]!.body.html]) {
        expect(part).not.toContain('Re-glued seals');
        expect(part).not.toContain('bolt seal');
      }
    }
    // (The removed company's POC has its removal notice; nothing about the alert.)
    for (const who of [disabledA, pocImporter, pocRemoved])
      expect(
        (await waitForMail(who.email, 0)).filter((m) => m.subject.includes('alert')),
        who.email,
      ).toEqual([]);

    const cbpView = await api.request('GET', `/alerts/${alertId}`, { token: admin });
    expect(cbpView.body).toMatchObject({ companies: 3, recipients: 3, fannedOutAt: expect.any(String) });
    const inbox = await api.request('GET', '/alerts', { token: userA.token });
    expect(inbox.body.items.map((i: { alertId: string }) => i.alertId)).toContain(alertId);
    expect(inbox.body.pendingAcknowledgement.map((i: { alertId: string }) => i.alertId)).toContain(alertId);
    expect((await api.request('GET', `/alerts/${alertId}`, { token: userA.token })).body).toMatchObject({ body: BODY });
    expect((await api.request('GET', `/alerts/${alertId}`, { token: pocImporter.token })).status).toBe(404);
    expect(
      (await api.request('GET', '/alerts', { token: pocImporter.token })).body.items.map(
        (i: { alertId: string }) => i.alertId,
      ),
    ).not.toContain(alertId);
    expect(
      (await auditRecordsOf('CBP')).filter((r) => r.action === 'alert.published' && r.objectId === alertId),
    ).toHaveLength(1);
  });

  it('counts acknowledgements per company and per user, once each', async () => {
    const once = await api.request('POST', `/alerts/${alertId}/acknowledgement`, { token: pocA.token });
    expect(once.status).toBe(200);
    const again = await api.request('POST', `/alerts/${alertId}/acknowledgement`, { token: pocA.token });
    expect(again.status).toBe(200);
    // Acknowledging again answers the first acknowledgement, unchanged.
    expect(again.body.at).toBe(once.body.at);
    expect((await api.request('POST', `/alerts/${alertId}/acknowledgement`, { token: userA.token })).status).toBe(200);
    expect((await api.request('POST', `/alerts/${alertId}/acknowledgement`, { token: pocImporter.token })).status).toBe(
      404,
    );
    expect((await api.request('POST', `/alerts/${alertId}/acknowledgement`, { token: officer })).status).toBe(403);

    const acks = await api.request('GET', `/alerts/${alertId}/acknowledgements`, { token: officer });
    expect(acks.body).toMatchObject({ companies: 3, acknowledgedCompanies: 1 });
    const byCompany = new Map(acks.body.items.map((i: { companyId: string }) => [i.companyId, i]));
    expect(byCompany.get(a.companyId)).toMatchObject({
      acknowledgedAt: expect.any(String),
      users: expect.arrayContaining([
        expect.objectContaining({ userId: pocA.userId }),
        expect.objectContaining({ userId: userA.userId }),
      ]),
    });
    expect((byCompany.get(a.companyId) as { users: unknown[] }).users).toHaveLength(2);
    expect(byCompany.get(b.companyId)).toEqual({ companyId: b.companyId, users: [] });
    expect(
      (await api.request('GET', '/alerts', { token: userA.token })).body.pendingAcknowledgement.map(
        (i: { alertId: string }) => i.alertId,
      ),
    ).not.toContain(alertId);
    // The second acknowledgement by the same user changed nothing, so it left no record.
    expect((await auditRecordsOf(a.companyId)).filter((r) => r.action === 'alert.acknowledged')).toHaveLength(2);
  });

  it('holds sanitized intelligence until a second CBP person approves it; its author cannot', async () => {
    const written = await api.request('POST', '/alerts', {
      token: officer,
      body: {
        kind: 'sanitized-intelligence',
        title: 'Smuggling method: hollow axles',
        body: 'Sanitized summary.',
        severity: 'medium',
        audience: { scope: 'companies', companyIds: [b.companyId] },
      },
    });
    expect(written.body).toMatchObject({ status: 'awaiting-approval' });
    const id = written.body.alertId;
    await sendMail();
    expect((await waitForMail(pocB.email, 0)).map((m) => m.subject)).not.toContain(BULLETIN_SUBJECT);
    expect((await api.request('GET', `/alerts/${id}`, { token: pocB.token })).status).toBe(404);

    const self = await api.request('POST', `/alerts/${id}/approval`, { token: officer });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('two_person_rule');
    const approved = await api.request('POST', `/alerts/${id}/approval`, { token: secondOfficer });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', approvedBy: expect.any(String) });
    expect((await api.request('POST', `/alerts/${id}/approval`, { token: admin })).status).toBe(409);
    await sendMail();
    const isBulletin = (m: StoredEmail) => m.subject === BULLETIN_SUBJECT;
    const bulletin = (await waitForMail(pocB.email, 1, isBulletin)).filter(isBulletin);
    expect(bulletin).toHaveLength(1);
    expect(`${bulletin[0]!.subject} ${bulletin[0]!.body.text} ${bulletin[0]!.body.html}`).not.toMatch(
      /hollow axles|Sanitized summary/,
    );
    expect((await api.request('GET', `/alerts/${id}`, { token: pocB.token })).status).toBe(200);
  });

  it('refuses an audience naming a company that is not enrolled, naming the field', async () => {
    const res = await api.request('POST', '/alerts', {
      token: officer,
      body: {
        kind: 'cargo-security-alert',
        title: 'T',
        body: 'B',
        severity: 'low',
        audience: { scope: 'companies', companyIds: [a.companyId, '00000000-0000-4000-8000-000000000000'] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'audience.companyIds.1', message: 'is not an enrolled company' }]);
  });
});
