/**
 * Watches the signed-in person's activity and the clock, and ends the session when
 * `timeoutState` says so. Activity is a keypress, click, tap or scroll; while the warning
 * shows, only "Stay signed in" counts, so a stray scroll never silently extends a session.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  SESSION_LIMITS,
  timeoutState,
  type EndReason,
  type TimeoutLimits,
  type TimeoutState,
} from './session-timeout.ts';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export interface SessionTimeout {
  /** The warning to show, if one is due. */
  readonly warning: Extract<TimeoutState, { kind: 'warning' }> | undefined;
  /** "Stay signed in": counts as activity (the absolute limit still stands). */
  stay(): void;
}

export const useSessionTimeout = (
  signedInAt: number,
  end: (reason: EndReason) => void,
  limits: TimeoutLimits = SESSION_LIMITS,
): SessionTimeout => {
  const lastActivity = useRef(Date.now());
  // The caller's `end` may change every render; the latest is the one to call.
  const endRef = useRef(end);
  endRef.current = end;
  const [state, setState] = useState<TimeoutState>(() =>
    timeoutState({ now: Date.now(), lastActivity: lastActivity.current, signedInAt }, limits),
  );
  const warning = state.kind === 'warning' ? state : undefined;

  const check = useCallback(() => {
    setState(timeoutState({ now: Date.now(), lastActivity: lastActivity.current, signedInAt }, limits));
  }, [signedInAt, limits]);

  // One timer, set for the next moment the state can change; activity only moves that later,
  // so a timer that fires early simply looks again.
  useEffect(() => {
    if (state.kind === 'ended') {
      endRef.current(state.reason);
      return;
    }
    const at = state.kind === 'active' ? state.checkAt : state.endsAt;
    const timer = setTimeout(check, Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [state, check]);

  useEffect(() => {
    if (warning) return;
    const seen = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, seen, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, seen, { capture: true });
    };
  }, [warning]);

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    check();
  }, [check]);

  return { warning, stay };
};
