import { createHash, randomUUID } from 'node:crypto';

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

/**
 * Ids that a repeat of the same request derives again (decision 69): the n-th id is a UUID made
 * from a hash of `seed` (the route, the caller and the Idempotency-Key) and n. A re-run of a
 * request whose first run committed but never recorded its answer then meets its own items, and
 * a conditional create refuses a duplicate instead of writing one.
 */
export const derivedIds = (seed: string): Ids => {
  let n = 0;
  return {
    next: () => {
      const hex = createHash('sha256').update(`${seed}\n${n++}`).digest('hex');
      // RFC 9562 layout: version 8 (vendor-specific), variant 10.
      const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
};
