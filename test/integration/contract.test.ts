/**
 * The contract hook of the test API client (test/support/api.ts, contract.ts): every answer the
 * integration suite receives is held to the served /openapi.json. Here answers the document does
 * not describe are planted (a route table whose `/health` runs another handler) and must be
 * caught, with the request and the test named; the hook's list is emptied afterwards so this
 * file's own after-each check passes. A text/plain body is refused with a 415 on every route
 * that takes a body (also in the fuzz suite).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { type TestApi, startTestApi, userWithRole } from '../support/api.ts';
import { takeMismatches } from '../support/contract.ts';

const withHealthHandler = (handler: string): RouteDefinition[] =>
  (ROUTES as readonly RouteDefinition[]).map((r) => (r.id === 'health' ? { ...r, handler } : r));

describe('the contract hook', () => {
  let undocumentedStatus: TestApi;
  let wrongBody: TestApi;
  beforeAll(async () => {
    // get-me's wrapper answers 401 with no token: a status /health (public) does not document.
    undocumentedStatus = await startTestApi({ routes: withHealthHandler('get-me') });
    // openapi answers 200 with the document: not the body /health documents.
    wrongBody = await startTestApi({ routes: withHealthHandler('openapi') });
  });
  afterAll(async () => {
    await undocumentedStatus.close();
    await wrongBody.close();
  });

  it('catches a planted answer whose status the operation does not document', async () => {
    const res = await undocumentedStatus.request('GET', '/health');
    expect(res.status).toBe(401);
    expect(takeMismatches()).toEqual([
      {
        test: expect.stringContaining('catches a planted answer whose status'),
        request: 'GET /health -> 401',
        problems: [expect.stringContaining('health answered 401, which it does not document')],
      },
    ]);
  });

  it('catches a planted body that does not match its status schema', async () => {
    const res = await wrongBody.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(takeMismatches()).toEqual([
      expect.objectContaining({
        request: 'GET /health -> 200',
        problems: [expect.stringContaining('health 200 body')],
      }),
    ]);
  });
});

describe('a body that is not JSON', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await userWithRole(api, 'cbp-admin')).token;
  });
  afterAll(() => api.close());

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
  ])('is refused as %s with a 415 naming Content-Type, public route or not', async (_name, type) => {
    for (const [path, body, auth] of [
      ['/auth/login', { email: 'someone@example.com', password: 'x'.repeat(20) }, undefined],
      ['/staff', { email: 'officer@cbp.example.gov', name: 'Robin Diaz', role: 'cbp-officer' }, token],
    ] as const) {
      const res = await api.request('POST', path, {
        ...(auth ? { token: auth } : {}),
        body: JSON.stringify(body),
        raw: true,
        headers: { 'Content-Type': type },
      });
      expect(res.status, `${path} as ${type}`).toBe(415);
      expect(res.body.error).toMatchObject({ code: 'unsupported_media_type', details: [{ field: 'Content-Type' }] });
    }
  });
});
