import { TABLE } from '../definitions/table.ts';
import { queryPage, type Page as StorePage } from './table-io.ts';

/**
 * The bound for "due at or before `at`": the next millisecond, compared with `<`. A stored sort
 * key is `<time>#<id>`, which sorts after `<time>` itself, so `<= at` would miss an item due at
 * exactly `at`.
 */
export const dueBefore = (at: string): string => new Date(Date.parse(at) + 1).toISOString();

/**
 * Every item of the due-date index under `partition(shard)` due before `before` (see
 * `dueBefore`), shard by shard and page by page: queries only, never a Scan, so a sweep's cost
 * follows the number of items due.
 */
export async function* dueItems<T>(partition: (shard: string) => string, before: string): AsyncGenerator<T> {
  for (let shard = 0; shard < TABLE.dueShards; shard += 1) {
    let cursor: string | null = null;
    do {
      const page: StorePage<T> = await queryPage<T>(
        { index: 'due', partition: partition(String(shard)), sort: { lt: before } },
        cursor,
        100,
      );
      yield* page.items;
      cursor = page.cursor;
    } while (cursor);
  }
}
