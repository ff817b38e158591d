import * as z from 'zod/v4';
import { Email } from './common.ts';
import { PASSWORD_MIN_LENGTH } from '../definitions/passwords.ts';

export { PASSWORD_MIN_LENGTH };

/** At least PASSWORD_MIN_LENGTH characters (definitions/passwords.ts); no composition rules. */
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(256);

export const Login = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
});

export const NewPassword = z.strictObject({
  email: Email,
  session: z.string().min(20).max(4096),
  newPassword: Password,
});

export const Tokens = z.object({
  idToken: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
});

export const LoginResult = z.union([
  z.object({ tokens: Tokens }),
  z.object({ challenge: z.literal('NEW_PASSWORD_REQUIRED'), session: z.string() }),
  z.object({ challenge: z.literal('SOFTWARE_TOKEN_MFA'), session: z.string() }),
  // CBP staff's pool requires a second factor: someone without one sets up an app before any token.
  z.object({ challenge: z.literal('MFA_SETUP'), session: z.string() }),
]);

const TotpCode = z.string().regex(/^\d{6}$/, { message: 'must be the six digits the app shows' });

/** The second step of a sign-in for a user with an authenticator app. */
export const AnswerMfa = z.strictObject({ email: Email, session: z.string().min(20).max(4096), code: TotpCode });

const ChallengeSession = z.string().min(20).max(4096);

/** The MFA_SETUP step of a sign-in: a secret for a new authenticator app. */
export const StartMfaSetup = z.strictObject({ email: Email, session: ChallengeSession });
export const MfaSetupSecret = z.object({ secretCode: z.string(), otpauthUri: z.string(), session: z.string() });
/** The new app's first code, which finishes the sign-in. */
export const FinishMfaSetup = z.strictObject({ email: Email, session: ChallengeSession, code: TotpCode });

/** Setting up an authenticator app: Cognito's calls take the user's access token. */
export const StartTotp = z.strictObject({ accessToken: z.string().min(20).max(8192) });
export const TotpSecret = z.object({ secretCode: z.string(), otpauthUri: z.string() });
export const ConfirmTotp = z.strictObject({ accessToken: z.string().min(20).max(8192), code: TotpCode });
export const MfaEnrolled = z.object({ mfaEnrolled: z.literal(true) });
