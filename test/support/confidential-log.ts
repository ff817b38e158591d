/**
 * Where the email-content check learns what the tests sent: each worker appends the confidential
 * values of every request body to its own file in the run's folder (one JSON value a line), and the
 * global teardown reads them all back. See `email-leaks.ts` for which values count.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { confidentialIn } from './email-leaks.ts';

const seen = new Set<string>();

/**
 * Records the confidential values of a body sent to `method path`. The test API client calls it for
 * every request; a test that hands such a body straight to a domain function calls it itself.
 */
export const recordSent = (method: string, path: string, body: unknown): void => {
  const fresh = confidentialIn(method, path, body).filter((v) => {
    const key = `${v.kind}:${v.value}`;
    return !seen.has(key) && seen.add(key);
  });
  if (fresh.length === 0) return;
  const file = join(
    inject('backends').confidentialDir,
    `worker-${process.env.VITEST_POOL_ID ?? '0'}-${process.pid}.jsonl`,
  );
  appendFileSync(file, fresh.map((v) => `${JSON.stringify(v)}\n`).join(''));
};
