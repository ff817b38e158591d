/**
 * What the sign-in, account-request and password routes validate (definitions/routes/auth.ts).
 * A handler builds only the request schemas of its own area: records and answers live in the
 * area modules one level up.
 */
import * as z from '../zod.ts';
import { schema } from '../pure.ts';
import { PASSWORD_MIN_LENGTH } from '../../definitions/passwords.ts';
import { Email } from '../common.ts';

/** At least PASSWORD_MIN_LENGTH characters (definitions/passwords.ts); no composition rules. */
export const Password = /* @__PURE__ */ schema(() =>
  z
    .string()
    .check(
      z.minLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` }),
      z.maxLength(256),
    ),
);

export const Login = /* @__PURE__ */ schema(() =>
  z.strictObject({
    email: Email,
    password: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
);

export const NewPassword = /* @__PURE__ */ schema(() =>
  z.strictObject({
    email: Email,
    session: z.string().check(z.minLength(20), z.maxLength(4096)),
    newPassword: Password,
  }),
);

const TotpCode = /* @__PURE__ */ schema(() =>
  z.string().check(z.regex(/^\d{6}$/, { message: 'must be the six digits the app shows' })),
);

/** The second step of a sign-in for a user with an authenticator app. */
export const AnswerMfa = /* @__PURE__ */ schema(() =>
  z.strictObject({ email: Email, session: z.string().check(z.minLength(20), z.maxLength(4096)), code: TotpCode }),
);

/** POST /me/reauthentication: the password, and the authenticator code when the sign-in asks for one. */
export const Reauthenticate = /* @__PURE__ */ schema(() =>
  z.strictObject({ password: z.string().check(z.minLength(1), z.maxLength(256)), code: z.optional(TotpCode) }),
);

const ChallengeSession = /* @__PURE__ */ schema(() => z.string().check(z.minLength(20), z.maxLength(4096)));

/** The MFA_SETUP step of a sign-in: a secret for a new authenticator app. */
export const StartMfaSetup = /* @__PURE__ */ schema(() => z.strictObject({ email: Email, session: ChallengeSession }));
/** The new app's first code, which finishes the sign-in. */
export const FinishMfaSetup = /* @__PURE__ */ schema(() =>
  z.strictObject({ email: Email, session: ChallengeSession, code: TotpCode }),
);

/** Setting up an authenticator app: Cognito's calls take the user's access token. */
export const StartTotp = /* @__PURE__ */ schema(() =>
  z.strictObject({ accessToken: z.string().check(z.minLength(20), z.maxLength(8192)) }),
);
export const ConfirmTotp = /* @__PURE__ */ schema(() =>
  z.strictObject({ accessToken: z.string().check(z.minLength(20), z.maxLength(8192)), code: TotpCode }),
);
export const AccountRequest = /* @__PURE__ */ schema(() => z.strictObject({ email: Email }));
export const Refresh = /* @__PURE__ */ schema(() =>
  z.strictObject({ refreshToken: z.string().check(z.minLength(20), z.maxLength(8192)) }),
);
/** Sign-out names the refresh token to revoke. */
export const Logout = Refresh;
export const ForgotPassword = /* @__PURE__ */ schema(() => z.strictObject({ email: Email }));
export const ConfirmForgotPassword = /* @__PURE__ */ schema(() =>
  z.strictObject({
    email: Email,
    code: z.string().check(z.regex(/^[0-9A-Za-z]{4,16}$/, { message: 'must be the code from the email' })),
    newPassword: Password,
  }),
);
