import {
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  UserNotFoundException,
  InvalidPasswordException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  TooManyRequestsException,
  CodeMismatchException,
  ExpiredCodeException,
  ForgotPasswordCommand,
  ConfirmForgotPasswordCommand,
  InvalidParameterException,
  LimitExceededException,
  AssociateSoftwareTokenCommand,
  VerifySoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  EnableSoftwareTokenMFAException,
  GetTokensFromRefreshTokenCommand,
  RefreshTokenReuseException,
  RevokeTokenCommand,
  UnauthorizedException,
  UnsupportedTokenTypeException,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito, POOLS, type Pool } from '../clients/cognito.ts';
import type { Realm } from '../definitions/roles.ts';
import { BadRequest, TooManyRequests, Unauthorized } from '../errors.ts';
import { logger } from '../log.ts';

export type SignInOutcome =
  | { kind: 'tokens'; result: AuthenticationResultType }
  | { kind: 'new-password-required'; session: string }
  | { kind: 'mfa-required'; session: string }
  | { kind: 'mfa-setup-required'; session: string };

const clientOf = (realm: Realm): string => POOLS[realm].clientId;

/**
 * Every way a sign-in can fail answers the same 401, so the answer reveals nothing about
 * which emails have accounts. Throttling is a 429 the client may retry.
 */
const mapAuthError = (error: unknown): never => {
  if (error instanceof TooManyRequestsException) throw new TooManyRequests();
  if (
    error instanceof NotAuthorizedException ||
    error instanceof UserNotFoundException ||
    error instanceof InvalidPasswordException ||
    error instanceof PasswordResetRequiredException ||
    error instanceof UserNotConfirmedException
  ) {
    throw new Unauthorized('Incorrect email or password.');
  }
  if (error instanceof CodeMismatchException || error instanceof ExpiredCodeException) {
    throw new BadRequest('The sign-in session has expired; sign in again.', [], 'session_expired');
  }
  throw error;
};

const outcome = (response: {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: string;
  Session?: string;
}): SignInOutcome => {
  if (response.AuthenticationResult) return { kind: 'tokens', result: response.AuthenticationResult };
  if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED' && response.Session)
    return { kind: 'new-password-required', session: response.Session };
  if (response.ChallengeName === 'SOFTWARE_TOKEN_MFA' && response.Session)
    return { kind: 'mfa-required', session: response.Session };
  // A pool that requires a second factor, and a user without one yet: set up an app first.
  if (response.ChallengeName === 'MFA_SETUP' && response.Session)
    return { kind: 'mfa-setup-required', session: response.Session };
  throw new Unauthorized('This sign-in needs a step the portal does not offer; contact the C-TPAT help desk.');
};

export const signIn = async (realm: Realm, email: string, password: string): Promise<SignInOutcome> => {
  const response = await cognito
    .send(
      new InitiateAuthCommand({
        ClientId: clientOf(realm),
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    )
    .catch(mapAuthError);
  return outcome(response);
};

export const answerNewPassword = async (
  realm: Realm,
  email: string,
  session: string,
  newPassword: string,
): Promise<SignInOutcome> => {
  const response = await cognito
    .send(
      new RespondToAuthChallengeCommand({
        ClientId: clientOf(realm),
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
      }),
    )
    .catch(mapAuthError);
  return outcome(response);
};

/** The second step of a sign-in with an authenticator app: the six-digit code. A wrong code is the same 401 as a wrong password. */
export const answerMfa = async (realm: Realm, email: string, session: string, code: string): Promise<SignInOutcome> => {
  const response = await cognito
    .send(
      new RespondToAuthChallengeCommand({
        ClientId: clientOf(realm),
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: session,
        ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    )
    .catch((error: unknown) => {
      if (error instanceof CodeMismatchException || error instanceof EnableSoftwareTokenMFAException)
        throw new Unauthorized('Incorrect code.');
      return mapAuthError(error);
    });
  return outcome(response);
};

/**
 * The MFA_SETUP step of a sign-in (a pool that requires a second factor, a user without one): a
 * new authenticator-app secret for the sign-in's session, and the session that carries on.
 */
export const startMfaSetup = async (session: string): Promise<{ secretCode: string; session: string }> => {
  const { SecretCode, Session } = await cognito
    .send(new AssociateSoftwareTokenCommand({ Session: session }))
    .catch(mapSetupError);
  if (!SecretCode || !Session) throw new Error('Cognito answered without a secret or a session');
  return { secretCode: SecretCode, session: Session };
};

/** Verifies the new app's first code, then answers MFA_SETUP: the tokens, with the app now required at every sign-in. */
export const finishMfaSetup = async (
  realm: Realm,
  email: string,
  session: string,
  code: string,
): Promise<SignInOutcome> => {
  const verified = await cognito
    .send(new VerifySoftwareTokenCommand({ Session: session, UserCode: code, FriendlyDeviceName: 'authenticator' }))
    .catch(mapSetupError);
  if (verified.Status !== 'SUCCESS' || !verified.Session) throw wrongSetupCode();
  const response = await cognito
    .send(
      new RespondToAuthChallengeCommand({
        ClientId: clientOf(realm),
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: email },
      }),
    )
    .catch(mapAuthError);
  return outcome(response);
};

const wrongSetupCode = () =>
  new BadRequest(
    'That code is not the one the app shows now.',
    [{ field: 'code', message: 'wrong or expired' }],
    'invalid_code',
  );

const mapSetupError = (error: unknown): never => {
  if (error instanceof TooManyRequestsException || error instanceof LimitExceededException) throw new TooManyRequests();
  if (error instanceof CodeMismatchException || error instanceof EnableSoftwareTokenMFAException)
    throw wrongSetupCode();
  if (error instanceof NotAuthorizedException || error instanceof InvalidParameterException)
    throw new BadRequest('The sign-in session has expired; sign in again.', [], 'session_expired');
  throw error;
};

/** A new authenticator-app secret for the signed-in user (their access token proves who). */
export const startTotp = async (accessToken: string): Promise<string> => {
  const { SecretCode } = await cognito
    .send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))
    .catch(mapTokenError);
  if (!SecretCode) throw new Error('Cognito answered without a secret');
  return SecretCode;
};

/** Verifies the first code from the app and makes TOTP the user's required second factor at every sign-in. */
export const confirmTotp = async (accessToken: string, code: string): Promise<void> => {
  await cognito
    .send(
      new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: code, FriendlyDeviceName: 'authenticator' }),
    )
    .catch(mapTokenError);
  await cognito
    .send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    )
    .catch(mapTokenError);
};

