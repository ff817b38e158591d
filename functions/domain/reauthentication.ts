/**
 * Re-authentication inside a session (issue 22 item 6, decision 95): a signed-in user confirms who
 * they are with their password, and their authenticator app's code when their sign-in asks for
 * one, before signing something (a certification). The sign-in it makes is only a check: its
 * refresh token is revoked at once, and the session the user already has carries on.
 */
import type { Clock, Ids } from './clock.ts';
import type { Caller } from './caller.ts';
import { auditItem } from './audit.ts';
import type { SignIns } from './auth.ts';
import { realmOf } from '../definitions/roles.ts';
import { HttpError, ValidationFailed } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Member } from '../schemas/membership.ts';

export interface ReauthenticationDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly auth: Pick<SignIns, 'signIn' | 'answerMfa' | 'revoke'>;
  readonly members: {
    get(companyId: string, userId: string): Promise<Member | null>;
    markReauthenticated(current: Member, at: string, audit: AuditRecord): Promise<void>;
  };
}

/** A wrong password or code is the field's error, not a 401: the user's session is still good. */
const asFieldError = (field: 'password' | 'code', message: string) => (error: unknown) => {
  if (error instanceof HttpError && error.status === 401) throw new ValidationFailed([{ field, message }]);
  throw error;
};

export const reauthenticate = async (
  deps: ReauthenticationDeps,
  caller: Caller,
  input: { password: string; code?: string | undefined },
): Promise<{ reauthenticatedAt: string }> => {
  const realm = realmOf(caller.companyId);
  let outcome = await deps.auth
    .signIn(realm, caller.email, input.password)
    .catch(asFieldError('password', 'is not your password'));
  const codeAsked = outcome.kind === 'mfa-required';
  if (outcome.kind === 'mfa-required') {
    if (!input.code)
      throw new ValidationFailed([{ field: 'code', message: 'enter the code your authenticator app shows' }]);
    outcome = await deps.auth
      .answerMfa(realm, caller.email, outcome.session, input.code)
      .catch(asFieldError('code', 'is not the code your authenticator app shows'));
  }
  if (outcome.kind !== 'tokens')
    throw new ValidationFailed([
      { field: 'password', message: 'sign out and sign in again to finish setting up your account' },
    ]);
  // Only a check: the session it opened is closed at once.
  if (outcome.result.RefreshToken) await deps.auth.revoke(outcome.result.RefreshToken);
  const member = await deps.members.get(caller.companyId, caller.userId);
  if (!member) throw new ValidationFailed([{ field: 'password', message: 'your portal account no longer exists' }]);
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.members.markReauthenticated(
    member,
    at,
    auditItem(
      caller,
      {
        companyId: caller.companyId,
        action: 'user.reauthenticated',
        objectType: 'user',
        objectId: caller.userId,
        changes: { withCode: codeAsked },
      },
      now,
      deps.ids.next(),
    ),
  );
  return { reauthenticatedAt: at };
};
