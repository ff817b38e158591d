/**
 * Point-of-contact continuity (issue 16, item 3): a CBP administrator changes a company's
 * registered POC, a company's secondary contact hears its reminders and removal notice, and a
 * recorded SES bounce or complaint, fed to the event handler as EventBridge would deliver it,
 * marks the address unreachable on CBP's companies list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { waitForMail } from '../support/mail.ts';
import { sweepOn, testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import { ROOT } from '../../lib/local/paths.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { CompanySummary } from '../../functions/schemas/compliance.ts';
import { emailFeedbackHandler } from '../support/functions.ts';

let api: TestApi;
let admin: string;
let officer: string;
const clock = testClock('2006-05-01T12:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const CHANGED = 'C-TPAT: the point of contact for your portal account has changed';
const INVITATION = 'Your C-TPAT Portal account';

const company = async (id: string): Promise<Company> =>
  (await api.request<Company>('GET', `/companies/${id}`, { token: officer })).body;
const changePoc = (companyId: string, body: Record<string, unknown>, token = admin) =>
  api.request('POST', `/companies/${companyId}/poc-change`, { token, body });
/** The subjects of the emails to `email`, once `expected` of them have been sent. */
const subjects = async (email: string, expected: number) => (await waitForMail(email, expected)).map((m) => m.subject);
const openObligation = async (companyId: string) =>
  (await import('../../functions/data/obligation-store.ts')).get(companyId, 'enrollment');
/** CBP's companies list row of one company. */
const listed = async (c: Company): Promise<CompanySummary> => {
  const res = await api.request<{ items: CompanySummary[] }>('GET', `/companies?category=${c.category}&limit=100`, {
    token: officer,
  });
  expect(res.status).toBe(200);
  return res.body.items.find((row) => row.companyId === c.companyId)!;
};
/** The recorded SES event (EventBridge's envelope around SES's event publishing JSON), fed to the deployed handler. */
const recorded = (name: string): unknown => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8'));
const feed = async (event: unknown) => (await emailFeedbackHandler())(event);

