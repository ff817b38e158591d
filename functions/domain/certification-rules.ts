/**
 * The certification rules (decision 20) as pure functions, read by the API and by the web
 * portal, so the pages say exactly what the API enforces.
 */
import { REVIEW_WINDOW_DAYS } from '../definitions/deadlines.ts';
import type { CertificationStatement } from '../definitions/certification-statements.ts';
import { addYears, programDate, programDayStart } from '../definitions/program-time.ts';

/**
 * The next certification's due date, a calendar year after the program date of `from`, as the
 * instant that program day starts (so both its UTC and its Washington date read the due date).
 */
export const oneYearAfter = (from: Date): Date => programDayStart(addYears(programDate(from), 1));

/** The start (00:00 Eastern) of the day the review window opens: the day the sweep's window reminder goes out. */
export const windowOpensAt = (dueAt: string): Date => programDayStart(programDate(dueAt), -REVIEW_WINDOW_DAYS);

/** What the company's record says about its certifications. */
export interface CertificationStanding {
  readonly nextCertificationDueAt?: string | undefined;
  readonly certificationStatus?: 'submitted' | 'approved' | 'returned' | undefined;
}

/**
 * When the company may certify: the first certification as soon as the profile is complete; a
 * certification CBP sent back at once; any other from 90 days before the next due date.
 */
export type CertificationWindow =
  | { readonly kind: 'first' }
  | { readonly kind: 'returned' }
  | { readonly kind: 'open'; readonly dueOn: string; readonly opensOn: string }
  | { readonly kind: 'not-yet'; readonly dueOn: string; readonly opensOn: string };

export const certificationWindow = (company: CertificationStanding, now: Date): CertificationWindow => {
  // A company that completed its portal update has a first due date but has never certified.
  if (!company.certificationStatus || !company.nextCertificationDueAt) return { kind: 'first' };
  if (company.certificationStatus === 'returned') return { kind: 'returned' };
  const opens = windowOpensAt(company.nextCertificationDueAt);
  const dates = { dueOn: programDate(company.nextCertificationDueAt), opensOn: programDate(opens) };
  return now < opens ? { kind: 'not-yet', ...dates } : { kind: 'open', ...dates };
};

/** The words for a window not yet open, the same in the API's refusal and on the pages. */
export const windowNotOpenMessage = (window: { dueOn: string; opensOn: string }): string =>
  `Your next certification is due on ${window.dueOn}. You can certify from ${window.opensOn}, ${REVIEW_WINDOW_DAYS} days before it is due.`;

/** The certification before this one, as the company's record keeps it. */
export interface LastCertification {
  readonly certificationId: string;
  readonly profileVersion: number;
  readonly certifiedAt: string;
}

/**
 * The statement a certification of `profileVersion` carries: when the profile has not changed
 * since the last certification, the POC states that it was reviewed and is still accurate.
 */
export const statementFor = (profileVersion: number, last: LastCertification | undefined): CertificationStatement =>
  last && last.profileVersion === profileVersion ? 'reviewed-unchanged' : 'profile-current';
