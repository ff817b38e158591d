import type * as companyData from '../data/company-store.ts';
import type * as memberData from '../data/membership-store.ts';
import type * as identityData from '../data/cognito-users.ts';
import type * as authData from '../data/cognito-auth.ts';
import type * as obligationData from '../data/obligation-store.ts';
import type * as outboxData from '../data/outbox-store.ts';
import type * as emailData from '../data/email.ts';
import type * as rateLimitData from '../data/rate-limit-store.ts';
import type * as profileData from '../data/profile-store.ts';
import type * as deadlineData from '../data/deadline-store.ts';
import type * as standingData from '../data/standing-store.ts';
import type * as messageData from '../data/message-store.ts';
import type * as alertData from '../data/alert-store.ts';
import type * as audienceData from '../data/audience-store.ts';
import type * as grantData from '../data/grant-store.ts';
import type * as auditTrailData from '../data/audit-store.ts';
import type * as metricsClient from '../clients/metrics.ts';

import { systemClock, uuidIds, type Clock, type Ids } from './clock.ts';

export { systemClock, useClock, uuidIds, type Clock, type Ids } from './clock.ts';

/**
 * What domain functions may be handed. Each function names the subset it uses, so a handler
 * passes (and its bundle contains) only the data modules its route needs, and unit tests pass
 * in-memory fakes.
 */
export interface Deps {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly companies: Pick<typeof companyData, 'enroll' | 'get'>;
  readonly members: Omit<typeof memberData, 'getMembershipWithCompany'>;
  readonly identities: typeof identityData;
  readonly auth: typeof authData;
  readonly obligations: Pick<typeof obligationData, 'due' | 'inCategory' | 'reschedule' | 'remind' | 'ofCompany'>;
  readonly deadlines: typeof deadlineData;
  readonly standing: typeof standingData;
  readonly messages: typeof messageData;
  readonly alerts: typeof alertData;
  readonly audiences: typeof audienceData;
  readonly grants: typeof grantData;
  readonly auditTrail: typeof auditTrailData;
  /** CBP's C-TPAT program mailbox, which hears of removals and reapplications. */
  readonly programEmail: string;
  readonly outbox: Pick<typeof outboxData, 'claim' | 'record' | 'progress' | 'due' | 'get'>;
  readonly mailer: typeof emailData;
  readonly limits: typeof rateLimitData;
  /** CloudWatch counts (the `RateLimited` metric). */
  readonly metrics: typeof metricsClient;
  readonly profiles: typeof profileData;
}

/** The clock and id source every deployment uses. */
export const base: Pick<Deps, 'clock' | 'ids'> = { clock: systemClock, ids: uuidIds };