const mapTokenError = (error: unknown): never => {
  if (error instanceof TooManyRequestsException || error instanceof LimitExceededException) throw new TooManyRequests();
  if (error instanceof CodeMismatchException || error instanceof EnableSoftwareTokenMFAException) {
    throw new BadRequest(
      'That code is not the one the app shows now.',
      [{ field: 'code', message: 'wrong or expired' }],
      'invalid_code',
    );
  }
  if (error instanceof NotAuthorizedException || error instanceof InvalidParameterException) {
    throw new BadRequest(
      'The access token is not valid.',
      [{ field: 'accessToken', message: 'invalid or expired' }],
      'invalid_access_token',
    );
  }
  throw error;
};

/**
 * New ID and access tokens from a refresh token, and with rotation (the app client's setting in
 * AWS) a new refresh token that replaces it. `GetTokensFromRefreshToken` is the only refresh a
 * rotating client accepts; `REFRESH_TOKEN_AUTH` is refused there. Locally a stand-in in front of
 * cognito-local answers it (docs/emulators.md).
 */
const refreshIn = async (pool: Pool, refreshToken: string): Promise<SignInOutcome> => {
  const response = await cognito
    .send(new GetTokensFromRefreshTokenCommand({ ClientId: pool.clientId, RefreshToken: refreshToken }))
    .catch((error: unknown) => {
      // A rotated-out token used again after the grace period: refused like any other bad token.
      if (error instanceof RefreshTokenReuseException) throw new Unauthorized('Incorrect email or password.');
      return mapAuthError(error);
    });
  return outcome(response);
};

/**
 * A refresh token does not say which pool issued it (in AWS it is encrypted): the participants'
 * client is asked first, then the staff client; a token neither knows is the usual 401.
 */
export const refresh = async (refreshToken: string): Promise<SignInOutcome> =>
  refreshIn(POOLS.participants, refreshToken).catch((error: unknown) => {
    if (error instanceof Unauthorized) return refreshIn(POOLS.staff, refreshToken);
    throw error;
  });

/**
 * Revokes a refresh token. A token Cognito does not accept (unknown, revoked already, malformed,
 * or an access or ID token) is swallowed whatever the exception says (AWS: Unauthorized,
 * UnsupportedTokenType, InvalidParameter; cognito-local: NotAuthorized), so sign-out answers
 * alike whatever it was sent. Throttling is still a 429 the client may retry.
 */
export const revoke = async (refreshToken: string): Promise<void> => {
  // Either pool may have issued it; each forgets only its own.
  await Promise.all([revokeIn(POOLS.participants, refreshToken), revokeIn(POOLS.staff, refreshToken)]);
};

const revokeIn = async (pool: Pool, refreshToken: string): Promise<void> => {
  await cognito
    .send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: refreshToken }))
    .catch((error: unknown) => {
      if (
        error instanceof NotAuthorizedException ||
        error instanceof UnauthorizedException ||
        error instanceof UnsupportedTokenTypeException ||
        error instanceof InvalidParameterException
      ) {
        return;
      }
      if (error instanceof TooManyRequestsException) throw new TooManyRequests();
      throw error;
    });
};

/**
 * Starts a password reset. Cognito sends the code (in AWS by email; cognito-local prints it).
 * Unknown emails are silent: with PreventUserExistenceErrors Cognito answers as if it sent one.
 */
export const forgotPassword = async (realm: Realm, email: string): Promise<void> => {
  await cognito
    .send(new ForgotPasswordCommand({ ClientId: clientOf(realm), Username: email }))
    .catch((error: unknown) => {
      if (
        error instanceof UserNotFoundException ||
        error instanceof NotAuthorizedException ||
        error instanceof InvalidParameterException
      )
        return;
      // Cognito's attempt limit exists only for real accounts: answering 429 would reveal one.
      if (error instanceof LimitExceededException) {
        logger.warn('password reset limit reached');
        return;
      }
      if (error instanceof TooManyRequestsException) throw new TooManyRequests();
      throw error;
    });
};

export const confirmForgotPassword = async (
  realm: Realm,
  email: string,
  code: string,
  newPassword: string,
): Promise<void> => {
  await cognito
    .send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientOf(realm),
        Username: email,
        ConfirmationCode: code,
        Password: newPassword,
      }),
    )
    .catch((error: unknown) => {
      if (error instanceof LimitExceededException || error instanceof TooManyRequestsException)
        throw new TooManyRequests();
      if (error instanceof InvalidPasswordException)
        throw new BadRequest(
          'That password is not allowed.',
          [{ field: 'newPassword', message: 'not allowed' }],
          'invalid_password',
        );
      // Wrong code, expired code and unknown email answer alike.
      throw new BadRequest(
        'The code is wrong or has expired; ask for a new one.',
        [{ field: 'code', message: 'wrong or expired' }],
        'invalid_code',
      );
    });
};
