/** The request and response schemas of the routes in functions/definitions/routes/auth.ts, by route id. */
import { LoginResult, MfaEnrolled, MfaSetupSecret, TotpSecret } from '../auth.ts';
import {
  AnswerMfa,
  ConfirmTotp,
  FinishMfaSetup,
  Login,
  NewPassword,
  StartMfaSetup,
  StartTotp,
} from '../requests/auth.ts';
import { Me } from '../me.ts';
import { Message } from '../users.ts';
import {
  AccountRequest,
  ConfirmForgotPassword,
  ForgotPassword,
  Logout,
  Reauthenticate,
  Refresh,
} from '../requests/auth.ts';
import { Reauthenticated } from '../auth.ts';
import type { RouteSchemaTable } from '../../definitions/routes/types.ts';
import type { AUTH_ROUTES } from '../../definitions/routes/auth.ts';

export const AUTH_SCHEMAS = {
  login: {
    body: Login,
    example: { email: 'officer@cbp.example.gov', password: 'a long passphrase of mine' },
    response: LoginResult,
  },
  newPassword: {
    body: NewPassword,
    response: LoginResult,
    example: {
      email: 'poc@acme-imports.example.com',
      session: 'session-from-the-login-answer',
      newPassword: 'a new long passphrase 2006',
    },
  },
  requestAccount: {
    body: AccountRequest,
    example: { email: 'poc@acme-imports.example.com' },
    response: Message,
  },
  refresh: {
    body: Refresh,
    example: { refreshToken: 'refresh-token-from-the-login-answer' },
    response: LoginResult,
  },
  logout: {
    body: Logout,
    example: { refreshToken: 'refresh-token-from-the-login-answer' },
  },
  forgotPassword: {
    body: ForgotPassword,
    example: { email: 'poc@acme-imports.example.com' },
    response: Message,
  },
  confirmForgotPassword: {
    body: ConfirmForgotPassword,
    example: { email: 'poc@acme-imports.example.com', code: '123456', newPassword: 'a new long passphrase 2006' },
    response: Message,
  },
  answerMfa: {
    body: AnswerMfa,
    example: { email: 'officer@cbp.example.gov', session: 'session-from-the-login-answer', code: '123456' },
    response: LoginResult,
  },
  reauthenticate: {
    body: Reauthenticate,
    example: { password: 'correct horse battery staple 2006', code: '123456' },
    response: Reauthenticated,
  },
  startMfaSetup: {
    body: StartMfaSetup,
    example: { email: 'officer@cbp.example.gov', session: 'session-from-the-login-answer' },
    response: MfaSetupSecret,
  },
  finishMfaSetup: {
    body: FinishMfaSetup,
    example: { email: 'officer@cbp.example.gov', session: 'session-from-the-mfa-setup-answer', code: '123456' },
    response: LoginResult,
  },
  getMe: {
    response: Me,
  },
  startTotp: {
    body: StartTotp,
    example: { accessToken: 'access-token-from-the-login-answer' },
    response: TotpSecret,
  },
  confirmTotp: {
    body: ConfirmTotp,
    example: { accessToken: 'access-token-from-the-login-answer', code: '123456' },
    response: MfaEnrolled,
  },
} as const satisfies RouteSchemaTable<typeof AUTH_ROUTES>;
