/**
 * The local demo's clock (issue 5): a simulated date stored with the demo's data, so the 2006
 * demo is not swept as of today. It starts on May 1, 2006, the day the portal went live, runs
 * at real speed from there, and `npm run simulate -- --as-of <date>` moves it forward. A
 * running portal picks up a move made by `npm run simulate` in another process.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../functions/domain/clock.ts';
import { programDayStart } from '../../functions/definitions/program-time.ts';

/** 00:00 on May 1, 2006 in Washington (04:00Z, EDT): the demo's dates are program dates. */
export const DEMO_START = programDayStart('2006-05-01');

interface Stored {
  /** The simulated instant ... */
  readonly simulated: string;
  /** ... as of this real instant. */
  readonly setAt: string;
}

export interface DemoClock extends Clock {
  /** Moves the demo to `at` (it never moves back). */
  set(at: Date): void;
}

export const demoClock = (dataDir: string): DemoClock => {
  const file = join(dataDir, 'clock.json');
  let cached: { mtimeMs: number; stored: Stored } | undefined;
  const write = (simulated: Date) =>
    writeFileSync(
      file,
      `${JSON.stringify({ simulated: simulated.toISOString(), setAt: new Date().toISOString() } satisfies Stored, null, 2)}\n`,
    );
  const read = (): Stored => {
    if (!existsSync(file)) write(DEMO_START);
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, stored: JSON.parse(readFileSync(file, 'utf8')) as Stored };
    return cached.stored;
  };
  const now = () => {
    const { simulated, setAt } = read();
    return new Date(Date.parse(simulated) + (Date.now() - Date.parse(setAt)));
  };
  return {
    now,
    set: (at) => {
      if (at < now())
        throw new Error(
          `The demo clock only moves forward; it is at ${now().toISOString()} (npm run reset starts the demo over).`,
        );
      write(at);
    },
  };
};
