/**
 * Fixed-window request counters for the abuse limits (functions/definitions/limits.ts).
 *
 * Item: pk `RATE#<key>`, sk `WINDOW#<window start, epoch seconds>`; expires by itself through
 * the table's TTL a window after it closes. A request counted by its id leaves a marker beside
 * it, sk `REQUEST#<window start>#<request id>`, which expires with it.
 */
import { TABLE } from '../definitions/table.ts';
import { createOp, getItem, isConditionFailure, key, updateOp, updateReturning, write } from './table-io.ts';

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
 * One atomic update; counters expire through the table's TTL a window after they close. With
 * `requestId`, a request counts once however often it runs (a repeat under its Idempotency-Key
 * draws the same id): its marker is created first, and only a new marker counts. Not one
 * transaction: fifty requests at once would cancel each other's on the one counter
 * (TransactionConflict), where updates of it simply queue. A run that dies between the two writes
 * leaves its request uncounted, erring by one toward the caller.
 */
export const hit = async (name: string, windowSeconds: number, now: Date, requestId?: string): Promise<number> => {
  const start = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
  const window = String(start);
  const expiresAt = start + 2 * windowSeconds;
  const counterKey = key(`RATE#${name}`, `WINDOW#${window}`);
  if (requestId !== undefined) {
    try {
      await write(
        createOp({ ...key(`RATE#${name}`, `REQUEST#${window}#${requestId}`), [TABLE.ttlAttribute]: expiresAt }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Counted already, by an earlier run of this request.
      return (await getItem<{ count: number }>(counterKey, { consistent: true }))?.count ?? 0;
    }
  }
  const counter = await updateReturning<{ count: number }>(
    updateOp(counterKey, { set: { key: name, window, [TABLE.ttlAttribute]: expiresAt }, add: { count: 1 } }),
  );
  return counter.count;
};
