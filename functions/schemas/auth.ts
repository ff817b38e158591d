import * as z from 'zod/v4';
import { Email } from './common.ts';

/**
 * Password rule of DESIGN section 7 (OWASP ASVS / NIST 800-63B): long, no composition rules.
 * Cognito enforces the same minimum; breached-password checks are Cognito threat protection's.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const Password = z.string().min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }).max(256);

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
]);
