/**
 * The contract check every integration answer goes through (test/support/contract.ts), against
 * the document the `/openapi.json` function serves: planted answers it must refuse (an
 * undocumented status, a body off its schema, a 503 without `Retry-After`, a wrong method that is
 * not a 405) and true ones it must pass, so a clean integration run means something.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/openapi.ts';
import { type ContractCheck, contractCheck, expectContractKept, recordMismatch } from '../support/contract.ts';
import { apiEvent } from '../support/factories.ts';

const ID = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const error = (code: string) => ({ error: { code, message: 'text', details: [] } });
let check: ContractCheck;

beforeAll(async () => {
  const served = await handler(apiEvent({ httpMethod: 'GET', path: '/openapi.json' }), {} as never);
  check = await contractCheck(JSON.parse((served as { body: string }).body));
});

const answer = (method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}) =>
  check({ method, path, status, body, headers });

describe('the contract check', () => {
  it('fails a planted answer whose status the operation does not document', () => {
    expect(answer('GET', '/health', 418, error('teapot'))).toEqual([
      expect.stringContaining('health answered 418, which it does not document'),
    ]);
    expect(answer('DELETE', `/companies/${ID}/users/${ID}`, 202, undefined)).toEqual([
      expect.stringContaining('removeCompanyUser answered 202'),
    ]);
    // A public route gets no 404 of its own.
    expect(answer('POST', '/auth/login', 404, error('not_found'))).toEqual([
      expect.stringContaining('login answered 404'),
    ]);
  });

  it('fails a body that does not match its status schema, and a 204 that has one', () => {
    expect(answer('GET', '/health', 200, { status: 'fine' })).toEqual([expect.stringContaining('health 200 body')]);
    expect(answer('GET', `/companies/${ID}`, 200, { companyId: ID })).toEqual([
      expect.stringMatching(/getCompany 200 body: .*legalName/),
    ]);
    expect(answer('POST', '/auth/login', 401, { message: 'Unauthorized' })).toEqual([
      expect.stringContaining('login 401 body'),
    ]);
    expect(answer('DELETE', `/companies/${ID}/users/${ID}`, 204, { removed: true })).toHaveLength(1);
  });

  it('fails a 503 without Retry-After', () => {
    expect(answer('GET', `/companies/${ID}`, 503, error('temporarily_unavailable'))).toEqual([
      expect.stringContaining('getCompany 503 headers'),
    ]);
    expect(answer('GET', `/companies/${ID}`, 503, error('temporarily_unavailable'), { 'retry-after': '1' })).toEqual(
      [],
    );
  });

  it("holds a method a path does not define to the document's 405, and an unknown path to 404", () => {
    expect(answer('PUT', `/companies/${ID}`, 405, error('method_not_allowed'))).toEqual([]);
    expect(answer('PUT', `/companies/${ID}`, 404, error('not_found'))).toEqual([
      expect.stringContaining('answers 405 (Error405), not 404'),
    ]);
    expect(answer('GET', '/no-such-thing', 404, error('not_found'))).toEqual([]);
    expect(answer('GET', '/no-such-thing', 200, { ok: true })).toHaveLength(2);
  });

  it('passes the answers the document describes', () => {
    expect(answer('GET', '/health?x=1', 200, { status: 'ok' })).toEqual([]);
    expect(answer('DELETE', `/companies/${ID}/users/${ID}`, 204, undefined)).toEqual([]);
    expect(answer('DELETE', `/companies/${ID}/users/${ID}`, 409, error('version_conflict'))).toEqual([]);
    expect(answer('POST', '/auth/refresh', 401, error('unauthorized'))).toEqual([]);
    expect(answer('POST', `/companies/${ID}/threads`, 415, error('unsupported_media_type'))).toEqual([]);
    expect(answer('OPTIONS', `/companies/${ID}`, 204, undefined)).toEqual([]);
  });
});

describe("the integration suite's after-each check (test/support/integration-setup.ts)", () => {
  it('throws on a recorded mismatch, naming the request, the test and the problem, then starts afresh', () => {
    expectContractKept();
    const problems = answer('GET', '/health', 418, error('teapot'));
    recordMismatch({ test: 'a planted test', request: 'GET /health -> 418', problems });
    expect(() => expectContractKept()).toThrow(
      /1 answer\(s\) do not match.*\n- GET \/health -> 418 \(in "a planted test"\): health answered 418, which it does not document/,
    );
    expect(() => expectContractKept()).not.toThrow();
  });
});
