import { obligation } from './entities.ts';
import { acrossShards, shardOf } from './due-index.ts';

export interface Obligation {
  readonly companyId: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly details?: unknown;
}

export const put = async (item: Obligation): Promise<void> => {
  await obligation.put({ ...item, shard: shardOf(item.companyId) }).go();
};

/** Every obligation due at or before `asOf`, from the sparse due-date index. */
export const due = (asOf: string): AsyncGenerator<Obligation> =>
  acrossShards((shard, cursor) => obligation.query.byDue({ shard }).lte({ dueAt: asOf }).go({ cursor, pages: 1, limit: 100 }) as Promise<{ data: Obligation[]; cursor: string | null }>);
