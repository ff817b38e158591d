import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, TEST_PASSWORD, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { temporaryPasswordIn, waitForMail } from '../support/mail.ts';
import { auditRecords, auditRecordsOf, emailClaimOf, members, membersOf } from '../support/table.ts';
import { resetCodeFor } from '../support/cognito.ts';

let api: TestApi;
let officer: Awaited<ReturnType<typeof userWithRole>>;

beforeAll(async () => {
  api = await startTestApi();
  officer = await userWithRole(api, 'cbp-officer');
});
afterAll(() => api.close());

const NEW_PASSWORD = 'my own long passphrase 2006';

/** The POC asks for the account, reads the invitation, answers the new-password challenge. */
const activatePoc = async (email: string) => {
  expect((await api.request('POST', '/auth/signup', { body: { email } })).status).toBe(202);
  const [invitation] = await waitForMail(email, 1);
  const first = await api.request('POST', '/auth/login', {
    body: { email, password: temporaryPasswordIn(invitation!) },
  });
  expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
  const done = await api.request('POST', '/auth/new-password', {
    body: { email, session: first.body.session, newPassword: NEW_PASSWORD },
  });
  expect(done.status).toBe(200);
  return done.body.tokens.idToken as string;
};

describe('account requests', () => {
  it('answer a registered and an unregistered email identically; only the registered one gets a user and one invitation', async () => {
    const company = await enrollCompany(api, officer.token);
    const stranger = uniqueEmail('stranger');

    const unregistered = await api.request('POST', '/auth/signup', { body: { email: stranger } });
    const registered = await api.request('POST', '/auth/signup', { body: { email: company.pocEmail.toUpperCase() } });

    expect(unregistered.status).toBe(202);
    expect(registered.status).toBe(202);
    expect(registered.body).toEqual(unregistered.body);
    // That both also take the same time (the work of creating an account hides inside one floor)
    // is measured, not asserted: `npm run bench` (bench/account-requests.ts).

    expect((await members()).filter((m) => m.email === stranger)).toHaveLength(0);
    expect(await membersOf(company.companyId)).toMatchObject([
      { email: company.pocEmail, role: 'primary-poc', status: 'active' },
    ]);
    const invitations = await waitForMail(company.pocEmail, 1);
    expect(await waitForMail(stranger, 0)).toHaveLength(0);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.subject).toBe('Your C-TPAT Portal account');
    expect(invitations[0]!.body.text).not.toContain(company.legalName);

    const audits = (await auditRecordsOf(company.companyId)).filter((a) => a.action === 'account.created');
    expect(audits).toHaveLength(1);

    // Asking again: same answer, no second user, no second invitation.
    expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).body).toEqual(
      unregistered.body,
    );
    expect(await membersOf(company.companyId)).toHaveLength(1);
    expect(await waitForMail(company.pocEmail, 1)).toHaveLength(1);
  });

  it('create exactly one account when twenty requests for one email arrive at once', async () => {
    const company = await enrollCompany(api, officer.token);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request('POST', '/auth/signup', {
          body: { email: company.pocEmail },
          headers: { 'x-forwarded-for': `10.0.0.${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202).length + statuses.filter((s) => s === 429).length).toBe(20);
    expect(await membersOf(company.companyId)).toHaveLength(1);
    expect(await waitForMail(company.pocEmail, 1)).toHaveLength(1);
  });

  it('are rate-limited per email, with the same 429 for a registered and an unregistered email', async () => {
    const email = uniqueEmail('hammer');
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await api.request('POST', '/auth/signup', { body: { email } })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe('the primary POC', () => {
  it('completes the new-password challenge, signs in, adds a user who receives an invitation and signs in', async () => {
    const company = await enrollCompany(api, officer.token);
    const pocToken = await activatePoc(company.pocEmail);
    const me = await api.request('GET', '/me', { token: pocToken });
    expect(me.body).toMatchObject({ role: 'primary-poc', company: { companyId: company.companyId } });
    // The portal's own date, for the pages' countdowns (the demo's clock, not the browser's).
    expect(Math.abs(Date.parse(me.body.now) - Date.now())).toBeLessThan(60_000);

    const email = uniqueEmail('analyst');
    const added = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: pocToken,
      body: { email, name: 'Jordan Lee', permissions: { editProfile: true, authorizeSharing: false } },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      email,
      role: 'company-user',
      status: 'active',
      permissions: { editProfile: true, authorizeSharing: false },
      version: 1,
    });

    const [invitation] = await waitForMail(email, 1);
    const first = await api.request('POST', '/auth/login', {
      body: { email, password: temporaryPasswordIn(invitation!) },
    });
    const done = await api.request('POST', '/auth/new-password', {
      body: { email, session: first.body.session, newPassword: NEW_PASSWORD },
    });
    const userMe = await api.request('GET', '/me', { token: done.body.tokens.idToken });
    expect(userMe.body).toMatchObject({
      email,
      role: 'company-user',
      permissions: { editProfile: true, authorizeSharing: false },
    });

    const list = await api.request('GET', `/companies/${company.companyId}/users?limit=1`, { token: pocToken });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const next = await api.request(
      'GET',
      `/companies/${company.companyId}/users?limit=1&cursor=${encodeURIComponent(list.body.nextCursor)}`,
      { token: pocToken },
    );
    expect([...list.body.items, ...next.body.items].map((u: { email: string }) => u.email).sort()).toEqual(
      [company.pocEmail, email].sort(),
    );
  });

  it('cannot be added twice: one email is one person across the portal', async () => {
    const company = await enrollCompany(api, officer.token);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const res = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: poc.token,
      body: { email: officer.email, name: 'Not Again', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(res.status).toBe(409);
  });
});

describe('access between companies and roles', () => {
  it('refuses a company user who tries to add a user, storing nothing', async () => {
    const company = await enrollCompany(api, officer.token);
    const user = await userWithRole(api, 'company-user', company.companyId);
    const before = (await members()).length;
    const res = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: user.token,
      body: { email: uniqueEmail('x'), name: 'X', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(res.status).toBe(403);
    expect((await members()).length).toBe(before);
  });

  it("gives company A's POC nothing of company B's data or users", async () => {
    const a = await enrollCompany(api, officer.token);
    const b = await enrollCompany(api, officer.token);
    const pocA = await userWithRole(api, 'primary-poc', a.companyId, a.pocEmail);
    const pocB = await userWithRole(api, 'primary-poc', b.companyId, b.pocEmail);
    for (const path of [
      `/companies/${b.companyId}`,
      `/companies/${b.companyId}/users`,
      `/companies/${b.companyId}/users/${pocB.userId}`,
    ]) {
      const res = await api.request('GET', path, { token: pocA.token });
      expect([403, 404], path).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain(b.pocEmail);
    }
    const res = await api.request('POST', `/companies/${b.companyId}/users`, {
      token: pocA.token,
      body: { email: uniqueEmail('x'), name: 'X', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect([403, 404]).toContain(res.status);
  });

  it("refuses a disabled user's still-valid token on the next request, and re-enabling restores it", async () => {
    const company = await enrollCompany(api, officer.token);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const user = await userWithRole(api, 'company-user', company.companyId);
    expect((await api.request('GET', '/me', { token: user.token })).status).toBe(200);

    const disabled = await api.request('PATCH', `/companies/${company.companyId}/users/${user.userId}`, {
      token: poc.token,
      body: { version: 1, status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', version: 2 });
    const refused = await api.request('GET', '/me', { token: user.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/disabled/);

    const stale = await api.request('PATCH', `/companies/${company.companyId}/users/${user.userId}`, {
      token: poc.token,
      body: { version: 1, status: 'active' },
    });
    expect(stale.status).toBe(409);
    const enabled = await api.request('PATCH', `/companies/${company.companyId}/users/${user.userId}`, {
      token: poc.token,
      body: { version: 2, status: 'active' },
    });
    expect(enabled.status).toBe(200);
    expect((await api.request('GET', '/me', { token: user.token })).status).toBe(200);

    const actions = (await auditRecords()).filter((a) => a.objectId === user.userId).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('lets nobody change their own status, and removes a user with If-Match, freeing their email', async () => {
    const company = await enrollCompany(api, officer.token);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const self = await api.request('PATCH', `/companies/${company.companyId}/users/${poc.userId}`, {
      token: poc.token,
      body: { version: 1, status: 'disabled' },
    });
    expect(self.status).toBe(403);

    const user = await userWithRole(api, 'company-user', company.companyId);
    expect(
      (await api.request('DELETE', `/companies/${company.companyId}/users/${user.userId}`, { token: poc.token }))
        .status,
    ).toBe(400);
    const removed = await api.request('DELETE', `/companies/${company.companyId}/users/${user.userId}`, {
      token: poc.token,
      headers: { 'if-match': '1' },
    });
    expect(removed.status).toBe(204);
    expect((await api.request('GET', '/me', { token: user.token })).status).toBe(401);
    expect(await emailClaimOf(user.email)).toBeNull();
  });

  it('hands the primary-POC role over; the old POC loses the rights at once', async () => {
    const company = await enrollCompany(api, officer.token);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const user = await userWithRole(api, 'company-user', company.companyId);
    const res = await api.request('POST', `/companies/${company.companyId}/primary-poc`, {
      token: poc.token,
      body: { userId: user.userId },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: { userId: poc.userId, role: 'company-user' },
      to: { userId: user.userId, role: 'primary-poc' },
    });

    const addByOld = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: poc.token,
      body: { email: uniqueEmail('x'), name: 'X', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(addByOld.status).toBe(403);
    const addByNew = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: user.token,
      body: { email: uniqueEmail('y'), name: 'Y', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(addByNew.status).toBe(201);
  });
});

describe('sign-in flows', () => {
  it("refreshes tokens with a refresh token from sign-in, from either pool (participants', CBP staff's)", async () => {
    const company = await enrollCompany(api, officer.token);
    for (const user of [
      await userWithRole(api, 'cbp-officer'),
      await userWithRole(api, 'company-user', company.companyId),
    ]) {
      const { refreshToken } = await api.signInTokens(user.email);
      const refreshed = await api.request('POST', '/auth/refresh', { body: { refreshToken } });
      expect(refreshed.status).toBe(200);
      expect((await api.request('GET', '/me', { token: refreshed.body.tokens.idToken })).body.email).toBe(user.email);
    }
    const bad = await api.request('POST', '/auth/refresh', { body: { refreshToken: 'x'.repeat(40) } });
    expect(bad.status).toBe(401);
  });

  it('resets a forgotten password with the code, answering known and unknown emails alike', async () => {
    const user = await userWithRole(api, 'cbp-officer');
    const known = await api.request('POST', '/auth/forgot-password', { body: { email: user.email } });
    const unknown = await api.request('POST', '/auth/forgot-password', { body: { email: uniqueEmail('ghost') } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);

    const wrong = await api.request('POST', '/auth/confirm-forgot-password', {
      body: { email: user.email, code: '000000', newPassword: 'a brand new passphrase 2006' },
    });
    expect(wrong.status).toBe(400);
    const code = resetCodeFor(user.email);
    const right = await api.request('POST', '/auth/confirm-forgot-password', {
      body: { email: user.email, code, newPassword: 'a brand new passphrase 2006' },
    });
    expect(right.status).toBe(200);
    expect(
      (
        await api.request('POST', '/auth/login', {
          body: { email: user.email, password: 'a brand new passphrase 2006' },
        })
      ).status,
    ).toBe(200);
  });
});

describe('CBP staff', () => {
  it('are added by an administrator (with an invitation), listed, and disabled at once', async () => {
    const admin = await userWithRole(api, 'cbp-admin');
    const email = uniqueEmail('new-officer');
    const added = await api.request('POST', '/staff', {
      token: admin.token,
      body: { email, name: 'Robin Diaz', role: 'cbp-officer' },
    });
    expect(added.status).toBe(201);
    expect(await waitForMail(email, 1)).toHaveLength(1);
    const listed = await api.request('GET', '/staff?limit=100', { token: admin.token });
    expect(listed.body.items.map((u: { email: string }) => u.email)).toContain(email);

    const byOfficer = await api.request('POST', '/staff', {
      token: officer.token,
      body: { email: uniqueEmail('x'), name: 'X', role: 'cbp-admin' },
    });
    expect(byOfficer.status).toBe(403);

    const target = await userWithRole(api, 'cbp-officer');
    const disabled = await api.request('PATCH', `/staff/${target.userId}`, {
      token: admin.token,
      // Version 2: the first sign-in set up the officer's authenticator app, which marks the record.
      body: { version: 2, status: 'disabled' },
    });
    expect(disabled.status).toBe(200);
    expect((await api.request('GET', '/me', { token: target.token })).status).toBe(403);
  });
});
