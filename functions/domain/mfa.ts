/**
 * Authenticator apps (TOTP, DESIGN section 7): any user may set one up; CBP staff must before
 * the portal serves them anything but this and `GET /me`. Once verified, the app is the user's
 * preferred second factor and Cognito asks for its code at every sign-in.
 */
import type { Deps } from './deps.ts';
import type { Caller } from './caller.ts';
import { auditItem } from '../data/audit-records.ts';
import { BadRequest, NotFound } from '../errors.ts';

type MfaDeps = Pick<Deps, 'clock' | 'ids' | 'members'> & {
  readonly auth: Pick<Deps['auth'], 'startTotp' | 'confirmTotp'>;
};

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
  const label = encodeURIComponent(`C-TPAT Portal:${caller.email}`);
  return {
    secretCode,
    otpauthUri: `otpauth://totp/${label}?secret=${secretCode}&issuer=${encodeURIComponent('C-TPAT Portal')}`,
  };
};

export const confirmTotp = async (deps: MfaDeps, caller: Caller, accessToken: string, code: string) => {
  requireOwnToken(caller, accessToken);
  await deps.auth.confirmTotp(accessToken, code);
  const member = await deps.members.get(caller.companyId, caller.userId);
  if (!member) throw new NotFound('Your portal account no longer exists.');
  const now = deps.clock.now();
  const audit = auditItem(
    caller,
    {
      companyId: caller.companyId,
      action: 'user.mfa-enrolled',
      objectType: 'user',
      objectId: caller.userId,
      changes: { after: { mfa: 'totp' } },
    },
    now,
    deps.ids.next(),
  );
  await deps.members.markMfaEnrolled(member, now.toISOString(), audit);
  return { mfaEnrolled: true };
};
