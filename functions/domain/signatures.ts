/**
 * Electronic signatures on certifications (issue 22 item 6, decision 95): a signature is made only
 * within `SIGNATURE_REAUTHENTICATION_MINUTES` of the signer's re-authentication, and binds the
 * words shown to the exact profile version by its hash.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Caller } from './caller.ts';
import { SIGNATURE_REAUTHENTICATION_MINUTES } from '../definitions/program-status.ts';
import { Forbidden } from '../errors.ts';
import type { ProfileVersion } from '../schemas/profile.ts';

/** `sha256:` and the hex SHA-256 of the version's company id, number and answers as RFC 8785 JSON. */
export const profileHash = (profile: Pick<ProfileVersion, 'companyId' | 'version' | 'answers'>): string =>
  `sha256:${createHash('sha256')
    .update(canonicalize({ companyId: profile.companyId, version: profile.version, answers: profile.answers })!)
    .digest('hex')}`;

/** The caller's re-authentication, if recent enough to sign with; a 403 `reauthentication_required` otherwise. */
export const requireFreshReauthentication = (caller: Caller, now: Date): string => {
  const at = caller.reauthenticatedAt;
  const oldest = now.getTime() - SIGNATURE_REAUTHENTICATION_MINUTES * 60_000;
  if (!at || Date.parse(at) < oldest || Date.parse(at) > now.getTime() + 60_000)
    throw new Forbidden(
      `Confirm your password (and your authenticator code, if you use one) to sign: a signature needs it within the last ${SIGNATURE_REAUTHENTICATION_MINUTES} minutes.`,
      'reauthentication_required',
    );
  return at;
};
