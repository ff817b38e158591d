/**
 * The deadline policy as first announced (DESIGN section 11): the portal-update deadline of
 * each enrollment category and the reminder ladder. This is revision 0 of every category;
 * a CBP administrator's revisions are kept in the table and win over it.
 */
import type { CategoryId } from './categories.ts';

/** Reminders go out this many days before a due date (enrollment deadline or recertification). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [30, 14, 7, 1];

/**
 * A company enrolled close to (or after) its category's deadline gets at least this many days
 * from enrollment; categories without a fixed deadline use only this.
 */
export const DEFAULT_NEW_ENROLLEE_DAYS = 60;

/** The annual review window opens this many days before the next certification is due. */
export const REVIEW_WINDOW_DAYS = 90;

const JULY_1 = '2006-07-01';
const AUGUST_1 = '2006-08-01';

/** 2006, as first announced: importers and all carriers by July 1; the others by August 1. */
export const INITIAL_DEADLINES: Readonly<Record<CategoryId, string | null>> = {
  importer: JULY_1,
  'highway-carrier-us-canada': JULY_1,
  'highway-carrier-us-mexico': JULY_1,
  'rail-carrier': JULY_1,
  'sea-carrier': JULY_1,
  'air-carrier': JULY_1,
  'port-authority-terminal-operator': AUGUST_1,
  'air-freight-consolidator-oti-nvocc': AUGUST_1,
  'mexican-manufacturer': AUGUST_1,
  'foreign-manufacturer': AUGUST_1,
  'customs-broker': AUGUST_1,
  // Categories added after 2006: each new enrollee gets DEFAULT_NEW_ENROLLEE_DAYS.
  'mexican-long-haul-carrier': null,
  'third-party-logistics': null,
  exporter: null,
};