describe('a CBP administrator changes the registered POC', () => {
  it('of a company without an account: audited with the reason, both addresses told, the new one may request the account, the old one freed', async () => {
    const c = await enrollCompany(api, admin);
    const newEmail = uniqueEmail('new-poc');
    const res = await changePoc(c.companyId, {
      version: 1,
      pocEmail: newEmail.toUpperCase(),
      pocName: 'Morgan Blake',
      reason: 'The POC retired; the company asked by letter.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pocEmail: newEmail, pocName: 'Morgan Blake', version: 2 });
    expect(await company(c.companyId)).toMatchObject({ pocEmail: newEmail, pocName: 'Morgan Blake', version: 2 });
    expect((await openObligation(c.companyId))?.pocEmail).toBe(newEmail);

    const records = (await auditRecordsOf(c.companyId)).filter((a) => a.action === 'company.poc-changed');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actorRole: 'cbp-admin',
      objectType: 'company',
      changes: {
        reason: 'The POC retired; the company asked by letter.',
        pocEmail: { before: c.pocEmail, after: newEmail },
        account: 'none-yet',
      },
    });

    const [toOld] = await waitForMail(c.pocEmail, 1);
    const [toNew] = await waitForMail(newEmail, 1);
    expect(toOld?.subject).toBe(CHANGED);
    expect(toOld?.body.text).toContain('This address is no longer the registered point of contact.');
    expect(toNew?.subject).toBe(CHANGED);
    expect(toNew?.body.text).toContain('This address is now the registered point of contact.');
    expect(toNew?.body.text).toContain('Request your account');
    for (const mail of [toOld!, toNew!]) {
      expect(mail.body.text).not.toContain(c.legalName);
      expect(mail.body.text).not.toContain('retired');
    }

    // The account follows the registered address: the old one gets nothing, the new one an invitation.
    expect((await api.request('POST', '/auth/signup', { body: { email: c.pocEmail } })).status).toBe(202);
    expect((await api.request('POST', '/auth/signup', { body: { email: newEmail } })).status).toBe(202);
    expect(await subjects(newEmail, 2)).toEqual([CHANGED, INVITATION]);
    expect(await subjects(c.pocEmail, 1)).toEqual([CHANGED]);
    // The old address is nobody's any more: CBP may enroll another company with it.
    expect(
      (
        await api.request('POST', '/companies', {
          token: admin,
          body: {
            legalName: 'Reuses the old address',
            category: 'importer',
            pocEmail: c.pocEmail,
            identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
          },
        })
      ).status,
    ).toBe(201);
  });

  it('of a company with an account: the old primary POC account is disabled at once, and the new address requests a fresh one', async () => {
    const c = await enrollCompany(api, admin);
    const oldPoc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const newEmail = uniqueEmail('new-poc');
    const res = await changePoc(c.companyId, {
      version: 1,
      pocEmail: newEmail,
      reason: 'Nobody answers at the registered address.',
    });
    expect(res.status).toBe(200);
    expect((await api.request('GET', '/me', { token: oldPoc.token })).status).toBe(403);
    const users = (await api.request('GET', `/companies/${c.companyId}/users`, { token: admin })).body.items;
    expect(users).toEqual([expect.objectContaining({ email: c.pocEmail, role: 'company-user', status: 'disabled' })]);
    expect((await auditRecordsOf(c.companyId)).find((a) => a.action === 'company.poc-changed')?.changes).toMatchObject({
      account: 'new-address-requests',
      disabledUserId: oldPoc.userId,
    });
    expect((await waitForMail(c.pocEmail, 1)).at(-1)!.body.text).toContain(
      'The primary point-of-contact account of this address has been disabled',
    );

    expect((await api.request('POST', '/auth/signup', { body: { email: newEmail } })).status).toBe(202);
    expect(await subjects(newEmail, 2)).toEqual([CHANGED, INVITATION]);
    const after = (await api.request('GET', `/companies/${c.companyId}/users`, { token: admin })).body.items;
    expect(after).toContainEqual(expect.objectContaining({ email: newEmail, role: 'primary-poc', status: 'active' }));
  });

  it("to the address of one of the company's active users: that user becomes the primary POC at once", async () => {
    const c = await enrollCompany(api, admin);
    const oldPoc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const analyst = await userWithRole(api, 'company-user', c.companyId);
    const res = await changePoc(c.companyId, {
      version: 1,
      pocEmail: analyst.email,
      reason: 'The analyst takes over as point of contact.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pocEmail: analyst.email, pocName: 'Test company-user' });
    expect((await api.request('GET', '/me', { token: analyst.token })).body).toMatchObject({ role: 'primary-poc' });
    expect((await api.request('GET', '/me', { token: oldPoc.token })).status).toBe(403);
    expect((await waitForMail(analyst.email, 1)).at(-1)!.body.text).toContain(
      'Sign in with your existing portal account',
    );
  });

  it('refuses a stale version, an address someone else holds, the current address, and anyone but an administrator, changing nothing', async () => {
    const c = await enrollCompany(api, admin);
    const other = await enrollCompany(api, admin);
    const staff = await userWithRole(api, 'cbp-officer');
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const before = (await auditRecordsOf(c.companyId)).length;
    const reason = 'Refused change.';

    const stale = await changePoc(c.companyId, { version: 2, pocEmail: uniqueEmail('x'), reason });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: 'version', message: 'current version is 1' }]);
    for (const taken of [other.pocEmail, staff.email]) {
      const res = await changePoc(c.companyId, { version: 1, pocEmail: taken, reason });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'email_taken',
        details: [{ field: 'pocEmail', message: 'already registered' }],
      });
    }
    const same = await changePoc(c.companyId, { version: 1, pocEmail: c.pocEmail, reason });
    expect(same.status).toBe(400);
    expect(same.body.error.details[0].field).toBe('pocEmail');
    expect((await changePoc(c.companyId, { version: 1, pocEmail: uniqueEmail('x'), reason }, officer)).status).toBe(
      403,
    );
    expect((await changePoc(c.companyId, { version: 1, pocEmail: uniqueEmail('x'), reason }, poc.token)).status).toBe(
      403,
    );
    expect(
      (await changePoc('00000000-0000-4000-8000-000000000000', { version: 1, pocEmail: uniqueEmail('x'), reason }))
        .status,
    ).toBe(404);
    expect((await changePoc(c.companyId, { version: 1, pocEmail: uniqueEmail('x') })).status).toBe(400);

    expect(await company(c.companyId)).toMatchObject({ pocEmail: c.pocEmail, version: 1 });
    expect(await auditRecordsOf(c.companyId)).toHaveLength(before);
    expect(await waitForMail(c.pocEmail, 0)).toEqual([]);
  });
});

