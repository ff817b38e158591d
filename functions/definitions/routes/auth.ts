/** Routes: Signing in and out, account requests, password resets, second factors, who am I. */
import { ALL_ROLES } from '../roles.ts';
import type { Route } from './types.ts';

export const login = {
  id: 'login',
  method: 'POST',
  path: '/auth/login',
  handler: 'login',
  auth: 'public',
  summary: 'Sign in with email and password; answers tokens or the NEW_PASSWORD_REQUIRED challenge',
  // table:read: a first sign-in checks the invitation's age on the portal's clock.
  access: ['cognito:auth', 'table:read'],
  mutates: false,
  errors: {
    401: 'Incorrect email or password (whichever it was), or an invitation that expired unused',
  },
  securityEvent: 'sign-in',
  idempotency: { exempt: 'Signing in changes no record: a repeat only issues other tokens.' },
} as const satisfies Route;

export const newPassword = {
  id: 'newPassword',
  method: 'POST',
  path: '/auth/new-password',
  handler: 'new-password',
  auth: 'public',
  summary: 'Answer the NEW_PASSWORD_REQUIRED challenge of a first sign-in',
  // table:read: the email's claim says which user pool it signs in to.
  access: ['cognito:auth', 'table:read'],
  mutates: false,
  errors: {
    401: 'The sign-in session, email or new password was refused',
  },
  securityEvent: 'sign-in',
  idempotency: {
    exempt: 'Answers a sign-in challenge whose session works once: Cognito refuses a repeat, and the password is set.',
  },
} as const satisfies Route;

export const requestAccount = {
  id: 'requestAccount',
  method: 'POST',
  path: '/auth/signup',
  handler: 'request-account',
  auth: 'public',
  summary:
    "Ask for the company's portal account with the registered POC email; the answer never says whether it is registered",
  successStatus: 202,
  access: ['table:read', 'table:write', 'cognito:invite'],
  mutates: true,
  idempotency: {
    exempt:
      'Public, so there is no caller to scope a key by; it answers the same whatever happened, and a repeat sends at most one more invitation, under its abuse limit.',
  },
} as const satisfies Route;

export const refresh = {
  id: 'refresh',
  method: 'POST',
  path: '/auth/refresh',
  handler: 'refresh',
  auth: 'public',
  summary: 'New tokens from a refresh token',
  access: ['cognito:auth'],
  mutates: false,
  errors: {
    401: 'The refresh token is unknown, revoked or expired',
  },
  idempotency: { exempt: 'Issues new tokens from a refresh token and changes no record.' },
} as const satisfies Route;

export const logout = {
  id: 'logout',
  method: 'POST',
  path: '/auth/logout',
  handler: 'logout',
  auth: 'public',
  summary:
    'Sign out: revokes the refresh token (and the access tokens issued with it); the answer is the same whether or not the token was valid',
  successStatus: 204,
  // Changes no portal record (Cognito forgets the token), so there is nothing to audit.
  access: ['cognito:auth'],
  mutates: false,
  securityEvent: 'sign-out',
  idempotency: { exempt: 'Revoking a token that is already revoked changes nothing.' },
} as const satisfies Route;

export const forgotPassword = {
  id: 'forgotPassword',
  method: 'POST',
  path: '/auth/forgot-password',
  handler: 'forgot-password',
  auth: 'public',
  summary:
    'Send a password-reset code (or, to someone who never chose a password, a new invitation); the answer never says whether the email has an account',
  successStatus: 202,
  access: ['table:read', 'table:write', 'cognito:auth', 'cognito:invite'],
  mutates: true,
  securityEvent: 'password-reset',
  idempotency: {
    exempt:
      'Public, so there is no caller to scope a key by; a repeat sends another code (the newest one works), under its abuse limit.',
  },
} as const satisfies Route;

export const confirmForgotPassword = {
  id: 'confirmForgotPassword',
  method: 'POST',
  path: '/auth/confirm-forgot-password',
  handler: 'confirm-forgot-password',
  auth: 'public',
  summary: 'Set a new password with the reset code',
  access: ['cognito:auth', 'table:read'],
  mutates: false,
  securityEvent: 'password-reset',
  idempotency: { exempt: 'The reset code works once: Cognito refuses a repeat, and the password is already set.' },
} as const satisfies Route;

