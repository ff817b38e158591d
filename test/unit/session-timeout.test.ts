import { describe, expect, it } from 'vitest';
import { minutesLeft, SESSION_LIMITS, timeoutState } from '../../web/src/api/session-timeout.ts';

const MIN = 60_000;
const signedInAt = Date.UTC(2006, 6, 1, 13, 0);
const at = (minutesAfterSignIn: number, lastActivityMinutes = 0) =>
  timeoutState({
    now: signedInAt + minutesAfterSignIn * MIN,
    lastActivity: signedInAt + lastActivityMinutes * MIN,
    signedInAt,
  });

describe('session timeout', () => {
  it('uses 15 minutes idle, 12 hours in all and a 2-minute warning', () => {
    expect(SESSION_LIMITS).toEqual({ idleMs: 15 * MIN, absoluteMs: 12 * 60 * MIN, warningMs: 2 * MIN });
  });

  it('stays active until 13 minutes without activity and says when to look again', () => {
    expect(at(0)).toEqual({ kind: 'active', checkAt: signedInAt + 13 * MIN });
    expect(at(12.99)).toMatchObject({ kind: 'active' });
  });

  it('warns from 13 minutes idle that the session ends at 15', () => {
    expect(at(13)).toEqual({ kind: 'warning', reason: 'idle', endsAt: signedInAt + 15 * MIN });
    expect(minutesLeft(signedInAt + 15 * MIN, signedInAt + 13 * MIN)).toBe(2);
    expect(minutesLeft(signedInAt + 15 * MIN, signedInAt + 14.5 * MIN)).toBe(1);
  });

  it('ends the session after 15 minutes without activity', () => {
    expect(at(15)).toEqual({ kind: 'ended', reason: 'idle' });
  });

  it('counts idleness from the last activity, not from sign-in', () => {
    expect(at(20, 10)).toEqual({ kind: 'active', checkAt: signedInAt + 23 * MIN });
    expect(at(25, 10)).toEqual({ kind: 'ended', reason: 'idle' });
  });

  it('ends the session 12 hours after sign-in however active the person is, warning 2 minutes before', () => {
    expect(at(12 * 60 - 2, 12 * 60 - 2)).toEqual({
      kind: 'warning',
      reason: 'absolute',
      endsAt: signedInAt + 12 * 60 * MIN,
    });
    expect(at(12 * 60, 12 * 60)).toEqual({ kind: 'ended', reason: 'absolute' });
    expect(at(12 * 60 - 5, 12 * 60 - 5)).toEqual({ kind: 'active', checkAt: signedInAt + (12 * 60 - 2) * MIN });
  });

  it('names whichever end comes first', () => {
    // Idle since 11:50 after sign-in: the idle end (12:05) comes after the absolute one (12:00).
    expect(at(12 * 60, 11 * 60 + 50)).toEqual({ kind: 'ended', reason: 'absolute' });
    expect(at(11 * 60 + 50, 11 * 60 + 30)).toEqual({ kind: 'ended', reason: 'idle' });
  });
});
