/**
 * Tokens the portal refuses (issue 8, item 1). The dev server verifies ID tokens as API
 * Gateway's Cognito authorizer does, and the handlers then read the caller's membership. To
 * forge tokens that only differ from a good one in the property under test, this test signs
 * with the emulator's own key (cognito-local ships it in its package: local only).
 */
import { createPrivateKey, createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, TEST_PASSWORD, userWithRole, type TestApi } from '../support/api.ts';

let api: TestApi;
let good: string;
let access: string;
let disabled: string;
let refused = 0;

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const parts = (token: string) => {
  const [header, payload] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload!, 'base64url').toString()),
  };
};
const emulatorKey = () => {
  const file = createRequire(import.meta.url).resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  return createPrivateKey({
    key: (JSON.parse(readFileSync(file, 'utf8')) as { jwk: object }).jwk as never,
    format: 'jwk',
  });
};
/** A token signed with the emulator's key: the good token's header and claims, with `changes`. */
const forged = (changes: Record<string, unknown>, header: Record<string, unknown> = {}) => {
  const base = parts(good);
  const signing = `${b64({ ...base.header, ...header })}.${b64({ ...base.payload, ...changes })}`;
  return `${signing}.${createSign('RSA-SHA256').update(signing).sign(emulatorKey()).toString('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  api = await startTestApi();
  const admin = await userWithRole(api, 'cbp-admin');
  const company = await enrollCompany(api, admin.token);
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  good = poc.token;
  const login = await api.request('POST', '/auth/login', { body: { email: poc.email, password: TEST_PASSWORD } });
  access = login.body.tokens.accessToken;
  const user = await userWithRole(api, 'company-user', company.companyId);
  disabled = user.token;
  expect(
    (
      await api.request('PATCH', `/companies/${company.companyId}/users/${user.userId}`, {
        token: poc.token,
        body: { version: 1, status: 'disabled' },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  console.log(`[tokens] ${refused}/7 kinds of bad token refused`);
  await api.close();
});

const meWith = (token: string) => api.request('GET', '/me', { token });

describe('tokens', () => {
  it('accepts the good token, and a token re-signed with unchanged claims (so the forgeries below differ in one thing only)', async () => {
    expect((await meWith(good)).status).toBe(200);
    expect((await meWith(forged({}))).status).toBe(200);
  });

  it.each([
    ['an expired token', () => forged({ iat: now() - 7200, exp: now() - 3600 })],
    ['a token not yet valid', () => forged({ nbf: now() + 3600, iat: now() + 3600, exp: now() + 7200 })],
    [
      'a bad signature',
      () => `${good.slice(0, good.lastIndexOf('.'))}.${Buffer.from('not the signature').toString('base64url')}`,
    ],
    ['alg none', () => `${b64({ ...parts(good).header, alg: 'none' })}.${b64(parts(good).payload)}.`],
    [
      'a token from another user pool or app client',
      () => [forged({ iss: `${parts(good).payload.iss}-other` }), forged({ aud: 'another-app-client' })],
    ],
    ['an access token where the API takes ID tokens', () => [access, forged({ token_use: 'access' })]],
  ] as const)('refuses %s with 401', async (_what, make) => {
    for (const token of [make()].flat()) {
      const res = await meWith(token);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    refused += 1;
  });

  it("refuses a disabled user's token, still valid as a token, with 403", async () => {
    const res = await meWith(disabled);
    expect(res.status).toBe(403);
    refused += 1;
  });
});
