import { base } from './deps.ts';
import * as companies from '../data/companies.ts';
import * as members from '../data/membership-store.ts';
import * as messages from '../data/messages.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';
import * as limits from '../data/rate-limit-store.ts';
import * as metrics from '../clients/metrics.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';

/** What the routes that write messages need (and their bundles hold). */
export const messageDeps = {
  ...base,
  companies,
  members,
  messages,
  outbox,
  mailer,
  limits,
  metrics,
  programEmail: PROGRAM_EMAIL,
};
