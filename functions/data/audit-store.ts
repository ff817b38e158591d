/**
 * The audit trail's store. Records are only ever created (a conditional put): there is no
 * update or delete here or anywhere, and every function's IAM policy denies both on audit
 * partitions (`AUDIT_PARTITIONS`). Each record joins its company's hash chain as it is written
 * (data/chain.ts: `seq`, `prevHash`, `hash`), which the trail's reads leave out.
 *
 * Item: pk `COMPANY#<companyId>#AUDIT`, sk `<at>#<auditId>`; on gsi1 `AUDIT#<day>` (the whole
 * portal's trail, day by day) with the same sort key. The chain's head, registration (on gsi1
 * `AUDIT-CHAINS`, by company) and verified-through checkpoint: pk `COMPANY#<companyId>#CHAIN`,
 * sk `HEAD`, `START`, `VERIFIED` (`AUDIT_CHAIN`).
 */
import { AUDIT_CHAIN } from '../definitions/table.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { chained } from './chain.ts';
import { createOp, eq, indexKey, key, queryPage, write, type Page, type WriteOp } from './table-io.ts';

export type { AuditRecord };

export const partition = (companyId: string) => `COMPANY#${companyId}#AUDIT`;
const position = (r: Pick<AuditRecord, 'at' | 'auditId'>) => `${r.at}#${r.auditId}`;

/** The partition of a company's chain: its head, registration and checkpoint. */
export const chainPartition = (companyId: string) => `COMPANY#${companyId}${AUDIT_CHAIN.partitionSuffix}`;
export const CHAIN_ITEMS = { head: 'HEAD', start: 'START', verified: 'VERIFIED' } as const;

/** The write of one record, for a transaction that makes the change it records. */
export const auditOp = (r: AuditRecord): WriteOp =>
  chained(
    createOp({
      ...key(partition(r.companyId), position(r)),
      ...indexKey('gsi1', `AUDIT#${r.day}`, position(r)),
      ...r,
    }),
    {
      chain: r.companyId,
      head: key(chainPartition(r.companyId), CHAIN_ITEMS.head),
      start: {
        ...key(chainPartition(r.companyId), CHAIN_ITEMS.start),
        ...indexKey('gsi1', AUDIT_CHAIN.registry, r.companyId),
        companyId: r.companyId,
        startedAt: r.at,
      },
    },
  );

/** A record as the trail shows it: without its place in the chain. */
const plain = ({ seq: _seq, prevHash: _prev, hash: _hash, ...r }: AuditRecord & Chained): AuditRecord => r;
type Chained = { seq?: number; prevHash?: string; hash?: string };
const plainPage = (page: Page<AuditRecord & Chained>): Page<AuditRecord> => ({ ...page, items: page.items.map(plain) });

/** One record on its own: a read of confidential data (CBP reading a profile, a partner reading through a grant). */
export const record = (r: AuditRecord): Promise<void> => write(auditOp(r));

export interface TrailFilter {
  readonly action?: string;
  readonly from?: string;
  readonly to?: string;
}

/** The end of a day given as `YYYY-MM-DD` (or any prefix of a time): every time within it sorts before. */
const through = (to: string) => `${to}\uffff`;

/** A company's trail, newest first, within [from, to] and of one action when asked. */
export const ofCompany = (
  companyId: string,
  filter: TrailFilter,
  cursor: string | null,
  limit: number,
): Promise<Page<AuditRecord>> =>
  queryPage<AuditRecord & Chained>(
    {
      partition: partition(companyId),
      ...(filter.from && filter.to
        ? { sort: { between: [filter.from, through(filter.to)] as const } }
        : filter.from
          ? { sort: { gte: filter.from } }
          : filter.to
            ? { sort: { lte: through(filter.to) } }
            : {}),
      ...(filter.action ? { filter: eq('action', filter.action) } : {}),
    },
    cursor,
    limit,
    { order: 'desc' },
  ).then(plainPage);

/** A page of a company's whole trail, oldest first (the export reads it page by page). */
export const pageOfCompany = (companyId: string, cursor: string | null, limit: number): Promise<Page<AuditRecord>> =>
  queryPage<AuditRecord & Chained>({ partition: partition(companyId) }, cursor, limit).then(plainPage);

/** The whole portal's trail for one UTC day, newest first (CBP). */
export const ofDay = (day: string, action: string | undefined, cursor: string | null, limit: number) =>
  queryPage<AuditRecord & Chained>(
    { index: 'gsi1', partition: `AUDIT#${day}`, ...(action ? { filter: eq('action', action) } : {}) },
    cursor,
    limit,
    { order: 'desc' },
  ).then(plainPage);