describe('a secondary contact', () => {
  it('receives the deadline reminders and the removal notice with the POC', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const secondary = uniqueEmail('secondary');
    const res = await api.request('PUT', `/companies/${c.companyId}/secondary-contact`, {
      token: poc.token,
      body: { version: 1, name: 'Jordan Lee', email: secondary },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ secondaryContact: { name: 'Jordan Lee', email: secondary }, version: 2 });
    expect((await auditRecordsOf(c.companyId)).find((a) => a.action === 'company.secondary-contact-set')).toMatchObject(
      {
        actorId: poc.userId,
        changes: { before: null, after: { name: 'Jordan Lee', email: secondary } },
      },
    );

    await sweepOn(clock, '2006-05-01');
    const report = await sweepOn(clock, '2006-06-01');
    expect(report.actions).toContainEqual(expect.stringContaining(`(email to ${c.pocEmail} and ${secondary})`));
    expect(await subjects(secondary, 1)).toEqual(['C-TPAT: your portal update is due by July 1, 2006']);
    expect(await subjects(c.pocEmail, 1)).toEqual(['C-TPAT: your portal update is due by July 1, 2006']);
    await sweepOn(clock, '2006-06-30');
    await sweepOn(clock, '2006-07-02');
    expect(await company(c.companyId)).toMatchObject({ status: 'removed' });
    expect((await waitForMail(secondary, 3)).map((m) => m.subject)).toEqual([
      'C-TPAT: your portal update is due by July 1, 2006',
      'C-TPAT: your portal update is due by July 1, 2006',
      'C-TPAT: your company has been removed from the program',
    ]);
    expect((await waitForMail(secondary, 3)).at(-1)!.body.text).not.toContain(c.legalName);
    expect(await subjects(c.pocEmail, 3)).toHaveLength(3);
  });

  it('is named by the primary POC only, someone other than the POC, on the current version', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const user = await userWithRole(api, 'company-user', c.companyId);
    const put = (token: string, body: Record<string, unknown>) =>
      api.request('PUT', `/companies/${c.companyId}/secondary-contact`, { token, body });
    const self = await put(poc.token, { version: 1, name: 'Myself', email: c.pocEmail });
    expect(self.status).toBe(400);
    expect(self.body.error.details).toEqual([{ field: 'email', message: "is the point of contact's address" }]);
    expect((await put(poc.token, { version: 3, name: 'Late', email: uniqueEmail('s') })).status).toBe(409);
    expect((await put(user.token, { version: 1, name: 'Not mine', email: uniqueEmail('s') })).status).toBe(403);
    expect((await put(admin, { version: 1, name: 'Not CBP', email: uniqueEmail('s') })).status).toBe(403);
    expect((await company(c.companyId)).secondaryContact).toBeUndefined();
  });
});

