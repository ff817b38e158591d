import * as cognitoAuth from '../data/cognito-auth.ts';
import type { SignInOutcome } from '../data/cognito-auth.ts';

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
export const login = async (email: string, password: string, now: Date): Promise<LoginResult> =>
  toResult(await cognitoAuth.signIn(email.toLowerCase(), password), now);

export const completeNewPassword = async (email: string, session: string, newPassword: string, now: Date): Promise<LoginResult> =>
  toResult(await cognitoAuth.answerNewPassword(email.toLowerCase(), session, newPassword), now);
