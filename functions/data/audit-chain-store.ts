/**
 * The audit trail's hash chains as the verifier reads them (domain/audit-chain.ts): which
 * companies have one, each chain's head, registration and checkpoint, and its records with
 * whether each still holds what it was hashed over. Keys are audit-store.ts's.
 */
import { AUDIT_CHAIN } from '../definitions/table.ts';
import { chainPartition, CHAIN_ITEMS, partition } from './audit-store.ts';
import { linkHash } from './chain.ts';
import {
  isConditionFailure,
  key,
  lte,
  notExists,
  or,
  putOp,
  queryAll,
  queryPage,
  write,
  type Item,
  type Page,
} from './table-io.ts';

/** Every company that has a chain, from the registrations on gsi1 (written with each chain's first record). */
export const chainIds = async (): Promise<string[]> =>
  (await queryAll<{ companyId: string }>({ index: 'gsi1', partition: AUDIT_CHAIN.registry })).map((r) => r.companyId);

interface Point {
  readonly seq: number;
  readonly hash: string;
}

/**
 * The head, registration and checkpoint of a chain, in one strongly consistent query of its
 * partition. Keys come back stripped, so each is told by what only it holds.
 */
export const state = async (companyId: string) => {
  const items = await queryAll<Item>({ partition: chainPartition(companyId) }, { consistent: true });
  const point = (item: Item | undefined): Point | null =>
    item ? { seq: item.seq as number, hash: item.hash as string } : null;
  return {
    head: point(items.find((i) => 'chain' in i)),
    startedAt: (items.find((i) => 'startedAt' in i)?.startedAt as string | undefined) ?? null,
    verified: point(items.find((i) => 'verifiedAt' in i)),
  };
};

/** A stored record as the verifier needs it, its hash checked here, where the hash is defined. */
const asLink = (item: Item) => ({
  auditId: item.auditId as string,
  at: item.at as string,
  ...(item.seq !== undefined
    ? { seq: item.seq as number, prevHash: item.prevHash as string, hash: item.hash as string }
    : {}),
  intact: item.seq === undefined || linkHash(item) === item.hash,
});

/** A company's records, a page at a time, by time (oldest or newest first), strongly consistent. */
export async function* links(companyId: string, order: 'oldest-first' | 'newest-first') {
  let cursor: string | null = null;
  do {
    const page: Page<Item> = await queryPage<Item>({ partition: partition(companyId) }, cursor, 1000, {
      consistent: true,
      order: order === 'oldest-first' ? 'asc' : 'desc',
    });
    yield page.items.map(asLink);
    cursor = page.cursor;
  } while (cursor);
}

/** Moves the verified-through checkpoint to `through`; a later one already there stays. */
export const markVerified = async (companyId: string, through: Point, at: string): Promise<void> => {
  const item = { ...key(chainPartition(companyId), CHAIN_ITEMS.verified), ...through, verifiedAt: at };
  try {
    await write(putOp(item, or(notExists('seq'), lte('seq', through.seq))));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
