/**
 * The audit trail's store. Records are only ever created (a conditional put): there is no
 * update or delete here or anywhere, and every function's IAM policy denies both on audit
 * partitions (`AUDIT_PARTITIONS`).
 *
 * Item: pk `COMPANY#<companyId>#AUDIT`, sk `<at>#<auditId>`; on gsi1 `AUDIT#<day>` (the whole
 * portal's trail, day by day) with the same sort key.
 */
import { AUDIT_RECORD_ITEM } from '../definitions/table.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { createOp, eq, indexKey, key, queryPage, write, type Page, type WriteOp } from './table-io.ts';

export type { AuditRecord };

/** A company's trail's partition. */
export const partition = (companyId: string) => `COMPANY#${companyId}#AUDIT`;
/** A record's sort key: its time, then its id. */
export const position = (r: Pick<AuditRecord, 'at' | 'auditId'>) => `${r.at}#${r.auditId}`;

/** The write of one record, for a transaction that makes the change it records. */
export const auditOp = (r: AuditRecord): WriteOp =>
  createOp({
    ...key(partition(r.companyId), position(r)),
    ...indexKey('gsi1', `${AUDIT_RECORD_ITEM.indexPrefix}${r.day}`, position(r)),
    ...r,
  });

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
  queryPage<AuditRecord>(
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
  );

/** A page of a company's whole trail, oldest first (the export reads it page by page). */
export const pageOfCompany = (companyId: string, cursor: string | null, limit: number): Promise<Page<AuditRecord>> =>
  queryPage<AuditRecord>({ partition: partition(companyId) }, cursor, limit);

/** The whole portal's trail for one UTC day, newest first (CBP). */
export const ofDay = (
  day: string,
  action: string | undefined,
  cursor: string | null,
  limit: number,
  order: 'newest' | 'oldest' = 'newest',
) =>
  queryPage<AuditRecord>(
    {
      index: 'gsi1',
      partition: `${AUDIT_RECORD_ITEM.indexPrefix}${day}`,
      ...(action ? { filter: eq('action', action) } : {}),
    },
    cursor,
    limit,
    { order: order === 'newest' ? 'desc' : 'asc' },
  );
