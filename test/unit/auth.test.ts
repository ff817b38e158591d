import { describe, expect, it } from 'vitest';
import { login } from '../../functions/domain/auth.ts';
import { fixedClock } from '../support/factories.ts';

const jwt = (claims: Record<string, unknown>) => ['{"alg":"RS256"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');

describe('login', () => {
  it('signs in with the lower-cased email and reports the seconds left on the ID token', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const calls: string[] = [];
    const auth = {
      signIn: async (email: string) => {
        calls.push(email);
        return { kind: 'tokens' as const, result: { IdToken: jwt({ exp: clock.now().getTime() / 1000 + 900 }), AccessToken: 'a', RefreshToken: 'r' } };
      },
      answerNewPassword: async () => {
        throw new Error('unused');
      },
    };
    const result = await login({ auth, clock }, 'Dana@Example.COM', 'pw');
    expect(calls).toEqual(['dana@example.com']);
    expect(result).toMatchObject({ tokens: { accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer' } });
  });

  it('passes the new-password challenge through with its session', async () => {
    const auth = {
      signIn: async () => ({ kind: 'new-password-required' as const, session: 'S'.repeat(30) }),
      answerNewPassword: async () => {
        throw new Error('unused');
      },
    };
    await expect(login({ auth, clock: fixedClock('2026-01-01T00:00:00Z') }, 'a@b.com', 'pw')).resolves.toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'S'.repeat(30) });
  });
});
