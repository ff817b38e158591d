/**
 * `.local/runtime.json`, which `npm start` writes while it runs: its process, its API and the
 * environment its handlers have. The local commands (`npm run simulate`, `npm run admin`) read it
 * to act on the running portal's emulators as its functions do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './paths.ts';

export interface RunningPortal {
  readonly pid: number;
  readonly api: string;
  /** The environment the running portal's handlers have. */
  readonly env: Record<string, string>;
}

export const RUNTIME_FILE = join(DATA_DIR, 'runtime.json');

/** The portal `npm start` runs now, if any (a file left by one that was killed does not count). */
export const runningPortal = (file = RUNTIME_FILE): RunningPortal | undefined => {
  if (!existsSync(file)) return undefined;
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as RunningPortal;
  try {
    process.kill(runtime.pid, 0);
    return runtime;
  } catch {
    return undefined;
  }
};
