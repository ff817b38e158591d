import { randomUUID } from 'node:crypto';

/** Time comes from here, so tests and the demo can move it. ISO-8601 UTC strings throughout. */
export interface Clock {
  now(): Date;
}
export interface Ids {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const uuidIds: Ids = { next: () => randomUUID() };

export interface Deps {
  readonly clock: Clock;
  readonly ids: Ids;
}

export const defaultDeps: Deps = { clock: systemClock, ids: uuidIds };