describe('SES bounces and complaints', () => {
  it("mark the POC unreachable from a recorded permanent bounce, shown on CBP's companies list until the POC is changed", async () => {
    const c = await enrollCompany(api, admin, { pocEmail: 'security@gone-importer.example.com' });
    const bystander = await enrollCompany(api, admin);
    expect((await listed(c)).pocUnreachable).toBeNull();

    const bounce = recorded('ses-event-bounce-permanent.json');
    expect(await feed(bounce)).toEqual({ addresses: 1, marked: [`${c.companyId}:poc`] });
    const row = await listed(c);
    expect(row.pocUnreachable).toEqual({ at: '2025-03-11T14:02:31.512Z', reason: 'bounce', detail: 'General' });
    expect(row.secondaryUnreachable).toBeNull();
    expect((await listed(bystander)).pocUnreachable).toBeNull();
    expect((await company(c.companyId)).pocUnreachable).toMatchObject({ reason: 'bounce' });
    const marks = (await auditRecordsOf(c.companyId)).filter((a) => a.action === 'contact.unreachable');
    expect(marks).toEqual([
      expect.objectContaining({
        actorId: 'system:email-feedback',
        actorRole: 'system',
        changes: expect.objectContaining({ role: 'poc', email: c.pocEmail, reason: 'bounce' }),
      }),
    ]);

    // EventBridge delivers at least once: the same event again changes nothing.
    expect(await feed(bounce)).toEqual({ addresses: 1, marked: [] });
    expect((await auditRecordsOf(c.companyId)).filter((a) => a.action === 'contact.unreachable')).toHaveLength(1);

    const changed = await changePoc(c.companyId, {
      version: (await company(c.companyId)).version,
      pocEmail: uniqueEmail('reachable'),
      reason: 'The registered address bounces; the specialist called the company.',
    });
    expect(changed.status).toBe(200);
    expect((await listed(c)).pocUnreachable).toBeNull();
    expect((await auditRecordsOf(c.companyId)).find((a) => a.action === 'company.poc-changed')?.changes).toMatchObject({
      clearedUnreachable: { reason: 'bounce' },
    });
  });

  it('leave the POC alone on a transient bounce', async () => {
    const c = await enrollCompany(api, admin, { pocEmail: 'ops@full-mailbox-carrier.example.com' });
    expect(await feed(recorded('ses-event-bounce-transient.json'))).toEqual({
      ignored: 'not-a-permanent-bounce-or-complaint',
      addresses: 0,
      marked: [],
    });
    expect((await listed(c)).pocUnreachable).toBeNull();
    expect(
      await (await import('../../functions/data/contact-store.ts')).getUnreachable(
        'ops@full-mailbox-carrier.example.com',
      ),
    ).toBeNull();
    expect((await auditRecordsOf(c.companyId)).filter((a) => a.action === 'contact.unreachable')).toEqual([]);
  });

  it('mark the secondary contact unreachable from a recorded complaint', async () => {
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const named = await api.request('PUT', `/companies/${c.companyId}/secondary-contact`, {
      token: poc.token,
      body: { version: 1, name: 'Backup Contact', email: 'backup-contact@complaining-broker.example.com' },
    });
    expect(named.status).toBe(200);
    expect(await feed(recorded('ses-event-complaint.json'))).toEqual({
      addresses: 1,
      marked: [`${c.companyId}:secondary`],
    });
    const row = await listed(c);
    expect(row.pocUnreachable).toBeNull();
    expect(row.secondaryUnreachable).toEqual({ at: '2025-03-13T16:40:12.000Z', reason: 'complaint', detail: 'abuse' });
    // Naming another secondary contact clears the mark.
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/secondary-contact`, {
          token: poc.token,
          body: { version: 3, name: 'New Backup', email: uniqueEmail('backup') },
        })
      ).status,
    ).toBe(200);
    expect((await listed(c)).secondaryUnreachable).toBeNull();
  });

  it('ignore what is not an SES bounce or complaint', async () => {
    expect(
      await feed({
        source: 'aws.ses',
        'detail-type': 'Email Delivered',
        detail: {
          eventType: 'Delivery',
          mail: { messageId: 'm', timestamp: '2025-03-11T00:00:00Z', destination: ['a@example.com'] },
        },
      }),
    ).toMatchObject({ marked: [] });
    expect(await feed({ hello: 'world' })).toMatchObject({ ignored: 'not-a-permanent-bounce-or-complaint' });
  });
});
