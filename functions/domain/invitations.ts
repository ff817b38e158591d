/**
 * Invitations: the email with a temporary password that lets a person into the portal for the
 * first time. A lost or expired invitation is never a dead end (DESIGN section 3.12): asking for
 * the account again (a POC), "forgot password" (anyone) or a resend by the primary POC (their
 * users) or a CBP administrator (a POC) sets a new temporary password and sends it again, to
 * anyone who has not yet chosen a password of their own.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, Ids } from './clock.ts';
import { requireRole, type Caller } from './caller.ts';
import { auditItem, type Actor } from './audit.ts';
import { newDelivery } from './deliveries.ts';
import { enforceLimit, type LimitDeps, type RateCounters } from './limits.ts';
import { EMAIL_TEMPLATES } from '../definitions/email-templates.ts';
import { Conflict, Forbidden, NotFound, TooManyRequests } from '../errors.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { EmailClaim, Member } from '../schemas/membership.ts';
import type { Delivery } from '../schemas/outbox.ts';

/** The membership records, as invitations read and record them. */
export interface InvitationRecords {
  get(companyId: string, userId: string): Promise<Member | null>;
  getClaim(email: string): Promise<EmailClaim | null>;
  /** The time of the invitation, its audit record and its email, together; refused (409) when the member changed status or role. */
  recordInvitation(current: Member, at: string, audit: AuditRecord, delivery: Delivery): Promise<void>;
}

/** The sign-in identities (Cognito): whether a person still has only a temporary password, and a new one. */
export interface InvitationIdentities {
  awaitsFirstSignIn(companyId: string, email: string): Promise<boolean>;
  setTemporaryPassword(companyId: string, email: string, password: string): Promise<void>;
}

/** Days an invitation's temporary password stays valid (the user pool says the same). */
export const INVITATION_VALID_DAYS = 3;

/** Resends allowed per person in one window, whoever asks; past it a request sends nothing. */
export const INVITATION_LIMITS = { windowSeconds: 3600, perEmail: 5 } as const;

/**
 * Minutes after an invitation during which asking anonymously (the account request, "forgot
 * password") sends no other: twenty requests at once, or a second click, must not bury the first
 * email under copies. A resend by the primary POC or a CBP administrator is not held back.
 */
export const INVITATION_COOL_DOWN_MINUTES = 10;

/** Whether `member` was sent an invitation within the cool-down. */
export const recentlyInvited = (member: Pick<Member, 'invitedAt'>, now: Date): boolean =>
  member.invitedAt !== undefined &&
  now.getTime() - Date.parse(member.invitedAt) < INVITATION_COOL_DOWN_MINUTES * 60_000;

/** A temporary password that satisfies the pool's policy (length, no composition rules). */
export const temporaryPassword = (): string => randomBytes(18).toString('base64url');

/**
 * The invitation email of one person, with their temporary password, as an outbox delivery. It
 * greets no one by name: the name is what the inviter typed, and the portal's official email
 * must not carry another person's words (issue 17).
 */
export const invitationDelivery = (
  deliveryId: string,
  member: Pick<Member, 'email' | 'userId'>,
  password: string,
  now: string,
): Delivery =>
  newDelivery({
    deliveryId,
    template: EMAIL_TEMPLATES.invitation.name,
    recipients: [{ email: member.email, data: { email: member.email, temporaryPassword: password } }],
    defaultData: { expiresDays: String(INVITATION_VALID_DAYS) },
    reason: `invitation:${member.userId}`,
    now,
  });

/**
 * Whether the member's latest invitation has expired on the portal's clock. Cognito enforces
 * the same validity in AWS; the portal checks it too, so the demo's simulated date and a test's
 * clock decide, and the emulator (which never expires one) cannot hide the rule.
 */
export const invitationExpired = (member: Pick<Member, 'invitedAt'>, now: Date): boolean =>
  member.invitedAt !== undefined && now.getTime() > Date.parse(member.invitedAt) + INVITATION_VALID_DAYS * 86_400_000;

