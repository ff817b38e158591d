/**
 * When a signed-in session ends, as pure functions of the clock (NIST 800-53 AC-11 and AC-12):
 * after 15 minutes without the person touching the page, with a warning 2 minutes before, and
 * 12 hours after sign-in whatever they do (the refresh token's own lifetime), also warned.
 */

export interface TimeoutLimits {
  /** Inactivity after which the session ends. */
  readonly idleMs: number;
  /** Time after sign-in at which the session ends, active or not. */
  readonly absoluteMs: number;
  /** How long before either end the warning shows. */
  readonly warningMs: number;
}

export const SESSION_LIMITS: TimeoutLimits = {
  idleMs: 15 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  warningMs: 2 * 60_000,
};

export type EndReason = 'idle' | 'absolute';

export type TimeoutState =
  | { readonly kind: 'active' /** When to look again. */; readonly checkAt: number }
  | { readonly kind: 'warning'; readonly reason: EndReason; readonly endsAt: number }
  | { readonly kind: 'ended'; readonly reason: EndReason };

export interface SessionClock {
  readonly now: number;
  /** The person's last keypress, click, tap or scroll (ms since the epoch). */
  readonly lastActivity: number;
  readonly signedInAt: number;
}

/** Where the session stands now; the earlier of the two ends wins. */
export const timeoutState = (
  { now, lastActivity, signedInAt }: SessionClock,
  limits: TimeoutLimits = SESSION_LIMITS,
): TimeoutState => {
  const idleEnd = lastActivity + limits.idleMs;
  const absoluteEnd = signedInAt + limits.absoluteMs;
  const reason: EndReason = absoluteEnd <= idleEnd ? 'absolute' : 'idle';
  const endsAt = Math.min(idleEnd, absoluteEnd);
  if (now >= endsAt) return { kind: 'ended', reason };
  if (now >= endsAt - limits.warningMs) return { kind: 'warning', reason, endsAt };
  return { kind: 'active', checkAt: endsAt - limits.warningMs };
};

/** Whole minutes left, rounded up, for the warning's words ("in 2 minutes"). */
export const minutesLeft = (endsAt: number, now: number): number => Math.max(1, Math.ceil((endsAt - now) / 60_000));

/** What the sign-in page tells someone whose session ended on its own. */
export const END_MESSAGES: Readonly<Record<EndReason, string>> = {
  idle: 'You were signed out because the portal was not used for 15 minutes. Sign in again to continue.',
  absolute: 'You were signed out because sessions last at most 12 hours. Sign in again to continue.',
};
