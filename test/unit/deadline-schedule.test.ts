import { describe, expect, it } from 'vitest';
import { decide, enrollmentDueDate, initialPolicy, stepKey, type ScheduleState } from '../../functions/domain/deadline-schedule.ts';
import { ReminderDays } from '../../functions/schemas/deadlines.ts';

const importer = initialPolicy('importer');
const enrolled = (overrides: Partial<ScheduleState> = {}): ScheduleState => ({ kind: 'enrollment', dueAt: '2006-05-01T00:00:00.000Z', enrolledAt: '2006-05-01T09:00:00.000Z', remindersSent: [], ...overrides });
const at = (iso: string) => new Date(iso);

describe('deadline schedule', () => {
  it('starts from the 2006 schedule as first announced', () => {
    expect(initialPolicy('importer')).toMatchObject({ deadline: '2006-07-01', reminderDays: [30, 14, 7, 1], revision: 0 });
    expect(initialPolicy('customs-broker').deadline).toBe('2006-08-01');
    expect(initialPolicy('exporter').deadline).toBeNull();
  });

  it('gives a late enrollee its minimum days, and an extension the later date', () => {
    expect(enrollmentDueDate(importer, '2006-05-01T09:00:00Z')).toBe('2006-07-01');
    expect(enrollmentDueDate(importer, '2006-06-20T09:00:00Z')).toBe('2006-08-19');
    expect(enrollmentDueDate(initialPolicy('exporter'), '2014-03-01T00:00:00Z')).toBe('2014-04-30');
    expect(enrollmentDueDate(importer, '2006-05-01T09:00:00Z', '2006-07-15')).toBe('2006-07-15');
    // A category moved past the extension takes the extended company along; a date CBP gives never shortens.
    expect(enrollmentDueDate({ ...importer, deadline: '2006-08-01' }, '2006-05-01T09:00:00Z', '2006-07-15')).toBe('2006-08-01');
    expect(enrollmentDueDate(importer, '2006-05-01T09:00:00Z', '2006-06-15')).toBe('2006-07-01');
  });

  it('waits for the first reminder step after enrollment', () => {
    expect(decide(importer, enrolled(), at('2006-05-01T06:00:00Z'))).toEqual({ action: 'reschedule', dueDate: '2006-07-01', nextActionAt: '2006-06-01T00:00:00.000Z' });
  });

  it('sends each step on its day and then waits for the next', () => {
    const first = decide(importer, enrolled(), at('2006-06-01T06:00:00Z'));
    expect(first).toEqual({ action: 'remind', dueDate: '2006-07-01', step: 30, daysLeft: 30, marks: ['enrollment:2006-07-01:30'], nextActionAt: '2006-06-17T00:00:00.000Z' });
    const last = decide(importer, enrolled({ remindersSent: ['enrollment:2006-07-01:30', 'enrollment:2006-07-01:14', 'enrollment:2006-07-01:7'] }), at('2006-06-30T06:00:00Z'));
    expect(last).toMatchObject({ action: 'remind', step: 1, daysLeft: 1, nextActionAt: '2006-07-02T00:00:00.000Z' });
  });

  it('sends one email, for the nearest step, when several have come due at once', () => {
    expect(decide(importer, enrolled(), at('2006-06-25T06:00:00Z'))).toMatchObject({
      action: 'remind',
      step: 7,
      daysLeft: 6,
      marks: ['enrollment:2006-07-01:30', 'enrollment:2006-07-01:14', 'enrollment:2006-07-01:7'],
    });
  });

  it('keeps the deadline day itself and removes on the day after', () => {
    const allSent = enrolled({ remindersSent: [30, 14, 7, 1].map((d) => stepKey('enrollment', '2006-07-01', d)) });
    expect(decide(importer, allSent, at('2006-07-01T23:59:59Z'))).toMatchObject({ action: 'reschedule', nextActionAt: '2006-07-02T00:00:00.000Z' });
    expect(decide(importer, allSent, at('2006-07-02T00:00:00Z'))).toEqual({ action: 'remove', dueDate: '2006-07-01' });
  });

  it('counts a moved deadline down with its own ladder', () => {
    const moved = { ...importer, deadline: '2006-08-01', revision: 1 };
    const sentForJuly = enrolled({ remindersSent: ['enrollment:2006-07-01:30', 'enrollment:2006-07-01:14'] });
    expect(decide(moved, sentForJuly, at('2006-06-20T06:00:00Z'))).toMatchObject({ action: 'reschedule', dueDate: '2006-08-01', nextActionAt: '2006-07-02T00:00:00.000Z' });
    expect(decide(moved, sentForJuly, at('2006-07-02T06:00:00Z'))).toMatchObject({ action: 'remind', dueDate: '2006-08-01', step: 30 });
  });

  it('opens the recertification window 90 days ahead, then follows the ladder', () => {
    const cert: ScheduleState = { kind: 'recertification', dueAt: '2006-05-02T00:00:00.000Z', dueDate: '2007-05-02', remindersSent: [] };
    expect(decide(importer, cert, at('2006-05-02T06:00:00Z'))).toMatchObject({ action: 'reschedule', nextActionAt: '2007-02-01T00:00:00.000Z' });
    expect(decide(importer, cert, at('2007-02-01T06:00:00Z'))).toMatchObject({ action: 'remind', step: 90, daysLeft: 90, nextActionAt: '2007-04-02T00:00:00.000Z' });
    expect(decide(importer, cert, at('2007-05-03T00:00:00Z'))).toEqual({ action: 'remove', dueDate: '2007-05-02' });
  });

  it('accepts a ladder in any order without repeats, and keeps it largest first', () => {
    expect(ReminderDays.parse([7, 30, 1])).toEqual([30, 7, 1]);
    expect(ReminderDays.safeParse([7, 7]).success).toBe(false);
    expect(ReminderDays.safeParse([90]).success).toBe(false);
  });
});
