import type { KinesisStreamEvent } from 'aws-lambda';
import { archiveRecords } from '../domain/audit-archive.ts';
import * as auditArchive from '../data/audit-archive.ts';
import { newItemsOf } from '../data/table-changes.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import { logger } from '../log.ts';

const deps = { archive: auditArchive };

/**
 * Invoked by the table's Kinesis data stream with new audit records only (the filter of the
 * `archiveAuditRecords` consumer in `definitions/stream-consumers.ts`): each record's copy goes
 * into the write-once archive. A batch that fails is retried split in two, then named on the
 * alarmed on-failure queue.
 */
export const handler = async (event: KinesisStreamEvent) => {
  const records = newItemsOf<AuditRecord>(event);
  const archived = await archiveRecords(deps, records);
  logger.info('audit records archived', { records: records.length, archived });
  return { archived };
};
