/**
 * Enforces the abuse limits of `definitions/limits.ts` in the domain functions that send mail or
 * reach another company. Called after the caller's right to act has been checked (a refused or
 * mistaken request counts nothing) and before anything is written, so a request past a limit
 * stores nothing and sends nothing.
 */
import type { Clock } from './clock.ts';
import { isStaff, type Caller } from './caller.ts';
import { LIMITS, type Limit, type LimitedAction } from '../definitions/limits.ts';
import { TooManyRequests } from '../errors.ts';

/** Fixed-window request counters. */
export interface RateCounters {
  /**
   * Counts one request against `name` in the window of `windowSeconds` that holds `now`; answers
   * the count so far. A request with `requestId` counts once, however often it runs.
   */
  hit(name: string, windowSeconds: number, now: Date, requestId?: string): Promise<number>;
  /** What every limit's count is multiplied by (1 in production). */
  readonly scale: number;
}

/** Operational counts (CloudWatch metrics in AWS). */
export interface Metrics {
  count(name: string, dimensions: Record<string, string>, properties?: Record<string, string>): void;
}

export interface LimitDeps {
  readonly clock: Clock;
  readonly limits: RateCounters;
  readonly metrics: Metrics;
}

/** Seconds until the fixed window that holds `now` closes: when a refused caller may try again. */
const untilWindowEnds = (now: Date, windowSeconds: number): number => {
  const seconds = Math.floor(now.getTime() / 1000);
  return windowSeconds - (seconds % windowSeconds);
};

const WHAT: Record<LimitedAction, string> = {
  thread: 'new threads',
  message: 'messages',
  grantRequest: 'grant requests',
  partnerCode: 'partners named by code',
  invitation: 'invitations',
  alert: 'alerts and bulletins',
};

/**
 * Counts one `action` by the caller against their own limit and then, for a participant, their
 * company's; past either, a 429 with Retry-After (the window's end) and one `RateLimited`
 * count with the action as its dimension. The user's limit is checked first, so one user past
 * theirs cannot use up what their colleagues may still send.
 */
export const enforceLimit = async (
  deps: LimitDeps,
  caller: Caller,
  action: LimitedAction,
  requestId?: string,
): Promise<void> => {
  const limits = LIMITS[action];
  const scopes: { scope: 'user' | 'company'; key: string; limit: Limit }[] = isStaff(caller)
    ? limits.staff
      ? [{ scope: 'user', key: `${action}:user:${caller.userId}`, limit: limits.staff.perUser }]
      : []
    : limits.participant
      ? [
          { scope: 'user', key: `${action}:user:${caller.userId}`, limit: limits.participant.perUser },
          { scope: 'company', key: `${action}:company:${caller.companyId}`, limit: limits.participant.perCompany },
        ]
      : [];
  const now = deps.clock.now();
  for (const { scope, key, limit: base } of scopes) {
    const limit = { count: Math.round(base.count * deps.limits.scale), windowSeconds: base.windowSeconds };
    if ((await deps.limits.hit(key, limit.windowSeconds, now, requestId)) <= limit.count) continue;
    deps.metrics.count('RateLimited', { Action: action }, { scope });
    const who = scope === 'user' ? 'you have sent' : 'your company has sent';
    throw new TooManyRequests(
      `Too many ${WHAT[action]}: ${who} ${limit.count} in ${limit.windowSeconds / 60} minutes. Try again later.`,
      untilWindowEnds(now, limit.windowSeconds),
    );
  }
};
