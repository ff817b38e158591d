import { describe, expect, it } from 'vitest';
import {
  decide,
  enrollmentDueDate,
  initialPolicy,
  stepKey,
  type ScheduleState,
} from '../../functions/domain/deadline-schedule.ts';
import { ReminderDays } from '../../functions/schemas/requests/deadlines.ts';

const importer = initialPolicy('importer');
const enrolled = (overrides: Partial<ScheduleState> = {}): ScheduleState => ({
  kind: 'enrollment',
  dueAt: '2006-05-01T09:00:00.000Z',
  enrolledAt: '2006-05-01T09:00:00.000Z',
  remindersSent: [],
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('deadline schedule', () => {
  it('starts from the 2006 schedule as first announced', () => {
    expect(initialPolicy('importer')).toMatchObject({
      deadline: '2006-07-01',
      reminderDays: [30, 14, 7, 1],
      revision: 0,
    });
    expect(initialPolicy('customs-broker').deadline).toBe('2006-08-01');
    expect(initialPolicy('exporter').deadline).toBeNull();
  });

  it('gives a late enrollee its minimum days, and an extension the later date', () => {
    expect(enrollmentDueDate(importer, '2006-05-01T09:00:00Z')).toBe('2006-07-01');
    expect(enrollmentDueDate(importer, '2006-06-20T09:00:00Z')).toBe('2006-08-19');
    expect(enrollmentDueDate(initialPolicy('exporter'), '2014-03-01T12:00:00Z')).toBe('2014-04-30');
    expect(enrollmentDueDate(importer, '2006-05-01T09:00:00Z', '2006-07-15')).toBe('2006-07-15');
    // A category moved past the extension takes the extended company along; a date CBP gives never shortens.
    expect(enrollmentDueDate({ ...importer, deadline: '2006-08-01' }, '2006-05-01T09:00:00Z', '2006-07-15')).toBe(
      '2006-08-01',
    );
    expect(enrollmentDueDate(importer, '2006-05-01T09:00:00Z', '2006-06-15')).toBe('2006-07-01');
  });

  it('waits for the first reminder step after enrollment', () => {
    expect(decide(importer, enrolled(), at('2006-05-01T06:00:00Z'))).toEqual({
      action: 'reschedule',
      dueDate: '2006-07-01',
      nextActionAt: '2006-06-01T04:00:00.000Z',
    });
  });

  it('sends each step on its day and then waits for the next', () => {
    const first = decide(importer, enrolled(), at('2006-06-01T06:00:00Z'));
    expect(first).toEqual({
      action: 'remind',
      dueDate: '2006-07-01',
      step: 30,
      daysLeft: 30,
      marks: ['enrollment:2006-07-01:30'],
      nextActionAt: '2006-06-17T04:00:00.000Z',
    });
    const last = decide(
      importer,
      enrolled({ remindersSent: ['enrollment:2006-07-01:30', 'enrollment:2006-07-01:14', 'enrollment:2006-07-01:7'] }),
      at('2006-06-30T06:00:00Z'),
    );
    expect(last).toMatchObject({ action: 'remind', step: 1, daysLeft: 1, nextActionAt: '2006-07-02T04:00:00.000Z' });
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
    expect(decide(importer, allSent, at('2006-07-01T23:59:59Z'))).toMatchObject({
      action: 'reschedule',
      nextActionAt: '2006-07-02T04:00:00.000Z',
    });
    expect(decide(importer, allSent, at('2006-07-02T06:00:00Z'))).toEqual({ action: 'remove', dueDate: '2006-07-01' });
  });

  it('counts a moved deadline down with its own ladder', () => {
    const moved = { ...importer, deadline: '2006-08-01', revision: 1 };
    const sentForJuly = enrolled({ remindersSent: ['enrollment:2006-07-01:30', 'enrollment:2006-07-01:14'] });
    expect(decide(moved, sentForJuly, at('2006-06-20T06:00:00Z'))).toMatchObject({
      action: 'reschedule',
      dueDate: '2006-08-01',
      nextActionAt: '2006-07-02T04:00:00.000Z',
    });
    expect(decide(moved, sentForJuly, at('2006-07-02T06:00:00Z'))).toMatchObject({
      action: 'remind',
      dueDate: '2006-08-01',
      step: 30,
    });
  });

  it('opens the recertification window 90 days ahead, then follows the ladder', () => {
    const cert: ScheduleState = {
      kind: 'recertification',
      dueAt: '2006-05-02T00:00:00.000Z',
      dueDate: '2007-05-02',
      remindersSent: [],
    };
    expect(decide(importer, cert, at('2006-05-02T06:00:00Z'))).toMatchObject({
      action: 'reschedule',
      nextActionAt: '2007-02-01T05:00:00.000Z',
    });
    expect(decide(importer, cert, at('2007-02-01T06:00:00Z'))).toMatchObject({
      action: 'remind',
      step: 90,
      daysLeft: 90,
      nextActionAt: '2007-04-02T04:00:00.000Z',
    });
    expect(decide(importer, cert, at('2007-05-03T04:00:00Z'))).toEqual({ action: 'remove', dueDate: '2007-05-02' });
  });

  describe('in program time (Washington), across daylight-saving changes', () => {
    /** An importer enrolled May 1, 2006 whose category deadline is `deadline`, every reminder already sent. */
    const dueOn = (deadline: string) => ({
      policy: { ...importer, deadline },
      state: enrolled({ remindersSent: [30, 14, 7, 1].map((d) => stepKey('enrollment', deadline, d)) }),
    });

    it('meets July 1, 2006 at 23:59 EDT (03:59Z on July 2) and misses it at 00:00 EDT (04:00Z)', () => {
      const { policy, state } = dueOn('2006-07-01');
      // 8 pm EDT, midnight UTC: the old UTC day ended here; the program day has four hours left.
      expect(decide(policy, state, at('2006-07-02T00:00:00Z'))).toEqual({
        action: 'reschedule',
        dueDate: '2006-07-01',
        nextActionAt: '2006-07-02T04:00:00.000Z',
      });
      expect(decide(policy, state, at('2006-07-02T03:59:00Z'))).toMatchObject({ action: 'reschedule' });
      expect(decide(policy, state, at('2006-07-02T03:59:59.999Z'))).toMatchObject({ action: 'reschedule' });
      expect(decide(policy, state, at('2006-07-02T04:00:00Z'))).toEqual({ action: 'remove', dueDate: '2006-07-01' });
    });

    it('meets October 29, 2006 (DST ends that day) at 23:59 EST and misses it at 00:00 EST on the 30th (05:00Z)', () => {
      const { policy, state } = dueOn('2006-10-29');
      // 04:00Z on the 30th is 23:00 EST on the 29th: an EDT-only reckoning would remove an hour early.
      expect(decide(policy, state, at('2006-10-30T04:00:00Z'))).toEqual({
        action: 'reschedule',
        dueDate: '2006-10-29',
        nextActionAt: '2006-10-30T05:00:00.000Z',
      });
      expect(decide(policy, state, at('2006-10-30T04:59:00Z'))).toMatchObject({ action: 'reschedule' });
      expect(decide(policy, state, at('2006-10-30T05:00:00Z'))).toEqual({ action: 'remove', dueDate: '2006-10-29' });
    });

    it('meets March 11, 2007 (DST starts that day) at 23:59 EDT and misses it at 00:00 EDT on the 12th (04:00Z)', () => {
      const { policy, state } = dueOn('2007-03-11');
      expect(decide(policy, state, at('2007-03-12T03:59:00Z'))).toEqual({
        action: 'reschedule',
        dueDate: '2007-03-11',
        nextActionAt: '2007-03-12T04:00:00.000Z',
      });
      expect(decide(policy, state, at('2007-03-12T04:00:00Z'))).toEqual({ action: 'remove', dueDate: '2007-03-11' });
      // The day before the change still ends at midnight EST.
      const before = dueOn('2007-03-10');
      expect(decide(before.policy, before.state, at('2007-03-11T04:59:00Z'))).toMatchObject({
        action: 'reschedule',
        nextActionAt: '2007-03-11T05:00:00.000Z',
      });
      expect(decide(before.policy, before.state, at('2007-03-11T05:00:00Z'))).toEqual({
        action: 'remove',
        dueDate: '2007-03-10',
      });
    });

    it('sends the reminder n days before at 00:00 Eastern on D - n, on either side of a DST change', () => {
      const policy = { ...importer, deadline: '2006-11-05', reminderDays: [7, 1] };
      // D - 7 is October 29 (the day DST ends), which starts at 00:00 EDT, 04:00Z.
      expect(decide(policy, enrolled(), at('2006-10-29T03:59:00Z'))).toEqual({
        action: 'reschedule',
        dueDate: '2006-11-05',
        nextActionAt: '2006-10-29T04:00:00.000Z',
      });
      expect(decide(policy, enrolled(), at('2006-10-29T04:00:00Z'))).toEqual({
        action: 'remind',
        dueDate: '2006-11-05',
        step: 7,
        daysLeft: 7,
        marks: ['enrollment:2006-11-05:7'],
        // D - 1, November 4, starts at 00:00 EST, 05:00Z.
        nextActionAt: '2006-11-04T05:00:00.000Z',
      });
      const lastStep = enrolled({ remindersSent: ['enrollment:2006-11-05:7'] });
      expect(decide(policy, lastStep, at('2006-11-04T04:59:00Z'))).toMatchObject({
        action: 'reschedule',
        nextActionAt: '2006-11-04T05:00:00.000Z',
      });
      expect(decide(policy, lastStep, at('2006-11-04T05:00:00Z'))).toMatchObject({
        action: 'remind',
        step: 1,
        daysLeft: 1,
        nextActionAt: '2006-11-06T05:00:00.000Z',
      });

      // In spring, D - 7 = March 11, 2007 starts at 00:00 EST (05:00Z); the day after starts in EDT.
      const spring = { ...importer, deadline: '2007-03-18', reminderDays: [7, 1] };
      expect(decide(spring, enrolled(), at('2007-03-11T04:59:00Z'))).toMatchObject({
        action: 'reschedule',
        nextActionAt: '2007-03-11T05:00:00.000Z',
      });
      expect(decide(spring, enrolled(), at('2007-03-11T05:00:00Z'))).toMatchObject({
        action: 'remind',
        step: 7,
        daysLeft: 7,
        nextActionAt: '2007-03-17T04:00:00.000Z',
      });
    });

    it('counts the days left in program days, whatever the hour of the run', () => {
      const policy = { ...importer, reminderDays: [1] };
      // 10 pm EDT on June 30 is July 1 in UTC, but still the day before the deadline in Washington.
      expect(decide(policy, enrolled(), at('2006-07-01T02:00:00Z'))).toMatchObject({
        action: 'remind',
        step: 1,
        daysLeft: 1,
      });
      expect(decide(policy, enrolled(), at('2006-07-01T04:00:00Z'))).toMatchObject({
        action: 'remind',
        step: 1,
        daysLeft: 0,
      });
    });

    it("starts a new enrollee's minimum days from its enrollment day in Washington", () => {
      // 9 pm EDT on June 20 (01:00Z June 21): 60 days from June 20.
      expect(enrollmentDueDate(importer, '2006-06-21T01:00:00Z')).toBe('2006-08-19');
      expect(enrollmentDueDate(importer, '2006-06-21T04:00:00Z')).toBe('2006-08-20');
    });
  });

  it('accepts a ladder in any order without repeats, and keeps it largest first', () => {
    expect(ReminderDays.parse([7, 30, 1])).toEqual([30, 7, 1]);
    expect(ReminderDays.safeParse([7, 7]).success).toBe(false);
    expect(ReminderDays.safeParse([90]).success).toBe(false);
  });
});
