/**
 * Readiness (issue 25, item 5): whether the services every request needs answer now. `/health`
 * says the function runs; this asks DynamoDB, the user pools' keys and SES each for something
 * cheap, all at once and each within a short time, and names what is down, nothing more of it.
 */

/** The checks, by the names the answer shows. */
export const CHECKS = ['dynamodb', 'userPoolKeys', 'ses'] as const;
export type CheckName = (typeof CHECKS)[number];

/** One cheap call per check; it resolves when the service answered as it should. */
export type Probes = Readonly<Record<CheckName, (signal: AbortSignal) => Promise<void>>>;

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Record<CheckName, 'ok' | 'down'>;
  /** Why each check that is down failed: for the log only, never for the caller. */
  readonly failures: Partial<Record<CheckName, string>>;
}

/** Runs every probe at once; one that has not answered within `timeoutMs` is down (and its call aborted). */
export const checkReadiness = async (deps: { probes: Probes }, timeoutMs: number): Promise<Readiness> => {
  const outcomes = await Promise.all(
    CHECKS.map(async (name) => {
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      // A probe that ignores its signal still loses the race.
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      });
      try {
        await Promise.race([deps.probes[name](controller.signal), late]);
        return { name, failure: undefined };
      } catch (error) {
        return { name, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const checks = Object.fromEntries(outcomes.map((o) => [o.name, o.failure ? 'down' : 'ok'])) as Readiness['checks'];
  const failures = Object.fromEntries(outcomes.filter((o) => o.failure).map((o) => [o.name, o.failure]));
  return { ready: outcomes.every((o) => !o.failure), checks, failures };
};
