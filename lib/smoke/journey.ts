/**
 * The deploy smoke journey (`npm run smoke`): a short walk through a running portal that changes
 * nothing a participant or CBP would see. It speaks only HTTP, as a browser and the web client do,
 * so the same steps run against a deployment and against the local stack (`npm test` runs it there).
 *
 * The signed-in steps need a smoke account: a participant user the operator names. Signing in and
 * out writes the sign-in audit records every person's sign-in writes, and nothing else.
 */
import { totp } from '../local/totp.ts';

export interface SmokeAccount {
  readonly email: string;
  readonly password: string;
  /** The account's authenticator app secret, when it has one (Cognito then asks for a code). */
  readonly totpSecret?: string;
}

export interface SmokeTarget {
  /** The API's base URL, e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod */
  readonly api: string;
  /** The web portal's URL, e.g. https://d111.cloudfront.net */
  readonly web: string;
  readonly account?: SmokeAccount;
}

export interface SmokeStep {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  /** What was seen (on success) or what was wrong (on failure). */
  readonly detail: string;
}

class StepFailed extends Error {}

const check = (condition: unknown, message: string): void => {
  if (!condition) throw new StepFailed(message);
};

const trim = (url: string) => url.replace(/\/+$/, '');

const TIMEOUT_MS = 10_000;

const call = async (url: string, init: RequestInit = {}) => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  const text = await response.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
};

const post = (url: string, body: unknown, token?: string) =>
  call(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** The security headers the web portal must send (lib/web-headers.ts), as properties rather than exact strings. */
const checkWebHeaders = (headers: Headers, apiOrigin: string): string => {
  const csp = headers.get('content-security-policy') ?? '';
  check(csp, 'no Content-Security-Policy header');
  check(/frame-ancestors 'none'/.test(csp), `the Content-Security-Policy lacks frame-ancestors 'none': ${csp}`);
  check(/script-src 'self'(;|$)/.test(csp), `the Content-Security-Policy allows scripts beyond 'self': ${csp}`);
  check(csp.includes(apiOrigin), `the Content-Security-Policy's connect-src does not name the API (${apiOrigin})`);
  const hsts = headers.get('strict-transport-security') ?? '';
  const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0);
  check(maxAge >= 31_536_000, `Strict-Transport-Security max-age under a year: "${hsts}"`);
  check(headers.get('x-content-type-options') === 'nosniff', 'no X-Content-Type-Options: nosniff');
  check(headers.get('x-frame-options')?.toUpperCase() === 'DENY', 'no X-Frame-Options: DENY');
  check(headers.get('referrer-policy'), 'no Referrer-Policy header');
  return 'CSP, HSTS, nosniff, frame and referrer policies present';
};

interface Session {
  idToken?: string;
  refreshToken?: string;
  companyId?: string;
}

const signIn = async (api: string, account: SmokeAccount, session: Session): Promise<string> => {
  let res = await post(`${api}/auth/login`, { email: account.email, password: account.password });
  check(res.status === 200, `sign-in answered ${res.status} ${res.text.slice(0, 200)}`);
  if (res.body?.challenge === 'SOFTWARE_TOKEN_MFA') {
    check(account.totpSecret, 'the account asks for an authenticator code: set SMOKE_TOTP_SECRET');
    res = await post(`${api}/auth/mfa`, {
      email: account.email,
      session: res.body.session,
      code: totp(account.totpSecret!),
    });
    check(res.status === 200, `the authenticator code answered ${res.status} ${res.text.slice(0, 200)}`);
  }
  check(
    !res.body?.challenge,
    `sign-in asks for ${res.body?.challenge}: use an account that has finished its first sign-in`,
  );
  check(res.body?.tokens?.idToken && res.body.tokens.refreshToken, 'sign-in answered without tokens');
  session.idToken = res.body.tokens.idToken;
  session.refreshToken = res.body.tokens.refreshToken;
  return `signed in as ${account.email}`;
};

/**
 * Runs the journey, reporting each step as it ends. A failed step ends the steps that depend on
 * it; the independent ones still run, so one report names everything that is wrong.
 */
