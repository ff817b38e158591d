/**
 * Authenticator apps (issue 8 item 2, issue 17 item 6; DESIGN section 7, decision 60): CBP staff
 * sign in to their own user pool, where Cognito requires a second factor of everyone. The first
 * sign-in sets an app up (the MFA_SETUP challenge) before any token is issued, every later one asks
 * for its code, and a staff member who switches the app off in Cognito still gets no token without
 * one. Codes are computed as an app would (RFC 6238); locally the Cognito stand-in answers MFA_SETUP
 * for the staff pool's client as AWS does (docs/emulators.md).
 */
import { CognitoIdentityProviderClient, SetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, TEST_PASSWORD, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { totp } from '../../lib/local/totp.ts';
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

/** The MFA_SETUP step with a new app: its secret and the tokens the first code brings. */
const setUpApp = async (email: string, session: string) => {
  const started = await api.request('POST', '/auth/mfa-setup', { body: { email, session } });
  expect(started.status).toBe(200);
  const secret: string = started.body.secretCode;
  const verified = await api.request('POST', '/auth/mfa-setup/verify', {
    body: { email, session: started.body.session, code: totp(secret) },
  });
  expect(verified.status).toBe(200);
  return { secret, tokens: verified.body.tokens as { idToken: string; accessToken: string } };
};

describe('authenticator apps', () => {
  it('give CBP staff no token before they set one up; with one, every sign-in asks for its code', async () => {
    const officer = await newOfficer();
    const first = await login(officer.email);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) });

    const forged = await api.request('POST', '/auth/mfa-setup', {
      body: { email: officer.email, session: 'x'.repeat(40) },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('session_expired');

    const started = await api.request('POST', '/auth/mfa-setup', {
      body: { email: officer.email, session: first.body.session },
    });
    expect(started.status).toBe(200);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secretCode}`);
    expect(started.body.otpauthUri).toContain(encodeURIComponent(officer.email));
    const wrong = await api.request('POST', '/auth/mfa-setup/verify', {
      body: {
        email: officer.email,
        session: started.body.session,
        code: totp(started.body.secretCode, Date.now() - 10 * 60_000),
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('invalid_code');
    expect(wrong.body.tokens).toBeUndefined();

    const verified = await api.request('POST', '/auth/mfa-setup/verify', {
      body: { email: officer.email, session: started.body.session, code: totp(started.body.secretCode) },
    });
    expect(verified.status).toBe(200);
    const { idToken } = verified.body.tokens;
    expect((await api.request('GET', '/alerts', { token: idToken })).status).toBe(200);
    expect((await api.request('GET', '/me', { token: idToken })).body).toMatchObject({
      role: 'cbp-officer',
      mfaEnrolled: true,
    });
    const enrolled = async () =>
      (await auditRecordsOf('CBP')).filter((r) => r.action === 'user.mfa-enrolled' && r.objectId === officer.userId);
    expect(await enrolled()).toHaveLength(1);
    expect((await enrolled())[0]).toMatchObject({ actorId: officer.userId, actorRole: 'cbp-officer' });

    // The next sign-in needs the app's code.
    const second = await login(officer.email);
    expect(second.body).toEqual({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) });
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
    // Enrolled once: a later sign-in with the code writes no second record.
    expect(await enrolled()).toHaveLength(1);
  });

  it('give a staff member who switches the app off in Cognito no token without a second factor', async () => {
    const officer = await newOfficer();
    const { tokens } = await setUpApp(officer.email, (await login(officer.email)).body.session);
    // What the old portal-side flag could not stop: the user's own call to Cognito with their access token.
    const cognito = new CognitoIdentityProviderClient({});
    const dropped = await cognito
      .send(
        new SetUserMFAPreferenceCommand({
          AccessToken: tokens.accessToken,
          SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
        }),
      )
      .then(
        () => 'accepted',
        () => 'refused',
      );
    cognito.destroy();
    expect(['accepted', 'refused']).toContain(dropped);

    // Whatever Cognito made of it, a password alone is never enough: the sign-in asks for a factor.
    const again = await login(officer.email);
    expect(again.status).toBe(200);
    expect(again.body.tokens).toBeUndefined();
    expect(['MFA_SETUP', 'SOFTWARE_TOKEN_MFA']).toContain(again.body.challenge);
    if (again.body.challenge === 'MFA_SETUP') {
      // The only way on is a new app.
      const { tokens: renewed } = await setUpApp(officer.email, again.body.session);
      expect((await api.request('GET', '/alerts', { token: renewed.idToken })).status).toBe(200);
    }
  });

  it("refuses another user's access token, and lets company users work without an app", async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const officer = await newOfficer();
    const theirs = (await setUpApp(officer.email, (await login(officer.email)).body.session)).tokens.accessToken;
    const res = await api.request('POST', '/me/mfa/totp', { token: poc.token, body: { accessToken: theirs } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_access_token');
    expect((await api.request('GET', `/companies/${company.companyId}`, { token: poc.token })).status).toBe(200);
  });

  it('are required of primary POCs when the deployment says so (REQUIRE_POC_MFA), and of no other participant', async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const colleague = await userWithRole(api, 'company-user', company.companyId);
    const before = process.env.REQUIRE_POC_MFA;
    process.env.REQUIRE_POC_MFA = 'true';
    try {
      const refused = await api.request('GET', `/companies/${company.companyId}`, { token: poc.token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('mfa_required');
      expect((await api.request('GET', '/me', { token: poc.token })).body).toMatchObject({
        mfaRequired: true,
        mfaEnrolled: false,
      });
      const colleagueReads = await api.request('GET', `/companies/${company.companyId}`, { token: colleague.token });
      expect(colleagueReads.status).toBe(200);

      const { accessToken } = await api.signInTokens(poc.email);
      const started = await api.request('POST', '/me/mfa/totp', { token: poc.token, body: { accessToken } });
      const verified = await api.request('POST', '/me/mfa/totp/verification', {
        token: poc.token,
        body: { accessToken, code: totp(started.body.secretCode) },
      });
      expect(verified.status).toBe(200);
      expect((await api.request('GET', `/companies/${company.companyId}`, { token: poc.token })).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.REQUIRE_POC_MFA;
      else process.env.REQUIRE_POC_MFA = before;
    }
    // Without the setting, a POC needs none.
    const other = await enrollCompany(api, admin);
    const otherPoc = await userWithRole(api, 'primary-poc', other.companyId, other.pocEmail);
    expect((await api.request('GET', '/me', { token: otherPoc.token })).body.mfaRequired).toBe(false);
  });
});
