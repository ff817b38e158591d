import type { SignInOutcome } from '../data/cognito-auth.ts';
import type { Deps } from './deps.ts';

export type LoginResult =
  | { tokens: { idToken: string; accessToken: string; refreshToken?: string; expiresIn: number; tokenType: 'Bearer' } }
  | { challenge: 'NEW_PASSWORD_REQUIRED'; session: string };

/** Seconds until the ID token expires, from its own `exp` (the emulator omits ExpiresIn). */
const secondsLeft = (jwt: string, now: Date): number => {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
  return Math.max(0, (payload.exp ?? 0) - Math.floor(now.getTime() / 1000));
};

const toResult = (outcome: SignInOutcome, now: Date): LoginResult => {
  if (outcome.kind === 'new-password-required') return { challenge: 'NEW_PASSWORD_REQUIRED', session: outcome.session };
  const { IdToken, AccessToken, RefreshToken } = outcome.result;
  if (!IdToken || !AccessToken) throw new Error('Cognito answered without tokens');
  return {
    tokens: {
      idToken: IdToken,
      accessToken: AccessToken,
      ...(RefreshToken ? { refreshToken: RefreshToken } : {}),
      expiresIn: secondsLeft(IdToken, now),
      tokenType: 'Bearer',
    },
  };
};

/** Emails are compared lower-cased everywhere; the pool's usernames are the lower-cased emails. */
export const login = async (deps: Pick<Deps, 'auth' | 'clock'>, email: string, password: string): Promise<LoginResult> =>
  toResult(await deps.auth.signIn(email.toLowerCase(), password), deps.clock.now());

export const completeNewPassword = async (deps: Pick<Deps, 'auth' | 'clock'>, email: string, session: string, newPassword: string): Promise<LoginResult> =>
  toResult(await deps.auth.answerNewPassword(email.toLowerCase(), session, newPassword), deps.clock.now());
