/**
 * Security events (issue 20, item 3): every refused request and every sign-in, sign-out, password
 * reset and second-factor change is one structured log line naming the subject, company, source
 * address, route, outcome and reason, and none carries a password, code or token. The handlers run
 * in this process, so their lines are read from stdout as CloudWatch would read them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, enrollCompany, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';

let api: TestApi;
let admin: string;
let lines: Record<string, unknown>[] = [];
const streams = [process.stdout, process.stderr] as const;
const originals = streams.map((stream) => stream.write.bind(stream));

beforeAll(async () => {
  // Powertools writes info to stdout and warnings to stderr, as Lambda's log stream reads both.
  streams.forEach((stream, i) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      for (const text of String(chunk).split('\n')) {
        if (!text.includes('"security event"')) continue;
        try {
          lines.push(JSON.parse(text));
        } catch {
          // not a log line
        }
      }
      return (originals[i] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
  });
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
});
afterAll(async () => {
  streams.forEach((stream, i) => {
    stream.write = originals[i] as typeof stream.write;
  });
  await api.close();
});

/** The security events logged while `act` runs. */
const eventsOf = async (act: () => Promise<unknown>) => {
  lines = [];
  await act();
  return lines;
};

describe('security events', () => {
  it('logs a failed sign-in with the address tried, the source and the reason, and a successful one', async () => {
    const { email } = await userWithRole(api, 'primary-poc', (await enrollCompany(api, admin)).companyId);
    const failed = await eventsOf(async () => {
      const res = await api.request('POST', '/auth/login', { body: { email: email.toUpperCase(), password: 'wrong' } });
      expect(res.status).toBe(401);
    });
    expect(failed).toEqual([
      expect.objectContaining({
        level: 'WARN',
        securityEvent: 'sign-in',
        outcome: 'failure',
        subject: email,
        route: 'login',
        status: 401,
        reason: 'unauthorized',
        sourceIp: expect.any(String),
        correlation_id: expect.any(String),
      }),
    ]);
    const succeeded = await eventsOf(async () => {
      const res = await api.request('POST', '/auth/login', { body: { email, password: TEST_PASSWORD } });
      expect(res.status).toBe(200);
    });
    expect(succeeded).toEqual([
      expect.objectContaining({
        level: 'INFO',
        securityEvent: 'sign-in',
        outcome: 'success',
        subject: email,
        status: 200,
      }),
    ]);
  });

  it("logs a refused request with the token's subject and company, on any route", async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId);
    const other = await enrollCompany(api, admin);
    const forbidden = await eventsOf(async () => {
      const res = await api.request('GET', '/compliance/overview', { token: poc.token });
      expect(res.status).toBe(403);
    });
    expect(forbidden).toEqual([
      expect.objectContaining({
        securityEvent: 'request',
        outcome: 'refused',
        subject: poc.userId,
        companyId: company.companyId,
        route: 'complianceOverview',
        status: 403,
        reason: 'forbidden',
      }),
    ]);
    const elsewhere = await eventsOf(async () => {
      const res = await api.request('GET', `/companies/${other.companyId}`, { token: poc.token });
      expect([403, 404]).toContain(res.status);
    });
    expect(elsewhere).toEqual([
      expect.objectContaining({ outcome: 'refused', subject: poc.userId, route: 'getCompany' }),
    ]);
  });

  it('logs nothing for a request that succeeds on a route that is not a security event', async () => {
    expect(await eventsOf(() => api.request('GET', '/me', { token: admin }))).toEqual([]);
  });

  it('logs a sign-out and a password reset request, and no event carries a password or token', async () => {
    const email = uniqueEmail('reset');
    const events = await eventsOf(async () => {
      expect((await api.request('POST', '/auth/forgot-password', { body: { email } })).status).toBe(202);
      expect(
        (await api.request('POST', '/auth/logout', { body: { refreshToken: 'not-a-token'.repeat(10) } })).status,
      ).toBe(204);
    });
    expect(events.map((e) => [e.securityEvent, e.outcome])).toEqual([
      ['password-reset', 'success'],
      ['sign-out', 'success'],
    ]);
    expect(events[0]).toMatchObject({ subject: email });
    const all = JSON.stringify(lines);
    for (const secret of [TEST_PASSWORD, 'not-a-token', admin.slice(-40)]) expect(all).not.toContain(secret);
  });
});
