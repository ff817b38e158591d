import { base } from './deps.ts';
import * as companies from '../data/company-store.ts';
import * as standing from '../data/standing.ts';
import * as outbox from '../data/outbox-store.ts';
import * as mailer from '../data/email.ts';
import { PROGRAM_EMAIL } from '../data/program-mailbox.ts';

/** What the routes that change a company's standing need (and their bundles hold): no more. */
export const standingDeps = { ...base, companies, standing, outbox, mailer, programEmail: PROGRAM_EMAIL };
