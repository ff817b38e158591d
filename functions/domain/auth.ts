import type { Clock, Ids } from './clock.ts';
import type { Actor } from './audit.ts';
import { markEnrolled, otpauthUri, type MfaRecords } from './mfa.ts';
import { realmOf, type Realm } from '../definitions/roles.ts';
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
import { logger, asError } from '../log.ts';

/** What sign-in answers: the schema the OpenAPI document publishes. */
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** Where one step of a sign-in leads: tokens, or a further step with the session that carries it. */
export type SignInOutcome =
  | {
      kind: 'tokens';
      result: { IdToken?: string | undefined; AccessToken?: string | undefined; RefreshToken?: string | undefined };
    }
  | { kind: 'new-password-required'; session: string }
  | { kind: 'mfa-required'; session: string }
  | { kind: 'mfa-setup-required'; session: string };

/**
 * The user pool's sign-in side (Cognito). Every failure to sign in is the same 401, whatever
 * the reason, so no answer tells which emails have accounts.
 */
export interface SignIns {
  signIn(realm: Realm, email: string, password: string): Promise<SignInOutcome>;
  answerNewPassword(realm: Realm, email: string, session: string, newPassword: string): Promise<SignInOutcome>;
  answerMfa(realm: Realm, email: string, session: string, code: string): Promise<SignInOutcome>;
  /** MFA_SETUP: a new authenticator-app secret for the sign-in's session, and the session that carries on. */
  startMfaSetup(session: string): Promise<{ secretCode: string; session: string }>;
  /** MFA_SETUP: the new app's first code; the app is then required at every sign-in. */
  finishMfaSetup(realm: Realm, email: string, session: string, code: string): Promise<SignInOutcome>;
  refresh(refreshToken: string): Promise<SignInOutcome>;
  /** Forgets a refresh token; one it does not know answers alike. */
  revoke(refreshToken: string): Promise<void>;
  /** Sends a reset code; an unknown email answers alike. */
  forgotPassword(realm: Realm, email: string): Promise<void>;
  confirmForgotPassword(realm: Realm, email: string, code: string, newPassword: string): Promise<void>;
}

type Claims = Pick<InvitationRecords, 'getClaim'>;

/**
 * Which pool an email signs in to, from the portal's claim on it: CBP staff have their own, where
 * Cognito requires a second factor. An email without an account goes to the participants' pool,
 * which refuses it like a wrong password, so the answer says nothing either way.
 */
const realmFor = async (deps: { members: Claims }, email: string): Promise<Realm> => {
  const claim = await deps.members.getClaim(email);
  return claim?.kind === 'user' ? realmOf(claim.companyId) : 'participants';
};

/** Seconds until the ID token expires, from its own `exp` (the emulator omits ExpiresIn). */
const secondsLeft = (jwt: string, now: Date): number => {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number };
  return Math.max(0, (payload.exp ?? 0) - Math.floor(now.getTime() / 1000));
};

const toResult = (outcome: SignInOutcome, now: Date): LoginResult => {
  if (outcome.kind === 'new-password-required') return { challenge: 'NEW_PASSWORD_REQUIRED', session: outcome.session };
  if (outcome.kind === 'mfa-required') return { challenge: 'SOFTWARE_TOKEN_MFA', session: outcome.session };
  if (outcome.kind === 'mfa-setup-required') return { challenge: 'MFA_SETUP', session: outcome.session };
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
  const outcome = await deps.auth.signIn(await realmFor(deps, email), email, password);
  if (outcome.kind === 'new-password-required') {
    const member = await memberByEmail(deps, email);
    if (member && invitationExpired(member, deps.clock.now())) throw new Unauthorized(INVITATION_EXPIRED);
  }
  return toResult(outcome, deps.clock.now());
};

export const completeNewPassword = async (
  deps: { auth: Pick<SignIns, 'answerNewPassword'>; members: Claims; clock: Clock },
  rawEmail: string,
  session: string,
  newPassword: string,
): Promise<LoginResult> => {
  const email = rawEmail.toLowerCase();
  const realm = await realmFor(deps, email);
  return toResult(await deps.auth.answerNewPassword(realm, email, session, newPassword), deps.clock.now());
};

/** The membership records, as a second factor proven at sign-in marks them. */
export type SecondFactorRecords = Claims & Pick<InvitationRecords, 'get'> & Pick<MfaRecords, 'markMfaEnrolled'>;

interface SecondFactorDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly members: SecondFactorRecords;
}

/**
 * The sign-in that set up an app marks the member enrolled (once, audited), which the portal's
 * own check for staff and, when required, primary POCs reads (DESIGN section 7).
 */
const recordSecondFactor = async (deps: SecondFactorDeps, email: string, sourceIp: string): Promise<void> => {
  const member = await memberByEmail(deps, email);
  if (!member || member.mfaEnrolledAt) return;
  const actor: Actor = { userId: member.userId, role: member.role, companyId: member.companyId, sourceIp };
  await markEnrolled(deps, actor, member);
};

export const answerMfa = async (
  deps: { auth: Pick<SignIns, 'answerMfa'>; members: Claims; clock: Clock },
  rawEmail: string,
  session: string,
  code: string,
): Promise<LoginResult> => {
  const email = rawEmail.toLowerCase();
  return toResult(await deps.auth.answerMfa(await realmFor(deps, email), email, session, code), deps.clock.now());
};

/**
 * The MFA_SETUP step of a sign-in (CBP staff's pool requires a second factor; someone without one
 * sets up an app before any token is issued): the secret for the app, as text and as a QR code's
 * URI, and the session for the code that confirms it.
 */
export const startMfaSetup = async (
  deps: { auth: Pick<SignIns, 'startMfaSetup'> },
  rawEmail: string,
  session: string,
) => {
  const email = rawEmail.toLowerCase();
  const next = await deps.auth.startMfaSetup(session);
  return { secretCode: next.secretCode, otpauthUri: otpauthUri(email, next.secretCode), session: next.session };
};

/** The app's first code finishes the sign-in: tokens, and the member marked enrolled (audited). */
export const finishMfaSetup = async (
  deps: SecondFactorDeps & { auth: Pick<SignIns, 'finishMfaSetup'> },
  rawEmail: string,
  session: string,
  code: string,
  sourceIp: string,
): Promise<LoginResult> => {
  const email = rawEmail.toLowerCase();
  const outcome = await deps.auth.finishMfaSetup(await realmFor(deps, email), email, session, code);
  if (outcome.kind === 'tokens') await recordSecondFactor(deps, email, sourceIp);
  return toResult(outcome, deps.clock.now());
};

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
      ? (await deps.identities.awaitsFirstSignIn(member.companyId, email))
        ? 'held'
        : 'has-password'
      : await reinvite(deps, actor, member).catch((error: unknown) => {
          logger.error('invitation resend failed', { companyId: member.companyId, error: asError(error) });
          return 'failed' as const;
        });
    if (outcome !== 'has-password') return PASSWORD_RESET_ANSWER;
  }
  await deps.auth.forgotPassword(member ? realmOf(member.companyId) : 'participants', email);
  return PASSWORD_RESET_ANSWER;
};

export const confirmForgotPassword = async (
  deps: { auth: Pick<SignIns, 'confirmForgotPassword'>; members: Claims },
  rawEmail: string,
  code: string,
  newPassword: string,
) => {
  const email = rawEmail.toLowerCase();
  await deps.auth.confirmForgotPassword(await realmFor(deps, email), email, code, newPassword);
  return { message: 'Your password has been changed; sign in with it.' };
};
