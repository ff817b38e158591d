import { systemClock, uuidIds } from '../../functions/domain/clock.ts';
import { randomSviCodes } from '../../functions/domain/svi-codes.ts';
import * as companies from '../../functions/data/company-store.ts';
import * as members from '../../functions/data/membership-store.ts';
import * as identities from '../../functions/data/cognito-users.ts';
import * as auth from '../../functions/data/cognito-auth.ts';
import * as obligations from '../../functions/data/obligation-store.ts';
import * as outbox from '../../functions/data/outbox-store.ts';
import * as mailer from '../../functions/data/email.ts';
import * as limits from '../../functions/data/rate-limit-store.ts';
import * as profiles from '../../functions/data/profile-store.ts';
import * as deadlines from '../../functions/data/deadline-store.ts';
import * as standing from '../../functions/data/standing-store.ts';
import * as programStatus from '../../functions/data/program-status-store.ts';
import * as specialists from '../../functions/data/specialist-store.ts';
import * as validations from '../../functions/data/validation-store.ts';
import * as messages from '../../functions/data/message-store.ts';
import * as alerts from '../../functions/data/alert-store.ts';
import * as audiences from '../../functions/data/audience-store.ts';
import * as grants from '../../functions/data/grant-store.ts';
import * as auditTrail from '../../functions/data/audit-store.ts';
import * as metrics from '../../functions/clients/metrics.ts';
import { PROGRAM_EMAIL } from '../../functions/data/program-mailbox.ts';

/**
 * Every real store and client under the names the domain's ports use, for the local seed, the
 * benchmarks and the tests that call domain functions directly. Nothing in `functions/` has such
 * an object: each handler and job composes only the ports its route needs, so its bundle holds
 * nothing more.
 */
export const allPorts = {
  clock: systemClock,
  ids: uuidIds,
  codes: randomSviCodes,
  companies,
  members,
  identities,
  auth,
  obligations,
  outbox,
  mailer,
  limits,
  metrics,
  profiles,
  deadlines,
  standing,
  programStatus,
  specialists,
  validations,
  messages,
  alerts,
  audiences,
  grants,
  auditTrail,
  programEmail: PROGRAM_EMAIL,
};
