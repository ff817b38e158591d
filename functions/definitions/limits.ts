/**
 * Abuse limits on the writes that send mail or reach another company, as plain data: per action,
 * how many a participant may make per user and per company, and a CBP staff member per user
 * (CBP is the program, not a tenant, so its staff have no company-wide limit), each in a fixed
 * window. Chosen so that no real participant meets them (decision "Abuse limits"); past one, the
 * request is answered 429 with Retry-After and counted in the `RateLimited` metric.
 * (Account requests and per-address invitation resends keep their own limits in
 * `domain/accounts.ts` and `domain/invitations.ts`.)
 */
export interface Limit {
  /** Requests allowed in one window; the next one is refused. */
  readonly count: number;
  readonly windowSeconds: number;
}

export interface ActionLimits {
  /** A participant company's user, and that company as a whole. */
  readonly participant?: { readonly perUser: Limit; readonly perCompany: Limit };
  /** A CBP staff member. */
  readonly staff?: { readonly perUser: Limit };
}

const TEN_MINUTES = 600;
const HOUR = 3600;

const DEFAULTS = {
  /** Starting a thread (its first message and the notice that goes with it). */
  thread: {
    participant: { perUser: { count: 10, windowSeconds: TEN_MINUTES }, perCompany: { count: 30, windowSeconds: HOUR } },
    staff: { perUser: { count: 60, windowSeconds: TEN_MINUTES } },
  },
  /** A reply in a thread. */
  message: {
    participant: {
      perUser: { count: 30, windowSeconds: TEN_MINUTES },
      perCompany: { count: 100, windowSeconds: HOUR },
    },
    staff: { perUser: { count: 120, windowSeconds: TEN_MINUTES } },
  },
  /** Asking another company for a grant (it lands in that company's list and trail). */
  grantRequest: {
    participant: { perUser: { count: 15, windowSeconds: HOUR }, perCompany: { count: 20, windowSeconds: HOUR } },
  },
  /**
   * Naming a partner company by its status-verification code (a grant or a grant request),
   * found or not: far above what a company sharing with its partners needs, far below what
   * trying codes at random would (decision 85).
   */
  partnerCode: {
    participant: { perUser: { count: 30, windowSeconds: HOUR }, perCompany: { count: 60, windowSeconds: HOUR } },
  },
  /** An invitation email: a user added, or an invitation resent (a primary POC; a CBP administrator for a POC). */
  invitation: {
    participant: { perUser: { count: 60, windowSeconds: HOUR }, perCompany: { count: 60, windowSeconds: HOUR } },
    staff: { perUser: { count: 20, windowSeconds: HOUR } },
  },
  /** Publishing a cargo security alert or submitting an intelligence bulletin. */
  alert: {
    staff: { perUser: { count: 20, windowSeconds: HOUR } },
  },
} as const satisfies Record<string, ActionLimits>;

export type LimitedAction = keyof typeof DEFAULTS;

/**
 * Message notices to CBP's program mailbox (a company writing before any CBP participant has)
 * are coalesced: at most one digest per company per window of this length, sent as it closes.
 */
export const PROGRAM_DIGEST_SECONDS = 15 * 60;

/** The limits in production; `RATE_LIMIT_SCALE` (read by `data/rate-limit-store.ts`) may multiply the counts. */
export const LIMITS: Readonly<Record<LimitedAction, ActionLimits>> = DEFAULTS;
