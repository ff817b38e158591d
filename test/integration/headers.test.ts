/**
 * Response headers (issue 17, item 8): every answer, authenticated, public or the gateway's own,
 * is never cached and tells the browser to use HTTPS only; across origins the API answers the
 * web portal's origin and no other, as the deployment does, rather than echoing any origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type ApiResponse, type TestApi } from '../support/api.ts';

let api: TestApi;
let officer: { email: string; token: string };
let companyId: string;
/** The web portal's origin in this run (the handlers' PORTAL_URL; `npm start` and the e2e tests use the web server's). */
const portalOrigin = () => new URL(process.env.PORTAL_URL!).origin;
const EVIL = 'https://evil.example';
const HSTS = 'max-age=63072000; includeSubDomains';

beforeAll(async () => {
  api = await startTestApi();
  officer = await userWithRole(api, 'cbp-officer');
  companyId = (await enrollCompany(api, officer.token)).companyId;
});
afterAll(() => api.close());

const expectSecurityHeaders = (res: ApiResponse) => {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('strict-transport-security')).toBe(HSTS);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
};

describe('every answer is never cached and HTTPS only', () => {
  it('an authenticated read', async () => {
    const res = await api.request('GET', `/companies/${companyId}`, { token: officer.token });
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
  });

  it('a public answer carrying tokens (/auth/login), and one carrying none (/health)', async () => {
    // A company user: CBP staff's sign-in answers a second-factor challenge before any token.
    const user = await userWithRole(api, 'company-user', companyId);
    const login = await api.request('POST', '/auth/login', {
      body: { email: user.email, password: 'correct horse battery staple 2006' },
    });
    expect(login.status).toBe(200);
    expect(login.body.tokens.idToken).toBeTruthy();
    expectSecurityHeaders(login);
    expectSecurityHeaders(await api.request('GET', '/health'));
  });

  it("the handlers' errors and the gateway's own (no token, no such route)", async () => {
    const invalid = await api.request('POST', '/companies', { token: officer.token, body: { legalName: '' } });
    expect(invalid.status).toBe(400);
    expectSecurityHeaders(invalid);
    const unauthorized = await api.request('GET', `/companies/${companyId}`);
    expect(unauthorized.status).toBe(401);
    expectSecurityHeaders(unauthorized);
    const missing = await api.request('GET', '/no-such-route');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe("CORS follows the web portal's origins, never any origin", () => {
  /** A read of the company, signed in or (`signedIn: false`) not. */
  const read = (origin: string, signedIn = true) =>
    api.request('GET', `/companies/${companyId}`, { token: signedIn ? officer.token : undefined, headers: { origin } });
  const preflight = async (origin: string) => {
    const res = await fetch(`${api.url}/companies/${companyId}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    await res.text();
    return res;
  };

  it("an authenticated read allows the portal's origin and not another", async () => {
    const allowed = await read(portalOrigin());
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(portalOrigin());
    expect(allowed.headers.get('vary')).toContain('Origin');
    const evil = await read(EVIL);
    expect(evil.status).toBe(200);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("the preflight allows the portal's origin, with the headers it may send, and not another", async () => {
    const allowed = await preflight(portalOrigin());
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(portalOrigin());
    expect(allowed.headers.get('access-control-allow-headers')).toContain('Authorization');
    const evil = await preflight(EVIL);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("the gateway's own refusal answers the portal's origin and not another", async () => {
    const allowed = await read(portalOrigin(), false);
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(portalOrigin());
    const evil = await read(EVIL, false);
    expect(evil.status).toBe(401);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });
});
