import { IsoDateTime } from './common.ts';
import * as z from 'zod/v4';

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

/** The MFA_SETUP step's answer: a secret for a new authenticator app, and the session that carries on. */
export const MfaSetupSecret = z.object({ secretCode: z.string(), otpauthUri: z.string(), session: z.string() });

export const TotpSecret = z.object({ secretCode: z.string(), otpauthUri: z.string() });
export const MfaEnrolled = z.object({ mfaEnrolled: z.literal(true) });

/** When the caller confirmed who they are; a signature needs it within `SIGNATURE_REAUTHENTICATION_MINUTES`. */
export const Reauthenticated = z.object({ reauthenticatedAt: IsoDateTime });
