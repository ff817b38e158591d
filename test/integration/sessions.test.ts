import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, TEST_PASSWORD, userWithRole, type TestApi } from '../support/api.ts';

let api: TestApi;
let user: Awaited<ReturnType<typeof userWithRole>>;

beforeAll(async () => {
  api = await startTestApi();
  const officer = await userWithRole(api, 'cbp-officer');
  const company = await enrollCompany(api, officer.token);
  user = await userWithRole(api, 'company-user', company.companyId);
});
const figures = { refused: 0, alike: 0 };
afterAll(async () => {
  console.log(
    `[sessions] ${figures.refused} revoked refresh tokens refused; ${figures.alike} logout answers identical to a live token's`,
  );
  await api.close();
});

const signIn = async () => {
  const login = await api.request('POST', '/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
  expect(login.status).toBe(200);
  return login.body.tokens as { idToken: string; refreshToken: string };
};
const refresh = (refreshToken: string) => api.request('POST', '/auth/refresh', { body: { refreshToken } });
const logout = (refreshToken: string) => api.request('POST', '/auth/logout', { body: { refreshToken } });

describe('sign-out', () => {
  it('revokes the refresh token: refreshing with it afterwards is refused', async () => {
    const tokens = await signIn();
    expect((await refresh(tokens.refreshToken)).status).toBe(200);
    const out = await logout(tokens.refreshToken);
    expect(out.status).toBe(204);
    expect(out.body).toBeUndefined();
    const after = await refresh(tokens.refreshToken);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    figures.refused += 1;
  });

  it('ends only the session it names: another sign-in of the same person keeps refreshing', async () => {
    const first = await signIn();
    const second = await signIn();
    expect((await logout(first.refreshToken)).status).toBe(204);
    expect((await refresh(first.refreshToken)).status).toBe(401);
    figures.refused += 1;
    expect((await refresh(second.refreshToken)).status).toBe(200);
  });

  it('answers a junk token, an ID token and a token revoked already exactly as it answers a live one', async () => {
    const tokens = await signIn();
    const live = await logout(tokens.refreshToken);
    const answers = [await logout(tokens.refreshToken), await logout('x'.repeat(40)), await logout(tokens.idToken)];
    for (const answer of answers) {
      expect(answer.status).toBe(live.status);
      expect(answer.body).toEqual(live.body);
      figures.alike += 1;
    }
  });

  it('refuses a body without a refresh token with a 400 naming the field', async () => {
    const res = await api.request('POST', '/auth/logout', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'refreshToken' })]),
    );
  });
});
