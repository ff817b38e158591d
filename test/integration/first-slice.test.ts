import { authenticatorSecretOf } from '../support/cognito.ts';
import { totp } from '../../lib/local/totp.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollCompany,
  enrollmentInput,
  startTestApi,
  TEST_PASSWORD,
  uniqueEmail,
  userWithRole,
  type TestApi,
} from '../support/api.ts';
import { auditRecords, companies } from '../support/table.ts';
import { temporaryPasswordIn, waitForMail } from '../support/mail.ts';

let api: TestApi;
let officer: Awaited<ReturnType<typeof userWithRole>>;

beforeAll(async () => {
  api = await startTestApi();
  officer = await userWithRole(api, 'cbp-officer');
});
afterAll(() => api.close());

describe('public endpoints', () => {
  it('answers the health check without a token', async () => {
    const res = await api.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI 3 document with every route of the route table', async () => {
    const { ROUTES } = await import('../../functions/definitions/routes.ts');
    const res = await api.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const route of ROUTES) {
      expect(res.body.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.id);
    }
    expect(res.body.paths['/companies'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['legalName', 'category', 'pocEmail', 'identifiers']),
    );
  });

  it('answers an unknown path with 404 and a wrong method with 405, in the error shape', async () => {
    const missing = await api.request('GET', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const wrong = await api.request('DELETE', '/health');
    expect(wrong.status).toBe(405);
  });
});

