import type { Deps } from './deps.ts';
import type { Obligation } from '../data/obligations.ts';

/** Acts on one due obligation; must be idempotent (a sweep may run twice for the same day). */
export type ObligationHandler = (item: Obligation, asOf: Date) => Promise<string>;

export interface SweepReport {
  readonly asOf: string;
  readonly due: number;
  readonly handled: Record<string, number>;
  /** Due items whose kind no handler knows; left in place and reported, never dropped. */
  readonly unhandled: number;
  readonly actions: readonly string[];
}

/**
 * Reads what is due as of `asOf` from the due-date index and hands each item to the handler
 * for its kind. The deadline and recertification handlers register here (issue 5).
 */
export const sweep = async (deps: Pick<Deps, 'obligations'>, asOf: Date, handlers: Readonly<Record<string, ObligationHandler>>): Promise<SweepReport> => {
  const handled: Record<string, number> = {};
  const actions: string[] = [];
  let dueCount = 0;
  let unhandled = 0;
  for await (const item of deps.obligations.due(asOf.toISOString())) {
    dueCount += 1;
    const handler = handlers[item.kind];
    if (!handler) {
      unhandled += 1;
      continue;
    }
    actions.push(await handler(item, asOf));
    handled[item.kind] = (handled[item.kind] ?? 0) + 1;
  }
  return { asOf: asOf.toISOString(), due: dueCount, handled, unhandled, actions };
};
