/**
 * Authenticator apps (issue 8, item 2; DESIGN section 7): CBP staff must set one up before the
 * portal serves them anything else; once set up, Cognito (here cognito-local, which verifies
 * TOTP codes) asks for a code at every sign-in. Codes are computed as an app would (RFC 6238).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, TEST_PASSWORD, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { totp } from '../support/totp.ts';
import { auditRecordsOf } from '../support/table.ts';

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
});
afterAll(() => api.close());

/** A CBP officer created as an administrator would (no authenticator app yet), with a permanent password. */
const newOfficer = async () => {
  const email = uniqueEmail('new-officer');
  const { createUser } = await import('../../functions/domain/users.ts');
  const { allPorts } = await import('../../lib/local/all-ports.ts');
  const { member } = await createUser(
    allPorts,
    { userId: 'test', role: 'cbp-admin', companyId: 'CBP', sourceIp: 'test' },
    { email, name: 'New Officer', companyId: 'CBP', role: 'cbp-officer' },
    { password: TEST_PASSWORD },
  );
  return { email, userId: member.userId };
};
const login = (email: string) => api.request('POST', '/auth/login', { body: { email, password: TEST_PASSWORD } });

describe('authenticator apps', () => {
  it('keep CBP staff without one to who they are and the set-up; with one, every sign-in asks for its code', async () => {
    const officer = await newOfficer();
    const first = await login(officer.email);
    const { idToken, accessToken } = first.body.tokens;
    const refused = await api.request('GET', '/alerts', { token: idToken });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('mfa_required');
    expect((await api.request('GET', '/me', { token: idToken })).body).toMatchObject({
      role: 'cbp-officer',
      mfaEnrolled: false,
    });

    const started = await api.request('POST', '/me/mfa/totp', { token: idToken, body: { accessToken } });
    expect(started.status).toBe(200);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secretCode}`);
    const wrong = await api.request('POST', '/me/mfa/totp/verification', {
      token: idToken,
      body: { accessToken, code: totp(started.body.secretCode, Date.now() - 10 * 60_000) },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_code');
    expect((await api.request('GET', '/alerts', { token: idToken })).status).toBe(403);

    const verified = await api.request('POST', '/me/mfa/totp/verification', {
      token: idToken,
      body: { accessToken, code: totp(started.body.secretCode) },
    });
    expect(verified.status).toBe(200);
    expect((await api.request('GET', '/alerts', { token: idToken })).status).toBe(200);
    expect(
      (await auditRecordsOf('CBP')).filter((r) => r.action === 'user.mfa-enrolled' && r.objectId === officer.userId),
    ).toHaveLength(1);

    // The next sign-in needs the app's code.
    const second = await login(officer.email);
    expect(second.body).toMatchObject({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) });
    const bad = await api.request('POST', '/auth/mfa', {
      body: {
        email: officer.email,
        session: second.body.session,
        code: '000000' === totp(started.body.secretCode) ? '111111' : '000000',
      },
    });
    expect(bad.status).toBe(401);
    const third = await login(officer.email);
    const answered = await api.request('POST', '/auth/mfa', {
      body: { email: officer.email, session: third.body.session, code: totp(started.body.secretCode) },
    });
    expect(answered.status).toBe(200);
    expect((await api.request('GET', '/me', { token: answered.body.tokens.idToken })).body).toMatchObject({
      mfaEnrolled: true,
    });
  });

  it("refuses another user's access token, and lets company users work without an app", async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const officer = await newOfficer();
    const theirs = (await login(officer.email)).body.tokens.accessToken;
    const res = await api.request('POST', '/me/mfa/totp', { token: poc.token, body: { accessToken: theirs } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_access_token');
    expect((await api.request('GET', `/companies/${company.companyId}`, { token: poc.token })).status).toBe(200);
  });
});
