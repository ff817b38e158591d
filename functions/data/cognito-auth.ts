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
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognito, USER_POOL_CLIENT_ID } from '../clients/cognito.ts';
import { BadRequest, TooManyRequests, Unauthorized } from '../http/errors.ts';

export type SignInOutcome =
  | { kind: 'tokens'; result: AuthenticationResultType }
  | { kind: 'new-password-required'; session: string };

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

const outcome = (response: { AuthenticationResult?: AuthenticationResultType; ChallengeName?: string; Session?: string }): SignInOutcome => {
  if (response.AuthenticationResult) return { kind: 'tokens', result: response.AuthenticationResult };
  if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED' && response.Session) return { kind: 'new-password-required', session: response.Session };
  throw new Unauthorized('This sign-in needs a step the portal does not offer; contact the C-TPAT help desk.');
};

export const signIn = async (email: string, password: string): Promise<SignInOutcome> => {
  const response = await cognito
    .send(new InitiateAuthCommand({ ClientId: USER_POOL_CLIENT_ID, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }))
    .catch(mapAuthError);
  return outcome(response);
};

export const answerNewPassword = async (email: string, session: string, newPassword: string): Promise<SignInOutcome> => {
  const response = await cognito
    .send(
      new RespondToAuthChallengeCommand({
        ClientId: USER_POOL_CLIENT_ID,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
      }),
    )
    .catch(mapAuthError);
  return outcome(response);
};
