/**
 * Authenticator apps (TOTP, DESIGN section 7): any user may set one up; CBP staff must before
 * the portal serves them anything but this and `GET /me`. Once verified, the app is the user's
 * preferred second factor and Cognito asks for its code at every sign-in.
 */
import type { Clock, Ids } from './clock.ts';
import type { Caller } from './caller.ts';
import { auditItem, type Actor } from './audit.ts';
import { BadRequest, NotFound } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Member } from '../schemas/membership.ts';

/** Cognito's side of an authenticator app, for the holder of an access token. */
export interface Authenticators {
  /** A new secret for the app to show as a QR code. */
  startTotp(accessToken: string): Promise<string>;
  /** Verifies the app's first code and makes it the second factor at every sign-in. */
  confirmTotp(accessToken: string, code: string): Promise<void>;
}

/** The membership records, as set-up of an app reads and marks them. */
export interface MfaRecords {
  get(companyId: string, userId: string): Promise<Member | null>;
  /** With its audit record; refused (409) when the member is no longer active. */
  markMfaEnrolled(current: Member, at: string, audit: AuditRecord): Promise<void>;
}

interface MfaDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly auth: Authenticators;
  readonly members: MfaRecords;
}

/** Cognito checks the access token itself; the portal checks that it is the caller's own. */
const requireOwnToken = (caller: Caller, accessToken: string): void => {
  let sub: unknown;
  try {
    sub = (JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown })
      .sub;
  } catch {
    sub = undefined;
  }
  if (sub !== caller.userId)
    throw new BadRequest(
      "The access token is not the signed-in user's.",
      [{ field: 'accessToken', message: 'not the signed-in user' }],
      'invalid_access_token',
    );
};

export const startTotp = async (deps: Pick<MfaDeps, 'auth'>, caller: Caller, accessToken: string) => {
  requireOwnToken(caller, accessToken);
  const secretCode = await deps.auth.startTotp(accessToken);
  return { secretCode, otpauthUri: otpauthUri(caller.email, secretCode) };
};

/** What an authenticator app scans: the portal's name, the account's email and the secret. */
export const otpauthUri = (email: string, secretCode: string): string => {
  const label = encodeURIComponent(`C-TPAT Portal:${email}`);
  return `otpauth://totp/${label}?secret=${secretCode}&issuer=${encodeURIComponent('C-TPAT Portal')}`;
};

export const confirmTotp = async (deps: MfaDeps, caller: Caller, accessToken: string, code: string) => {
  requireOwnToken(caller, accessToken);
  await deps.auth.confirmTotp(accessToken, code);
  const member = await deps.members.get(caller.companyId, caller.userId);
  if (!member) throw new NotFound('Your portal account no longer exists.');
  await markEnrolled(deps, caller, member);
  return { mfaEnrolled: true };
};

/** Records that `member` has an authenticator app, with its audit record (by `actor`, the member). */
export const markEnrolled = async (
  deps: { readonly clock: Clock; readonly ids: Ids; readonly members: Pick<MfaRecords, 'markMfaEnrolled'> },
  actor: Actor,
  member: Member,
): Promise<void> => {
  const now = deps.clock.now();
  const audit = auditItem(
    actor,
    {
      companyId: member.companyId,
      action: 'user.mfa-enrolled',
      objectType: 'user',
      objectId: member.userId,
      changes: { after: { mfa: 'totp' } },
    },
    now,
    deps.ids.next(),
  );
  await deps.members.markMfaEnrolled(member, now.toISOString(), audit);
};
