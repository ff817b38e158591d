/**
 * The write-once audit archive (issue 20 item 2; decisions 79 and 83): a copy of every audit
 * record, as the canonical JSON its company's hash chain hashes, delivered from the table's
 * changes moments after the transaction that wrote it commits. Nothing here waits on the chain,
 * nor the chain on this: each holds the record as written, so a copy and a link always agree.
 */
import type { AuditRecord } from '../schemas/audit.ts';
import { canonicalRecord, positionOf } from './audit-chain.ts';

/** The archive (data/audit-archive.ts): one copy per record, by its company and position. */
export interface AuditArchive {
  archiveRecord(companyId: string, position: string, body: string): Promise<void>;
}

/**
 * Puts each record's copy, a few at a time; any failure fails the whole call, so the batch is
 * retried (a copy put twice is the same bytes under the same key).
 */
export const archiveRecords = async (
  deps: { readonly archive: AuditArchive },
  records: readonly AuditRecord[],
  concurrency = 8,
): Promise<number> => {
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const record = records[next++]!;
      await deps.archive.archiveRecord(record.companyId, positionOf(record), canonicalRecord(record));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, records.length) }, worker));
  return records.length;
};
