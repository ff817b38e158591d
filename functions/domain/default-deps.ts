import { base, type Deps } from './deps.ts';
import * as companies from '../data/company-store.ts';
import * as members from '../data/membership-store.ts';
import * as identities from '../data/cognito-users.ts';
import * as auth from '../data/cognito-auth.ts';
import * as obligations from '../data/obligation-store.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';
import * as limits from '../data/rate-limit-store.ts';
import * as profiles from '../data/profile-store.ts';
import * as deadlines from '../data/deadline-store.ts';
import * as standing from '../data/standing-store.ts';
import * as messages from '../data/message-store.ts';
import * as alerts from '../data/alert-store.ts';
import * as audiences from '../data/audience-store.ts';
import * as grants from '../data/grant-store.ts';
import * as auditTrail from '../data/audit-store.ts';
import * as metrics from '../clients/metrics.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';

/**
 * Every real dependency, for the local seed and tests. Handlers do not use this: each builds
 * only the dependencies its route needs, so its bundle holds nothing more.
 */
export const allDeps: Deps = {
  ...base,
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
  messages,
  alerts,
  audiences,
  grants,
  auditTrail,
  programEmail: PROGRAM_EMAIL,
};
