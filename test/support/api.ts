/**
 * Test-side helpers: the dev server started in this worker (handlers run here, against this
 * file's table), a small HTTP client, and factories for users and companies.
 */
import { randomUUID } from 'node:crypto';
import { expect, inject } from 'vitest';
import { startDevServer } from '../../lib/local/dev-server.ts';
import { cognitoIdTokenVerifier, portalPools } from '../../lib/local/token-verifier.ts';
import { parseAllowedOrigins } from '../../functions/definitions/api-headers.ts';
import type { Role } from '../../functions/definitions/roles.ts';
import type { RouteDefinition } from '../../functions/definitions/routes.ts';
import { CBP_COMPANY_ID } from '../../functions/definitions/roles.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { EnrollCompany } from '../../functions/schemas/requests/companies.ts';
import { recordSent } from './confidential-log.ts';
import { authenticatorSecretOf } from './cognito.ts';
import { totp } from '../../lib/local/totp.ts';
import { type ContractCheck, contractCheck, recordMismatch } from './contract.ts';

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  readonly token?: string;
  /** A value sent as JSON, or a string sent as is (for malformed bodies). */
  readonly body?: unknown;
  readonly raw?: boolean;
  readonly headers?: Record<string, string>;
}

export const TEST_PASSWORD = 'correct horse battery staple 2006';

/** The contract check, built once per worker from the first test API's `/openapi.json`. */
let contract: Promise<ContractCheck> | undefined;
const contractOf = (url: string): Promise<ContractCheck> =>
  (contract ??= fetch(`${url}/openapi.json`)
    .then((response) => response.json() as Promise<object>)
    .then(contractCheck));

/** `routes`: serve this route table instead of the real one (a route with less access than it declares). */
export const startTestApi = async (options: { routes?: readonly RouteDefinition[] } = {}) => {
  const backends = inject('backends');
  const verifier = cognitoIdTokenVerifier(portalPools(backends.resources));
  // The origins the handlers allow (ALLOWED_ORIGINS, from the web portal's URL), for the server's own answers too.
  const { server, url } = await startDevServer({
    verifier,
    allowedOrigins: parseAllowedOrigins(process.env.ALLOWED_ORIGINS ?? ''),
    ...(options.routes ? { routes: options.routes } : {}),
  });
  // Idle kept-alive connections are closed by the client (fetch, after 4 s) and never by the server:
  // a worker's event loop busy past both timers could otherwise have the server close one the
  // client was reusing (ECONNRESET). With no timeout the server sends no Keep-Alive hint either.
  server.keepAliveTimeout = 0;

  const request = async <T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      // Every confidential value a test sends is one no email may carry (checked at the run's end).
      if (!options.raw) recordSent(method, path, options.body);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
        headers['content-type'] = 'application/json';
      body = options.raw ? String(options.body) : JSON.stringify(options.body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // leave the text as is
    }
    // Every answer is held to the document (a mismatch fails the test that received it: integration-setup.ts).
    const problems = (await contractOf(url))({
      method,
      path,
      status: response.status,
      headers: response.headers,
      body: text ? parsed : undefined,
    });
    if (problems.length > 0)
      recordMismatch({
        test: expect.getState().currentTestName ?? '(outside a test)',
        request: `${method} ${path} -> ${response.status}`,
        problems,
      });
    return { status: response.status, headers: response.headers, body: parsed as T };
  };

  /**
   * Signs in as a person would, with the second factor when Cognito asks for it: CBP staff set up
   * an authenticator app at their first sign-in (MFA_SETUP) and answer its code at every later one.
   */
  const signInTokens = async (email: string, password = TEST_PASSWORD): Promise<SignedIn> => {
    const failed = (step: string, res: ApiResponse) =>
      new Error(`sign-in of ${email} failed at ${step}: ${res.status} ${JSON.stringify(res.body)}`);
    let res = await request('POST', '/auth/login', { body: { email, password } });
    if (res.status === 200 && res.body.challenge === 'MFA_SETUP') {
      const setup = await request('POST', '/auth/mfa-setup', { body: { email, session: res.body.session } });
      if (setup.status !== 200) throw failed('MFA_SETUP', setup);
      authenticatorSecrets.set(email, setup.body.secretCode);
      res = await request('POST', '/auth/mfa-setup/verify', {
        body: { email, session: setup.body.session, code: totp(setup.body.secretCode) },
      });
    } else if (res.status === 200 && res.body.challenge === 'SOFTWARE_TOKEN_MFA') {
      const secret = authenticatorSecrets.get(email) ?? authenticatorSecretOf(email);
      res = await request('POST', '/auth/mfa', { body: { email, session: res.body.session, code: totp(secret) } });
    }
    if (res.status !== 200 || !res.body.tokens) throw failed('sign-in', res);
    return res.body.tokens as SignedIn;
  };
  const signIn = async (email: string, password = TEST_PASSWORD): Promise<string> =>
    (await signInTokens(email, password)).idToken;

  return {
    url,
    request,
    signIn,
    signInTokens,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;

/** What a finished sign-in answers. */
export interface SignedIn {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
}

/** The authenticator apps this worker set up, by email (a person's phone, in effect). */
const authenticatorSecrets = new Map<string, string>();

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

/** A user with a permanent password, created the way the seed does; returns a signed-in token. */
export const userWithRole = async (api: TestApi, role: Role, companyId = CBP_COMPANY_ID, email = uniqueEmail(role)) => {
  const { provisionUser } = await import('../../functions/domain/users.ts');
  const { allPorts } = await import('../../lib/local/all-ports.ts');
  const userId = await provisionUser(allPorts, {
    email,
    name: `Test ${role}`,
    companyId,
    role,
    password: TEST_PASSWORD,
  });
  return { userId, email, token: await api.signIn(email) };
};

export const enrollmentInput = (overrides: Partial<EnrollCompany> = {}): EnrollCompany => ({
  legalName: `Test Importer ${randomUUID().slice(0, 6)}`,
  category: 'importer',
  pocEmail: uniqueEmail('poc'),
  identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
  ...overrides,
});

export const enrollCompany = async (
  api: TestApi,
  cbpToken: string,
  overrides: Partial<EnrollCompany> = {},
): Promise<Company> => {
  const res = await api.request<Company>('POST', '/companies', { token: cbpToken, body: enrollmentInput(overrides) });
  if (res.status !== 201) throw new Error(`enrollment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** The signed-in user confirms their password (decision 95), as a certification's signature needs within minutes. */
export const reauthenticate = async (api: TestApi, token: string, password = TEST_PASSWORD): Promise<void> => {
  const res = await api.request('POST', '/me/reauthentication', { token, body: { password } });
  if (res.status !== 200) throw new Error(`re-authentication failed: ${res.status} ${JSON.stringify(res.body)}`);
};
