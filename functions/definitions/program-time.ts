/**
 * Program time (decision 24): C-TPAT's dates are calendar days in Washington, D.C. A deadline
 * "by July 1, 2006" is met through 23:59:59 on July 1 in `America/New_York`, in EDT or EST as
 * the date falls. Instants stay ISO-8601 UTC; only the day they fall on is read here. Plain
 * `Intl`, no dependency, so the web portal computes the same dates as the sweep.
 */

export const PROGRAM_TIME_ZONE = 'America/New_York';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Pure (as is longDate below): a bundle whose code never formats a date drops it, and the first Intl object
// of a process costs tens of milliseconds at load.
const parts = /* @__PURE__ */ new Intl.DateTimeFormat('en-US', {
  timeZone: PROGRAM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The wall-clock fields of an instant in Washington. */
const wallClock = (ms: number) => {
  const fields: Record<string, number> = {};
  for (const p of parts.formatToParts(ms)) if (p.type !== 'literal') fields[p.type] = Number(p.value);
  return fields as { year: number; month: number; day: number; hour: number; minute: number; second: number };
};

/** Washington's offset from UTC at an instant, in ms (-4 h in EDT, -5 h in EST). */
const offsetAt = (ms: number): number => {
  const w = wallClock(ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

const split = (date: string): [number, number, number] => {
  const m = DATE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};

/** Whether `text` is a calendar date (`YYYY-MM-DD`) rather than an instant. */
export const isDate = (text: string): boolean => DATE.test(text);

/**
 * The program date (`YYYY-MM-DD`) an instant falls on in Washington. A calendar date is already
 * one and is returned as it is (`new Date('2006-07-01')` would be 8 pm on June 30 there).
 */
export const programDate = (at: Date | string | number): string => {
  if (typeof at === 'string' && isDate(at)) return at;
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new Error(`Not an instant: ${String(at)}`);
  const w = wallClock(ms);
  return ymd(w.year, w.month, w.day);
};

/** The calendar date `days` after `date` (before, when negative): no clock, no time zone. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = split(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
};

/** The same day `years` later (February 29 becomes March 1 in a common year). */
export const addYears = (date: string, years: number): string => {
  const [y, m, d] = split(date);
  const next = new Date(Date.UTC(2000, m - 1, d));
  next.setUTCFullYear(y + years);
  return next.toISOString().slice(0, 10);
};

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => {
  const [fy, fm, fd] = split(from);
  const [ty, tm, td] = split(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
};

/**
 * The instant program day `date + days` starts: 00:00 in Washington (04:00Z in EDT, 05:00Z in
 * EST). Midnight is never skipped or repeated there (clocks change at 2 am), so it always exists.
 */
export const programDayStart = (date: string, days = 0): Date => {
  const [y, m, d] = split(addDays(date, days));
  const asIfUtc = Date.UTC(y, m - 1, d);
  // The offset at the guess is right unless a change of offset lies between guess and answer.
  let at = asIfUtc - offsetAt(asIfUtc);
  at = asIfUtc - offsetAt(at);
  return new Date(at);
};

/** The last second of program day `date` (23:59:59 Eastern), as an ISO instant: "through the end of `date`". */
export const endOfProgramDay = (date: string): string =>
  new Date(programDayStart(date, 1).getTime() - 1000).toISOString();

/** The month (`YYYY-MM`) an instant falls in, in Washington. */
export const programMonth = (at: Date | string | number): string => programDate(at).slice(0, 7);

const longDate = /* @__PURE__ */ new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** A program date, or the program date of an instant, in words: `July 1, 2006`. */
export const spelledDate = (at: Date | string): string => longDate.format(new Date(`${programDate(at)}T00:00:00Z`));