export const runSmoke = async (target: SmokeTarget, report: (step: SmokeStep) => void): Promise<SmokeStep[]> => {
  const api = trim(target.api);
  const web = trim(target.web);
  const apiOrigin = new URL(api).origin;
  const webOrigin = new URL(web).origin;
  const steps: SmokeStep[] = [];
  const step = async (name: string, run: () => Promise<string>): Promise<boolean> => {
    const started = performance.now();
    let ok = true;
    let detail: string;
    try {
      detail = await run();
    } catch (error) {
      ok = false;
      detail = error instanceof StepFailed ? error.message : `${(error as Error).name}: ${(error as Error).message}`;
    }
    const done = { name, ok, ms: Math.round(performance.now() - started), detail };
    steps.push(done);
    report(done);
    return ok;
  };

  await step('API liveness (GET /health)', async () => {
    const res = await call(`${api}/health`);
    check(res.status === 200, `answered ${res.status}`);
    return `200 ${res.text.slice(0, 60)}`;
  });
  await step('API description (GET /openapi.json)', async () => {
    const res = await call(`${api}/openapi.json`);
    check(res.status === 200, `answered ${res.status}`);
    check(/^3\./.test(res.body?.openapi ?? ''), 'not an OpenAPI 3 document');
    const operations = Object.values(res.body.paths ?? {}).flatMap((item) => Object.keys(item as object));
    check(operations.length > 0, 'the document lists no operations');
    return `OpenAPI ${res.body.openapi}, ${operations.length} operations`;
  });
  await step('API answers the web portal across origins (CORS)', async () => {
    const res = await call(`${api}/health`, { headers: { origin: webOrigin } });
    const allowed = res.headers.get('access-control-allow-origin');
    check(allowed === webOrigin, `Access-Control-Allow-Origin is ${allowed ?? 'absent'}, not ${webOrigin}`);
    const other = await call(`${api}/health`, { headers: { origin: 'https://smoke-check.invalid' } });
    check(!other.headers.get('access-control-allow-origin'), 'the API allows a foreign origin');
    return `allows ${webOrigin} and refuses a foreign origin`;
  });
  await step('web portal page and its security headers', async () => {
    const res = await call(`${web}/`);
    check(res.status === 200, `answered ${res.status}`);
    check(/text\/html/.test(res.headers.get('content-type') ?? ''), 'the page is not HTML');
    check(/<script[^>]+src=/.test(res.text), 'the page loads no script');
    return checkWebHeaders(res.headers, apiOrigin);
  });
  await step('web portal configuration (GET /config.json)', async () => {
    const res = await call(`${web}/config.json`);
    check(res.status === 200, `answered ${res.status}`);
    check(trim(res.body?.apiUrl ?? '') === api, `names the API ${res.body?.apiUrl}, not ${api}`);
    return `names ${api}`;
  });

  const account = target.account;
  if (!account) {
    const skipped = {
      name: 'signed-in steps',
      ok: true,
      ms: 0,
      detail: 'skipped: no smoke account given (--email and SMOKE_PASSWORD)',
    };
    steps.push(skipped);
    report(skipped);
    return steps;
  }
  const session: Session = {};
  if (await step("smoke account's sign-in", () => signIn(api, account, session))) {
    await step('who am I (GET /me)', async () => {
      const res = await call(`${api}/me`, { headers: { authorization: `Bearer ${session.idToken}` } });
      check(res.status === 200, `answered ${res.status}`);
      check(res.body?.email?.toLowerCase() === account.email.toLowerCase(), 'answered for someone else');
      session.companyId = res.body?.company?.companyId;
      check(session.companyId, 'no company in the answer');
      return `${res.body.role} of company ${session.companyId}`;
    });
    if (session.companyId) {
      await step('own company (GET /companies/{id})', async () => {
        const res = await call(`${api}/companies/${encodeURIComponent(session.companyId!)}`, {
          headers: { authorization: `Bearer ${session.idToken}` },
        });
        check(res.status === 200, `answered ${res.status}`);
        check(res.body?.companyId === session.companyId, 'answered another company');
        return `status ${res.body.status}`;
      });
    }
    await step('sign-out (POST /auth/logout)', async () => {
      const res = await post(`${api}/auth/logout`, { refreshToken: session.refreshToken });
      check(res.status === 204, `answered ${res.status}`);
      return 'refresh token revoked';
    });
  }
  return steps;
};
