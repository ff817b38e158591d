import type { Clock } from './clock.ts';
import type { Actor } from './audit.ts';
import {
  invitationExpired,
  memberByEmail,
  recentlyInvited,
  reinvite,
  type InvitationRecords,
  type ReinviteDeps,
} from './invitations.ts';
import { Unauthorized } from '../errors.ts';
import type * as z from 'zod/v4';
import type { LoginResult as LoginResultSchema } from '../schemas/auth.ts';

/** What sign-in answers: the schema the OpenAPI document publishes. */
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** Where one step of a sign-in leads: tokens, or a further step with the session that carries it. */
export type SignInOutcome =
  | {
      kind: 'tokens';
      result: { IdToken?: string | undefined; AccessToken?: string | undefined; RefreshToken?: string | undefined };
    }
  | { kind: 'new-password-required'; session: string }
  | { kind: 'mfa-required'; session: string };

/**
 * The user pool's sign-in side (Cognito). Every failure to sign in is the same 401, whatever
 * the reason, so no answer tells which emails have accounts.
 */
export interface SignIns {
  signIn(email: string, password: string): Promise<SignInOutcome>;
  answerNewPassword(email: string, session: string, newPassword: string): Promise<SignInOutcome>;
  answerMfa(email: string, session: string, code: string): Promise<SignInOutcome>;
  refresh(refreshToken: string): Promise<SignInOutcome>;
  /** Forgets a refresh token; one it does not know answers alike. */
  revoke(refreshToken: string): Promise<void>;
  /** Sends a reset code; an unknown email answers alike. */
  forgotPassword(email: string): Promise<void>;
  confirmForgotPassword(email: string, code: string, newPassword: string): Promise<void>;
}

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

/** What a person whose temporary password expired is told: how to get a new one. */
export const INVITATION_EXPIRED =
  'Your temporary password has expired. Ask for a new invitation: "Forgot password" sends one, and so does "Request your account" for a company\'s point of contact.';

/**
 * Emails are compared lower-cased everywhere; the pool's usernames are the lower-cased emails.
 * A first sign-in with an invitation older than its validity is refused on the portal's clock.
 */
export const login = async (
  deps: { auth: Pick<SignIns, 'signIn'>; members: Pick<InvitationRecords, 'getClaim' | 'get'>; clock: Clock },
  rawEmail: string,
  password: string,
): Promise<LoginResult> => {
  const email = rawEmail.toLowerCase();
  const outcome = await deps.auth.signIn(email, password);
  if (outcome.kind === 'new-password-required') {
    const member = await memberByEmail(deps, email);
    if (member && invitationExpired(member, deps.clock.now())) throw new Unauthorized(INVITATION_EXPIRED);
  }
  return toResult(outcome, deps.clock.now());
};

export const completeNewPassword = async (
  deps: { auth: Pick<SignIns, 'answerNewPassword'>; clock: Clock },
  email: string,
  session: string,
  newPassword: string,
): Promise<LoginResult> =>
  toResult(await deps.auth.answerNewPassword(email.toLowerCase(), session, newPassword), deps.clock.now());

export const answerMfa = async (
  deps: { auth: Pick<SignIns, 'answerMfa'>; clock: Clock },
  email: string,
  session: string,
  code: string,
): Promise<LoginResult> => toResult(await deps.auth.answerMfa(email.toLowerCase(), session, code), deps.clock.now());

export const refresh = async (
  deps: { auth: Pick<SignIns, 'refresh'>; clock: Clock },
  refreshToken: string,
): Promise<LoginResult> => toResult(await deps.auth.refresh(refreshToken), deps.clock.now());

/**
 * Sign-out: Cognito forgets the refresh token (and the access tokens issued with it). A token
 * that is unknown, already revoked or not a refresh token answers the same, so the route tells
 * a caller nothing about the token it sent.
 */
export const logout = async (deps: { auth: Pick<SignIns, 'revoke'> }, refreshToken: string): Promise<void> => {
  await deps.auth.revoke(refreshToken);
};

/** The same answer whether or not the email has an account. */
export const PASSWORD_RESET_ANSWER = {
  message:
    'If this email has a portal account, a reset code has been sent to it (or, if you never chose a password, a new invitation).',
} as const;

type ForgotDeps = ReinviteDeps & {
  readonly auth: Pick<SignIns, 'forgotPassword'>;
  readonly members: Pick<InvitationRecords, 'getClaim' | 'get'>;
};

/**
 * Starts a password reset. Someone who never chose a password (a lost or expired invitation:
 * Cognito refuses them a reset) gets a new invitation instead. The answer is the same either way.
 */
export const forgotPassword = async (deps: ForgotDeps, rawEmail: string, sourceIp: string) => {
  const email = rawEmail.toLowerCase();
  const member = await memberByEmail(deps, email);
  if (member?.status === 'active') {
    const actor: Actor = {
      userId: `anonymous:${email}`,
      role: 'password-reset',
      companyId: member.companyId,
      sourceIp,
    };
    // Just invited and still without a password: that invitation is on its way; send no other.
    const outcome = recentlyInvited(member, deps.clock.now())
      ? (await deps.identities.awaitsFirstSignIn(email))
        ? 'held'
        : 'has-password'
      : await reinvite(deps, actor, member).catch((error: unknown) => {
          console.error(
            JSON.stringify({
              level: 'error',
              message: 'invitation resend failed',
              companyId: member.companyId,
              error: String(error),
            }),
          );
          return 'failed' as const;
        });
    if (outcome !== 'has-password') return PASSWORD_RESET_ANSWER;
  }
  await deps.auth.forgotPassword(email);
  return PASSWORD_RESET_ANSWER;
};

export const confirmForgotPassword = async (
  deps: { auth: Pick<SignIns, 'confirmForgotPassword'> },
  email: string,
  code: string,
  newPassword: string,
) => {
  await deps.auth.confirmForgotPassword(email.toLowerCase(), code, newPassword);
  return { message: 'Your password has been changed; sign in with it.' };
};
