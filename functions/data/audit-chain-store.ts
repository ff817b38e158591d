/**
 * The audit trail's hash chains as stored (domain/audit-chain.ts holds the rules; decision 80):
 * per company, in its chain partition (`AUDIT_CHAIN`: inside the audit partitions no function may
 * update or delete, where this store only creates), a link `SEQ#<n>` per chained record and a
 * marker `REC#<position>` saying the record is chained; the checkpoints, which move, live outside.
 * An append writes both in one transaction, each only if absent: the link's condition
 * is what keeps two chainers from forking a chain, the marker's what keeps a record from being
 * chained twice. The chainer reads new records on gsi1 (the portal's trail, day by day).
 */
import { AUDIT_CHAIN, AUDIT_RECORD_ITEM } from '../definitions/table.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { partition, position } from './audit-store.ts';
import {
  createOp,
  getItem,
  getItems,
  indexKey,
  isConditionFailure,
  key,
  lte,
  notExists,
  or,
  putOp,
  queryAll,
  queryPage,
  transact,
  write,
  type Page,
} from './table-io.ts';

export interface StoredLink {
  readonly seq: number;
  /** The chained record's sort key (`<at>#<auditId>`). */
  readonly position: string;
  readonly recordHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

const chainPartition = (companyId: string) => `COMPANY#${companyId}${AUDIT_CHAIN.partitionSuffix}`;
const SEQ = 'SEQ#';
const REC = 'REC#';
const seqKey = (seq: number) => `${SEQ}${String(seq).padStart(12, '0')}`;
const verifiedKey = (companyId: string) => key(AUDIT_CHAIN.checkpoints, `VERIFIED#${companyId}`);
const chainerKey = key(AUDIT_CHAIN.checkpoints, 'chainer');
const END = '\uffff';

/** The UTC days from `from`'s to `to`'s (ISO times), each `YYYY-MM-DD`. */
const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(from.slice(0, 10)); t <= Date.parse(to.slice(0, 10)); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

/** The portal's audit records dated in [from, to], oldest first, at most `max` (gsi1, day by day). */
export const recordsBetween = async (from: string, to: string, max: number): Promise<AuditRecord[]> => {
  const found: AuditRecord[] = [];
  for (const day of daysBetween(from, to)) {
    const left = max - found.length;
    if (left <= 0) break;
    found.push(
      ...(await queryAll<AuditRecord>(
        {
          index: 'gsi1',
          partition: `${AUDIT_RECORD_ITEM.indexPrefix}${day}`,
          sort: { between: [from, `${to}${END}`] },
        },
        { max: left },
      )),
    );
  }
  return found;
};

/** Which records of a company dated in [from, to] are chained: their positions (strongly consistent). */
export const chainedBetween = async (companyId: string, from: string, to: string): Promise<Set<string>> =>
  new Set(
    (
      await queryAll<{ position: string }>(
        { partition: chainPartition(companyId), sort: { between: [`${REC}${from}`, `${REC}${to}${END}`] } },
        { consistent: true, attributes: ['position'] },
      )
    ).map((m) => m.position),
  );

/** The chain's last link, strongly consistent; null before its first. */
export const head = async (companyId: string): Promise<ChainPoint | null> => {
  const page = await queryPage<StoredLink>(
    { partition: chainPartition(companyId), sort: { beginsWith: SEQ } },
    null,
    1,
    { consistent: true, order: 'desc', attributes: ['seq', 'hash'] },
  );
  const [last] = page.items;
  return last ? { seq: last.seq, hash: last.hash } : null;
};

export type AppendOutcome = 'appended' | 'seq-taken' | 'already-chained';

/**
 * Appends one link and its record's marker, both only if absent, in one transaction:
 * `seq-taken` when another chainer appended that seq first (read the head again),
 * `already-chained` when the record is chained already. Other cancellations throw.
 */
export const append = async (companyId: string, link: StoredLink): Promise<AppendOutcome> => {
  const cp = chainPartition(companyId);
  const outcome = await transact([
    createOp({
      ...key(cp, seqKey(link.seq)),
      // The first link lists the chain for the verifier.
      ...(link.seq === 1 ? indexKey('gsi1', AUDIT_CHAIN.registry, companyId) : {}),
      companyId,
      ...link,
    }),
    createOp({ ...key(cp, `${REC}${link.position}`), position: link.position, seq: link.seq }),
  ]);
  if (!outcome.canceled) return 'appended';
  const [seq, marker] = outcome.data;
  if (marker?.code === 'ConditionalCheckFailed') return 'already-chained';
  if (seq?.code === 'ConditionalCheckFailed' || outcome.data.some((d) => d.code === 'TransactionConflict'))
    return 'seq-taken';
  throw new Error(
    `Appending seq ${link.seq} to ${companyId}'s audit chain was canceled: ${JSON.stringify(outcome.data)}`,
  );
};

/** Every company that has a chain (the first links, on gsi1). */
export const chainIds = async (): Promise<string[]> =>
  (
    await queryAll<{ companyId: string }>(
      { index: 'gsi1', partition: AUDIT_CHAIN.registry },
      { attributes: ['companyId'] },
    )
  ).map((r) => r.companyId);

/** The chain's links after seq `after`, in order, a page at a time, strongly consistent. */
export async function* linksAfter(companyId: string, after: number): AsyncIterable<StoredLink[]> {
  let cursor: string | null = null;
  do {
    const page: Page<StoredLink & { companyId?: string }> = await queryPage(
      { partition: chainPartition(companyId), sort: { between: [seqKey(after + 1), `${SEQ}${END}`] } },
      cursor,
      500,
      { consistent: true },
    );
    yield page.items.map(({ seq, position, recordHash, prevHash, hash }) => ({
      seq,
      position,
      recordHash,
      prevHash,
      hash,
    }));
    cursor = page.cursor;
  } while (cursor);
}

/** The company's records at these positions (at most 100), by position, strongly consistent. */
export const recordsAt = async (companyId: string, positions: readonly string[]): Promise<Map<string, AuditRecord>> => {
  const found = await getItems<AuditRecord>(
    positions.map((p) => key(partition(companyId), p)),
    { consistent: true },
  );
  return new Map(found.map((r) => [position(r), r]));
};

/** The company's whole trail, oldest first, a page at a time, strongly consistent. */
export async function* trail(companyId: string): AsyncIterable<AuditRecord[]> {
  let cursor: string | null = null;
  do {
    const page: Page<AuditRecord> = await queryPage({ partition: partition(companyId) }, cursor, 1000, {
      consistent: true,
    });
    yield page.items;
    cursor = page.cursor;
  } while (cursor);
}

/** Every chained position of the company (its markers), strongly consistent. */
export const allChained = async (companyId: string): Promise<Set<string>> =>
  new Set(
    (
      await queryAll<{ position: string }>(
        { partition: chainPartition(companyId), sort: { beginsWith: REC } },
        { consistent: true, attributes: ['position'] },
      )
    ).map((m) => m.position),
  );

/** How far the scheduled verification found the chain intact; null before its first pass. */
export const verified = async (companyId: string): Promise<ChainPoint | null> => {
  const item = await getItem<ChainPoint>(verifiedKey(companyId), { consistent: true });
  return item ? { seq: item.seq, hash: item.hash } : null;
};

/** Moves the verified checkpoint to `through`; a later one already there stays. */
export const markVerified = async (companyId: string, through: ChainPoint, at: string): Promise<void> => {
  const item = { ...verifiedKey(companyId), ...through, verifiedAt: at };
  try {
    await write(putOp(item, or(notExists('seq'), lte('seq', through.seq))));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

/** Up to when the chainer has read the trail (an ISO time); null before its first run. */
export const chainerCheckpoint = async (): Promise<string | null> =>
  (await getItem<{ through: string }>(chainerKey, { consistent: true }))?.through ?? null;

export const moveChainerCheckpoint = (through: string): Promise<void> => write(putOp({ ...chainerKey, through }));