describe('sign-in', () => {
  it('signs in with email and password (and the app CBP staff must have), whatever the email case', async () => {
    const challenge = await api.request('POST', '/auth/login', {
      body: { email: officer.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(challenge.status).toBe(200);
    expect(challenge.body.challenge).toBe('SOFTWARE_TOKEN_MFA');
    const res = await api.request('POST', '/auth/mfa', {
      body: {
        email: officer.email.toUpperCase(),
        session: challenge.body.session,
        code: totp(authenticatorSecretOf(officer.email)),
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.tokens.idToken).toMatch(/^ey/);
    expect(res.body.tokens.expiresIn).toBeGreaterThan(0);
    expect(res.body.tokens.expiresIn).toBeLessThanOrEqual(15 * 60);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await api.request('POST', '/auth/login', {
      body: { email: officer.email, password: 'not the password at all' },
    });
    const unknown = await api.request('POST', '/auth/login', {
      body: { email: uniqueEmail('nobody'), password: 'not the password at all' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('forces a new password at first sign-in, then (CBP staff) an authenticator app, then signs in with both', async () => {
    const { createUser } = await import('../../functions/domain/users.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    const email = uniqueEmail('first');
    await createUser(
      allPorts,
      { userId: 'test', role: 'test', companyId: 'CBP', sourceIp: 'test' },
      { email, name: 'First Timer', companyId: 'CBP', role: 'cbp-officer' },
    );
    const [invitation] = await waitForMail(email, 1);
    const temporary = temporaryPasswordIn(invitation!);

    const first = await api.request('POST', '/auth/login', { body: { email, password: temporary } });
    expect(first.status).toBe(200);
    expect(first.body.challenge).toBe('NEW_PASSWORD_REQUIRED');

    const tooShort = await api.request('POST', '/auth/new-password', {
      body: { email, session: first.body.session, newPassword: 'short' },
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.details[0].field).toBe('newPassword');

    const answered = await api.request('POST', '/auth/new-password', {
      body: { email, session: first.body.session, newPassword: 'a much longer passphrase 2006' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ challenge: 'MFA_SETUP', session: expect.any(String) });
    const setup = await api.request('POST', '/auth/mfa-setup', { body: { email, session: answered.body.session } });
    const verified = await api.request('POST', '/auth/mfa-setup/verify', {
      body: { email, session: setup.body.session, code: totp(setup.body.secretCode) },
    });
    expect(verified.status).toBe(200);
    const me = await api.request('GET', '/me', { token: verified.body.tokens.idToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);

    const again = await api.request('POST', '/auth/login', {
      body: { email, password: 'a much longer passphrase 2006' },
    });
    expect(again.body).toEqual({ challenge: 'SOFTWARE_TOKEN_MFA', session: expect.any(String) });
  });
});

describe('GET /me', () => {
  it("answers the caller's role and company from the portal's records", async () => {
    const res = await api.request('GET', '/me', { token: officer.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: officer.userId,
      email: officer.email,
      role: 'cbp-officer',
      status: 'active',
      company: { companyId: 'CBP', status: 'cbp' },
    });
  });

  it('refuses a request without a token, and one with a forged token', async () => {
    expect((await api.request('GET', '/me')).status).toBe(401);
    const [header, payload] = officer.token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
    const res = await api.request('GET', '/me', { token: forged });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });
});

describe('enrollment', () => {
  it('lets a CBP officer enroll a company, writes its audit record, and reads it back', async () => {
    const input = enrollmentInput({ pocEmail: 'Officer.Mixed@Example.COM'.replace('Officer', `o${Date.now()}`) });
    const res = await api.request('POST', '/companies', { token: officer.token, body: input });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/companies/${res.body.companyId}`);
    expect(res.body).toMatchObject({
      legalName: input.legalName,
      category: 'importer',
      status: 'active',
      pocEmail: input.pocEmail.toLowerCase(),
      version: 1,
      enrolledBy: officer.userId,
    });

    const read = await api.request('GET', `/companies/${res.body.companyId}`, { token: officer.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);

    const audits = (await auditRecords()).filter((a) => a.objectId === res.body.companyId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'company.enrolled',
      actorId: officer.userId,
      actorRole: 'cbp-officer',
      companyId: res.body.companyId,
    });
    expect(audits[0]!.at).toMatch(/Z$/);
  });

  it('refuses a second company with the same POC email (one email is one person), storing nothing', async () => {
    const first = await enrollCompany(api, officer.token);
    const before = (await companies()).length;
    const res = await api.request('POST', '/companies', {
      token: officer.token,
      body: enrollmentInput({ pocEmail: first.pocEmail.toUpperCase() }),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].field).toBe('pocEmail');
    expect((await companies()).length).toBe(before);
  });

  it("lets a company's own users read it and answers 404 to another company's users", async () => {
    const own = await enrollCompany(api, officer.token);
    const other = await enrollCompany(api, officer.token);
    const poc = await userWithRole(api, 'primary-poc', own.companyId, own.pocEmail);
    expect((await api.request('GET', `/companies/${own.companyId}`, { token: poc.token })).status).toBe(200);
    const res = await api.request('GET', `/companies/${other.companyId}`, { token: poc.token });
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(other.legalName);
  });

  describe('refuses bad input with a 400 that names the problem, and stores nothing', () => {
    const cases: [string, unknown, boolean, string][] = [
      ['a missing field', { ...enrollmentInput(), legalName: undefined }, false, 'legalName'],
      ['a wrong type', { ...enrollmentInput(), legalName: 42 }, false, 'legalName'],
      ['an unknown category', { ...enrollmentInput(), category: 'pirate' }, false, 'category'],
      ['an invalid email', { ...enrollmentInput(), pocEmail: 'not-an-email' }, false, 'pocEmail'],
      [
        'a missing identifier for the category',
        { ...enrollmentInput(), identifiers: { ein: '12-3456789' } },
        false,
        'identifiers.iorNumber',
      ],
      [
        'a malformed identifier',
        { ...enrollmentInput(), identifiers: { iorNumber: '12-3456789AB', ein: '123' } },
        false,
        'identifiers.ein',
      ],
      ['an unknown extra field', { ...enrollmentInput(), isAdmin: true }, false, ''],
      ['a body that is not JSON', '{"legalName": "Acme"', true, ''],
      ['an oversized body', { ...enrollmentInput(), legalName: 'x'.repeat(70_000) }, false, ''],
      ['an empty body', '', true, ''],
    ];
    it.each(cases)('%s', async (_name, body, raw, field) => {
      const before = (await companies()).length;
      const res = await api.request('POST', '/companies', { token: officer.token, body, raw });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBeTruthy();
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      expect((await companies()).length).toBe(before);
    });
  });

  it('answers 403 to a company user and 401 without a token, storing nothing', async () => {
    const company = await enrollCompany(api, officer.token);
    const user = await userWithRole(api, 'company-user', company.companyId);
    const before = (await companies()).length;
    const forbidden = await api.request('POST', '/companies', { token: user.token, body: enrollmentInput() });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
    const anonymous = await api.request('POST', '/companies', { body: enrollmentInput() });
    expect(anonymous.status).toBe(401);
    expect((await companies()).length).toBe(before);
  });
});
