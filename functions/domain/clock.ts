import { randomUUID } from 'node:crypto';

/** Time comes from here, so tests and the demo can move it. ISO-8601 UTC strings throughout. */
export interface Clock {
  now(): Date;
}
export interface Ids {
  next(): string;
}

let now = (): Date => new Date();

/** The clock of every handler and job: the real one, unless the process was handed another. */
export const systemClock: Clock = { now: () => now() };

/**
 * Hands this process another clock: the local demo's simulated date (lib/local/demo-clock.ts)
 * or a test's. A deployment never calls it, so it runs on the real clock.
 */
export const useClock = (clock: Clock): void => {
  now = () => clock.now();
};
export const uuidIds: Ids = { next: () => randomUUID() };
