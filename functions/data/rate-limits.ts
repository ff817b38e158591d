import { rateCounter } from './entities.ts';

/**
 * Counts one request against `key` in the current fixed window and answers the count so far.
 * One atomic update; counters expire through the table's TTL a window after they close.
 */
export const hit = async (key: string, windowSeconds: number, now: Date): Promise<number> => {
  const start = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
  const { data } = await rateCounter
    .upsert({ key, window: String(start), expiresAt: start + 2 * windowSeconds })
    .add({ count: 1 })
    .go({ response: 'all_new' });
  return (data as { count: number }).count;
};
