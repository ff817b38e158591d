import type { SignInOutcome } from '../data/cognito-auth.ts';
import type { Deps } from './deps.ts';
import type * as z from 'zod/v4';
import type { LoginResult as LoginResultSchema } from '../schemas/auth.ts';

/** What sign-in answers: the schema the OpenAPI document publishes. */
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** Seconds until the ID token expires, from its own `exp` (the emulator omits ExpiresIn). */
const secondsLeft = (jwt: string, now: Date): number => {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
  return Math.max(0, (payload.exp ?? 0) - Math.floor(now.getTime() / 1000));
};

const toResult = (outcome: SignInOutcome, now: Date): LoginResult => {
  if (outcome.kind === 'new-password-required') return { challenge: 'NEW_PASSWORD_REQUIRED', session: outcome.session };
  if (outcome.kind === 'mfa-required') return { challenge: 'SOFTWARE_TOKEN_MFA', session: outcome.session };
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
export const login = async (deps: { auth: Pick<Deps['auth'], 'signIn'> } & Pick<Deps, 'clock'>, email: string, password: string): Promise<LoginResult> =>
  toResult(await deps.auth.signIn(email.toLowerCase(), password), deps.clock.now());

export const completeNewPassword = async (deps: { auth: Pick<Deps['auth'], 'answerNewPassword'> } & Pick<Deps, 'clock'>, email: string, session: string, newPassword: string): Promise<LoginResult> =>
  toResult(await deps.auth.answerNewPassword(email.toLowerCase(), session, newPassword), deps.clock.now());

export const answerMfa = async (deps: { auth: Pick<Deps['auth'], 'answerMfa'> } & Pick<Deps, 'clock'>, email: string, session: string, code: string): Promise<LoginResult> =>
  toResult(await deps.auth.answerMfa(email.toLowerCase(), session, code), deps.clock.now());

export const refresh = async (deps: { auth: Pick<Deps['auth'], 'refresh'> } & Pick<Deps, 'clock'>, refreshToken: string): Promise<LoginResult> =>
  toResult(await deps.auth.refresh(refreshToken), deps.clock.now());

/** The same answer whether or not the email has an account. */
export const PASSWORD_RESET_ANSWER = { message: 'If this email has a portal account, a reset code has been sent to it.' } as const;

export const forgotPassword = async (deps: { auth: Pick<Deps['auth'], 'forgotPassword'> }, email: string) => {
  await deps.auth.forgotPassword(email.toLowerCase());
  return PASSWORD_RESET_ANSWER;
};

export const confirmForgotPassword = async (deps: { auth: Pick<Deps['auth'], 'confirmForgotPassword'> }, email: string, code: string, newPassword: string) => {
  await deps.auth.confirmForgotPassword(email.toLowerCase(), code, newPassword);
  return { message: 'Your password has been changed; sign in with it.' };
};