export const answerMfa = {
  id: 'answerMfa',
  method: 'POST',
  path: '/auth/mfa',
  handler: 'answer-mfa',
  auth: 'public',
  summary: 'The second step of a sign-in with an authenticator app: the six-digit code',
  // table:read: the email's claim says which user pool it signs in to.
  access: ['cognito:auth', 'table:read'],
  mutates: false,
  errors: {
    401: 'Incorrect code, or a refused sign-in session',
  },
  securityEvent: 'sign-in',
  idempotency: { exempt: 'An MFA answer: its session and code work once, and a repeat is refused.' },
} as const satisfies Route;

export const startMfaSetup = {
  id: 'startMfaSetup',
  method: 'POST',
  path: '/auth/mfa-setup',
  handler: 'start-mfa-setup',
  auth: 'public',
  summary:
    'The MFA_SETUP step of a sign-in (CBP staff must have an authenticator app): a secret for a new app, and the session that carries on',
  access: ['cognito:auth'],
  mutates: false,
  idempotency: {
    exempt: 'Hands out a new secret for an authenticator app each time; only the one that is confirmed counts.',
  },
} as const satisfies Route;

export const finishMfaSetup = {
  id: 'finishMfaSetup',
  method: 'POST',
  path: '/auth/mfa-setup/verify',
  handler: 'finish-mfa-setup',
  auth: 'public',
  summary: "The new app's first code: finishes the sign-in with tokens, the app required from then on",
  // Marks the member enrolled, with its audit record.
  access: ['cognito:auth', 'table:read', 'table:write'],
  mutates: true,
  errors: {
    401: 'The sign-in was refused after the code',
    409: 'Your account changed while the app was recorded; sign in again',
  },
  securityEvent: 'mfa-change',
  idempotency: { exempt: 'An MFA answer: its session and code work once, and a repeat is refused.' },
} as const satisfies Route;

export const getMe = {
  id: 'getMe',
  method: 'GET',
  path: '/me',
  handler: 'get-me',
  auth: ALL_ROLES,
  allowRemovedCompany: true,
  allowWithoutMfa: true,
  summary: "The caller's identity, role and company, from the portal's records",
  access: ['table:read'],
  mutates: false,
} as const satisfies Route;

export const startTotp = {
  id: 'startTotp',
  method: 'POST',
  path: '/me/mfa/totp',
  handler: 'start-totp',
  auth: ALL_ROLES,
  allowWithoutMfa: true,
  summary: 'Start setting up an authenticator app: a new secret for it (send your access token; required of CBP staff)',
  access: ['cognito:auth', 'table:read'],
  mutates: false,
  idempotency: {
    exempt: 'Hands out a new secret for an authenticator app each time; only the one that is confirmed counts.',
  },
} as const satisfies Route;

export const confirmTotp = {
  id: 'confirmTotp',
  method: 'POST',
  path: '/me/mfa/totp/verification',
  handler: 'confirm-totp',
  auth: ALL_ROLES,
  allowWithoutMfa: true,
  summary: 'Finish setting up an authenticator app with its first code; from then on every sign-in asks for a code',
  access: ['cognito:auth', 'table:read', 'table:write'],
  mutates: true,
  errors: {
    409: 'Your account changed while the app was recorded; try again',
  },
  securityEvent: 'mfa-change',
  idempotency: { exempt: 'An MFA answer: confirming the app that is already set up changes nothing.' },
} as const satisfies Route;

export const reauthenticate = {
  id: 'reauthenticate',
  method: 'POST',
  path: '/me/reauthentication',
  handler: 'reauthenticate',
  auth: ALL_ROLES,
  summary:
    'Confirm who you are inside your session, with your password and, when your sign-in asks for one, your authenticator code: a certification is signed only within minutes of it',
  access: ['cognito:auth', 'table:read', 'table:write'],
  mutates: true,
  securityEvent: 'sign-in',
  idempotency: { exempt: 'Confirming again only moves the time of the last confirmation.' },
} as const satisfies Route;

export const AUTH_ROUTES = [
  login,
  newPassword,
  requestAccount,
  refresh,
  logout,
  forgotPassword,
  confirmForgotPassword,
  answerMfa,
  startMfaSetup,
  finishMfaSetup,
  getMe,
  startTotp,
  confirmTotp,
  reauthenticate,
] as const;
