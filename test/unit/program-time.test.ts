import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  endOfProgramDay,
  PROGRAM_TIME_ZONE,
  programDate,
  programDayStart,
  programMonth,
  spelledDate,
} from '../../functions/definitions/program-time.ts';

describe('program time', () => {
  it('is Washington, D.C.', () => {
    expect(PROGRAM_TIME_ZONE).toBe('America/New_York');
  });

  it('reads the day an instant falls on in Washington, changing at 00:00 Eastern', () => {
    // EDT (UTC-4) in summer.
    expect(programDate('2006-07-02T00:00:00Z')).toBe('2006-07-01');
    expect(programDate('2006-07-02T03:59:59.999Z')).toBe('2006-07-01');
    expect(programDate('2006-07-02T04:00:00Z')).toBe('2006-07-02');
    // EST (UTC-5) in winter.
    expect(programDate('2007-01-02T04:59:59Z')).toBe('2007-01-01');
    expect(programDate('2007-01-02T05:00:00Z')).toBe('2007-01-02');
    expect(programDate(new Date('2006-07-02T04:00:00Z'))).toBe('2006-07-02');
  });

  it('leaves a calendar date as it is rather than reading it as midnight UTC', () => {
    expect(programDate('2006-07-01')).toBe('2006-07-01');
    expect(() => programDate('not a date')).toThrow(/Not an instant/);
  });

  it('starts each program day at 00:00 Eastern, in EDT or EST as the day falls', () => {
    expect(programDayStart('2006-07-01').toISOString()).toBe('2006-07-01T04:00:00.000Z');
    expect(programDayStart('2006-07-01', 1).toISOString()).toBe('2006-07-02T04:00:00.000Z');
    expect(programDayStart('2006-12-25').toISOString()).toBe('2006-12-25T05:00:00.000Z');
  });

  it('starts the days around the autumn change (October 29, 2006) at the right hour', () => {
    // The change is at 2 am: October 29 starts in EDT, October 30 in EST, and the day between is 25 hours.
    expect(programDayStart('2006-10-29').toISOString()).toBe('2006-10-29T04:00:00.000Z');
    expect(programDayStart('2006-10-30').toISOString()).toBe('2006-10-30T05:00:00.000Z');
    expect(programDate('2006-10-30T04:59:59Z')).toBe('2006-10-29');
    expect(programDate('2006-10-30T05:00:00Z')).toBe('2006-10-30');
  });

  it('starts the days around the spring change (March 11, 2007) at the right hour', () => {
    // March 11 starts in EST and lasts 23 hours; March 12 starts in EDT.
    expect(programDayStart('2007-03-11').toISOString()).toBe('2007-03-11T05:00:00.000Z');
    expect(programDayStart('2007-03-12').toISOString()).toBe('2007-03-12T04:00:00.000Z');
    expect(programDate('2007-03-12T03:59:59Z')).toBe('2007-03-11');
    expect(programDate('2007-03-12T04:00:00Z')).toBe('2007-03-12');
    // 2006 followed the old rule: DST began on the first Sunday of April.
    expect(programDayStart('2006-04-02').toISOString()).toBe('2006-04-02T05:00:00.000Z');
    expect(programDayStart('2006-04-03').toISOString()).toBe('2006-04-03T04:00:00.000Z');
  });

  it('ends a program day at 23:59:59 Eastern, in EDT or EST', () => {
    expect(endOfProgramDay('2006-07-01')).toBe('2006-07-02T03:59:59.000Z');
    expect(endOfProgramDay('2006-10-29')).toBe('2006-10-30T04:59:59.000Z');
    expect(endOfProgramDay('2007-03-11')).toBe('2007-03-12T03:59:59.000Z');
  });

  it('is the inverse of programDate on every day of two years', () => {
    for (let date = '2006-01-01'; date < '2008-01-01'; date = addDays(date, 1)) {
      const start = programDayStart(date);
      expect(programDate(start)).toBe(date);
      expect(programDate(new Date(start.getTime() - 1))).toBe(addDays(date, -1));
    }
  });

  it('does calendar arithmetic on program dates, with no clock', () => {
    expect(addDays('2006-08-30', 60)).toBe('2006-10-29');
    expect(addDays('2007-01-10', 60)).toBe('2007-03-11');
    expect(addDays('2006-07-01', -30)).toBe('2006-06-01');
    expect(addYears('2006-07-01', 1)).toBe('2007-07-01');
    expect(addYears('2008-02-29', 1)).toBe('2009-03-01');
    expect(daysBetween('2006-10-29', '2006-11-05')).toBe(7);
    expect(daysBetween('2007-03-10', '2007-03-12')).toBe(2);
    expect(daysBetween('2006-07-02', '2006-07-01')).toBe(-1);
    expect(() => addDays('July 1', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('names months and dates as Washington sees them', () => {
    expect(programMonth('2006-07-01T02:00:00Z')).toBe('2006-06');
    expect(spelledDate('2006-07-01')).toBe('July 1, 2006');
    expect(spelledDate('2006-07-02T03:59:00Z')).toBe('July 1, 2006');
    expect(spelledDate('2006-07-02T04:00:00Z')).toBe('July 2, 2006');
  });
});
