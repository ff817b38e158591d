import type { Role } from '../definitions/roles.ts';
import type { Permissions } from './me.ts';

/** Memberships and email claims as stored: the records the domain decides and the membership store keeps. */

/** A person's portal membership: the source of truth for role, status and permissions. */
export interface Member {
  readonly companyId: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly status: 'active' | 'disabled';
  readonly permissions: Permissions;
  readonly createdAt: string;
  readonly version: number;
  /** When the user verified an authenticator app (TOTP); Cognito then asks for a code at every sign-in. */
  readonly mfaEnrolledAt?: string;
  /** When the user last confirmed who they are inside a session (password, and code when required; decision 95). */
  readonly reauthenticatedAt?: string;
  /** When the latest invitation was sent (absent for permanent passwords and older records). */
  readonly invitedAt?: string;
}

/** One email is one person: the claim that makes an email unique across the portal. */
export interface EmailClaim {
  readonly email: string;
  readonly companyId: string;
  /** `registered-poc` until the POC's account exists, then `user`. */
  readonly kind: 'registered-poc' | 'user';
  readonly userId?: string;
  readonly claimedAt: string;
  /** While the POC's account is being created: until when one request holds the creation. */
  readonly creatingUntil?: string;
  /**
   * The request that created the account (an id it drew first): a repeat of that request under
   * its Idempotency-Key draws the same id, and so knows the account as its own.
   */
  readonly requestId?: string;
}
