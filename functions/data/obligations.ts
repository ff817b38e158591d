import { createHash } from 'node:crypto';
import { obligation } from './entities.ts';
import { TABLE } from '../definitions/table.ts';

export interface Obligation {
  readonly companyId: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly details?: unknown;
}

/** A company's obligations always land on the same shard. */
export const shardOf = (companyId: string): string =>
  String(createHash('sha256').update(companyId).digest().readUInt32BE(0) % TABLE.dueShards);

export const put = async (item: Obligation): Promise<void> => {
  await obligation.put({ ...item, shard: shardOf(item.companyId) }).go();
};

/**
 * Every obligation due at or before `asOf`, shard by shard, page by page: a Query on the sparse
 * due-date index, never a Scan, so the cost follows the number due, not the table's size.
 */
export async function* due(asOf: string): AsyncGenerator<Obligation> {
  for (let shard = 0; shard < TABLE.dueShards; shard += 1) {
    let cursor: string | null = null;
    do {
      const page: { data: Obligation[]; cursor: string | null } = await obligation.query
        .byDue({ shard: String(shard) })
        .lte({ dueAt: asOf })
        .go({ cursor, pages: 1, limit: 100 });
      yield* page.data;
      cursor = page.cursor;
    } while (cursor);
  }
}
