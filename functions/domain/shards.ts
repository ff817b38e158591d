import { createHash } from 'node:crypto';
import { TABLE } from '../definitions/table.ts';

/** The due-index shard an item lands on; the same key always lands on the same shard. */
export const shardOf = (key: string): string =>
  String(createHash('sha256').update(key).digest().readUInt32BE(0) % TABLE.dueShards);
