import { describe, expect, it } from 'vitest';
import { INVITATION_EXPIRED, login } from '../../functions/domain/auth.ts';
import type { Member } from '../../functions/schemas/membership.ts';
import { fixedClock } from '../support/factories.ts';

/** A members store holding one invited person (or nobody). */
const membersWith = (member?: Partial<Member>) => ({
  getClaim: async (email: string) =>
    member && email === member.email
      ? { email, companyId: 'C1', kind: 'user' as const, userId: 'U1', claimedAt: '2026-01-01T00:00:00.000Z' }
      : null,
  get: async () =>
    member
      ? ({
          companyId: 'C1',
          userId: 'U1',
          email: 'a@b.com',
          name: 'A',
          role: 'primary-poc',
          status: 'active',
          permissions: { editProfile: true, authorizeSharing: true },
          createdAt: '2026-01-01T00:00:00.000Z',
          version: 1,
          ...member,
        } as Member)
      : null,
});

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'sig']
    .map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p))
    .join('.');

describe('login', () => {
  it('signs in with the lower-cased email and reports the seconds left on the ID token', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const calls: string[] = [];
    const auth = {
      signIn: async (realm: string, email: string) => {
        calls.push(`${realm} ${email}`);
        return {
          kind: 'tokens' as const,
          result: { IdToken: jwt({ exp: clock.now().getTime() / 1000 + 900 }), AccessToken: 'a', RefreshToken: 'r' },
        };
      },
      answerNewPassword: async () => {
        throw new Error('unused');
      },
    };
    const result = await login({ auth, clock, members: membersWith() }, 'Dana@Example.COM', 'pw');
    // An email without an account signs in to the participants' pool (and is refused there alike).
    expect(calls).toEqual(['participants dana@example.com']);
    expect(result).toMatchObject({
      tokens: { accessToken: 'a', refreshToken: 'r', expiresIn: 900, tokenType: 'Bearer' },
    });
  });

  it("sends CBP staff to their own pool, by the email's claim", async () => {
    const realms: string[] = [];
    const auth = {
      signIn: async (realm: string) => {
        realms.push(realm);
        return { kind: 'mfa-setup-required' as const, session: 'S'.repeat(30) };
      },
    };
    const members = {
      getClaim: async (email: string) => ({
        email,
        companyId: email.endsWith('@cbp.example.gov') ? 'CBP' : 'C1',
        kind: 'user' as const,
        userId: 'U1',
        claimedAt: '2026-01-01T00:00:00.000Z',
      }),
      get: async () => null,
    };
    const clock = fixedClock('2026-01-01T00:00:00Z');
    expect(await login({ auth, clock, members }, 'Officer@CBP.example.gov', 'pw')).toEqual({
      challenge: 'MFA_SETUP',
      session: 'S'.repeat(30),
    });
    await login({ auth, clock, members }, 'poc@acme.example.com', 'pw');
    expect(realms).toEqual(['staff', 'participants']);
  });

  it('passes the new-password challenge through with its session', async () => {
    const auth = {
      signIn: async () => ({ kind: 'new-password-required' as const, session: 'S'.repeat(30) }),
      answerNewPassword: async () => {
        throw new Error('unused');
      },
    };
    await expect(
      login({ auth, clock: fixedClock('2026-01-01T00:00:00Z'), members: membersWith() }, 'a@b.com', 'pw'),
    ).resolves.toEqual({ challenge: 'NEW_PASSWORD_REQUIRED', session: 'S'.repeat(30) });
  });

  describe('an invitation is valid for three days on the portal clock', () => {
    const auth = {
      signIn: async () => ({ kind: 'new-password-required' as const, session: 'S'.repeat(30) }),
      answerNewPassword: async () => {
        throw new Error('unused');
      },
    };
    const members = membersWith({ email: 'a@b.com', invitedAt: '2026-01-01T12:00:00.000Z' });

    it('lets the temporary password set a new one up to the last instant', async () => {
      await expect(
        login({ auth, clock: fixedClock('2026-01-04T12:00:00.000Z'), members }, 'A@b.com', 'pw'),
      ).resolves.toMatchObject({ challenge: 'NEW_PASSWORD_REQUIRED' });
    });

    it('refuses it a millisecond later, saying how to get a new one', async () => {
      await expect(
        login({ auth, clock: fixedClock('2026-01-04T12:00:00.001Z'), members }, 'a@b.com', 'pw'),
      ).rejects.toMatchObject({ status: 401, message: INVITATION_EXPIRED });
    });

    it('never refuses someone signing in with a password of their own', async () => {
      const tokens = {
        signIn: async () => ({ kind: 'tokens' as const, result: { IdToken: jwt({ exp: 0 }), AccessToken: 'a' } }),
        answerNewPassword: auth.answerNewPassword,
      };
      await expect(
        login({ auth: tokens, clock: fixedClock('2027-01-01T00:00:00Z'), members }, 'a@b.com', 'pw'),
      ).resolves.toHaveProperty('tokens');
    });
  });
});
