/**
 * Fixed-window request counters for the abuse limits (functions/definitions/limits.ts).
 *
 * Item: pk `RATE#<key>`, sk `WINDOW#<window start, epoch seconds>`; expires by itself through
 * the table's TTL a window after it closes.
 */
import { TABLE } from '../definitions/table.ts';
import { key, updateOp, updateReturning } from './table-io.ts';

/**
 * Multiplies every abuse limit's count (functions/definitions/limits.ts); read once at cold
 * start. Unset, as the stack leaves it, it is 1: the production limits. Only the load benchmark
 * raises it, since it writes far faster than people do.
 */
export const scale = Number(process.env.RATE_LIMIT_SCALE ?? '1');
if (!Number.isFinite(scale) || scale < 1)
  throw new Error(`RATE_LIMIT_SCALE must be a number of at least 1, not ${process.env.RATE_LIMIT_SCALE}`);

/**
 * Counts one request against `name` in the current fixed window and answers the count so far.
 * One atomic update; counters expire through the table's TTL a window after they close.
 */
export const hit = async (name: string, windowSeconds: number, now: Date): Promise<number> => {
  const start = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
  const window = String(start);
  const counter = await updateReturning<{ count: number }>(
    updateOp(key(`RATE#${name}`, `WINDOW#${window}`), {
      set: { key: name, window, [TABLE.ttlAttribute]: start + 2 * windowSeconds },
      add: { count: 1 },
    }),
  );
  return counter.count;
};