export interface ReinviteDeps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly identities: InvitationIdentities;
  readonly members: Pick<InvitationRecords, 'recordInvitation'>;
  readonly limits: Pick<RateCounters, 'hit'>;
}

/**
 * Sends `member` a new invitation if they have never chosen a password: a new temporary
 * password in Cognito first (the old one stops working), then the record, the audit record
 * and the email in one transaction. Answers what happened: `has-password` for someone who
 * resets their password instead, `limited` past the hourly limit.
 */
export const reinvite = async (
  deps: ReinviteDeps,
  actor: Actor,
  member: Member,
): Promise<'sent' | 'has-password' | 'limited'> => {
  if (!(await deps.identities.awaitsFirstSignIn(member.companyId, member.email))) return 'has-password';
  const now = deps.clock.now();
  const { windowSeconds, perEmail } = INVITATION_LIMITS;
  if ((await deps.limits.hit(`invitation:${member.email}`, windowSeconds, now)) > perEmail) return 'limited';
  const password = temporaryPassword();
  await deps.identities.setTemporaryPassword(member.companyId, member.email, password);
  const delivery = invitationDelivery(deps.ids.next(), member, password, now.toISOString());
  const audit = auditItem(
    actor,
    {
      companyId: member.companyId,
      action: 'user.reinvited',
      objectType: 'user',
      objectId: member.userId,
      changes: { set: { invitedAt: now.toISOString() } },
    },
    now,
    deps.ids.next(),
  );
  await deps.members.recordInvitation(member, now.toISOString(), audit, delivery);
  return 'sent';
};

/** The member an email belongs to, through its claim; null when the email has no account. */
export const memberByEmail = async (
  deps: { members: Pick<InvitationRecords, 'getClaim' | 'get'> },
  email: string,
): Promise<Member | null> => {
  const claim = await deps.members.getClaim(email);
  return claim?.kind === 'user' && claim.userId ? deps.members.get(claim.companyId, claim.userId) : null;
};

/**
 * POST /companies/{companyId}/users/{userId}/invitation: the primary POC resends one of their
 * users' invitations; a CBP administrator resends a company's primary POC's (staff use "forgot
 * password", which does the same). Refused (409) for someone who has already chosen a password,
 * 429 past the limit.
 */
export const resendInvitation = async (
  deps: ReinviteDeps & LimitDeps & { readonly members: Pick<InvitationRecords, 'get'> },
  caller: Caller,
  companyId: string,
  userId: string,
) => {
  requireRole(caller, ['primary-poc', 'cbp-admin']);
  if (caller.role === 'primary-poc' && caller.companyId !== companyId) throw new NotFound('No such company.');
  const member = await deps.members.get(companyId, userId);
  if (!member) throw new NotFound('No such user.');
  if (member.userId === caller.userId)
    throw new Forbidden('You cannot resend your own invitation; use "Forgot password" on the sign-in page.');
  if (caller.role === 'cbp-admin' && member.role !== 'primary-poc') {
    throw new Forbidden("A company's primary point of contact resends their own users' invitations.");
  }
  if (member.status !== 'active') throw new Conflict('The user is disabled; enable them first.', 'user_disabled');
  await enforceLimit(deps, caller, 'invitation');
  const outcome = await reinvite(deps, caller, member);
  if (outcome === 'has-password')
    throw new Conflict(
      'This user has already chosen a password; they can use "Forgot password" on the sign-in page.',
      'has_password',
    );
  if (outcome === 'limited')
    throw new TooManyRequests(
      'Too many invitations to this user in the last hour; try again later.',
      INVITATION_LIMITS.windowSeconds,
    );
  return {
    message: `A new invitation has been sent to ${member.email}; its temporary password is valid for ${INVITATION_VALID_DAYS} days.`,
  };
};
