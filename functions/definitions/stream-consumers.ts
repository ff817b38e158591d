/**
 * The stream-consumer table: functions the table's changes invoke, as plain data. In AWS each
 * becomes a Lambda event source mapping with these filter criteria, retries, bisect-on-error and
 * an alarmed on-failure queue, on one of two streams of the same changes: the table's DynamoDB
 * stream (`table`), which DynamoDB advises no more than two consumers read, and the Kinesis data
 * stream the table also writes them to (`table-changes`), which takes more. Locally
 * `lib/local/stream-poller.ts` reads DynamoDB Local's stream for both, hands a `table-changes`
 * consumer each change as Kinesis carries it, applies the same filters and invokes the same
 * handler as its function, with its declared access.
 */
import type { Access } from './routes.ts';
import { AUDIT_RECORD_ITEM, DELIVERY_ITEM, TABLE } from './table.ts';
import { ALERT_SHARD_PREFIX } from '../schemas/outbox.ts';

/** One value a filter field accepts: an exact string, or a `prefix` match. */
export type FilterValue = string | { readonly prefix: string };

/**
 * A Lambda event filter pattern over a stream record: nested fields, each leaf a list of values
 * any of which matches. Only exact strings and `prefix` are used (the local poller refuses the
 * rest of Lambda's filter syntax, so a new operator cannot pass locally and differ in AWS).
 */
export interface FilterPattern {
  readonly [field: string]: FilterPattern | readonly FilterValue[];
}

export interface StreamConsumerDefinition {
  /** Stable id: the construct id. */
  readonly id: string;
  /**
   * Which stream it reads: the table's DynamoDB stream (`table`, access `table:stream`), or the
   * Kinesis data stream of the same changes (`table-changes`, access `table:changes`), whose
   * records carry each change as JSON in `data`; its filters then apply to that JSON.
   */
  readonly source: 'table' | 'table-changes';
  /**
   * Where a new mapping starts reading: at the newest record (`latest`: mail written before it
   * existed is the scheduled sender's), or at the oldest the stream keeps (`trim-horizon`: none
   * lost). Locally the poller starts at the newest either way (docs/emulators.md).
   */
  readonly startingPosition: 'latest' | 'trim-horizon';
  /** Module under `functions/streams/` exporting `handler`. */
  readonly handler: string;
  readonly description: string;
  readonly access: readonly Access[];
  /** A change invokes the function when it matches any of these; the others are never delivered. */
  readonly filters: readonly FilterPattern[];
  /** Most records per invocation. */
  readonly batchSize: number;
  /** Retries of a failed batch (split in two each time) before its records go to the on-failure queue. */
  readonly retryAttempts: number;
  /** Records older than this go to the on-failure queue unread (Lambda's least is 60 s, its most 7 days). */
  readonly maxRecordAgeSeconds: number;
  /** Batches of one shard handled at once in AWS (1 to 10); the local poller handles one at a time. */
  readonly parallelizationFactor: number;
  /** The function's timeout, in seconds. */
  readonly timeoutSeconds: number;
}

/** A new outbox delivery: its item was just written (a later change of it is the scheduled sender's). */
const newDelivery = {
  eventName: ['INSERT'],
  dynamodb: {
    Keys: {
      [TABLE.partitionKey]: { S: [{ prefix: DELIVERY_ITEM.partitionPrefix }] },
      [TABLE.sortKey]: { S: [DELIVERY_ITEM.sortKey] },
    },
  },
} as const;

/** A new audit record: its item was just written (records are only ever created). */
const newAuditRecord = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { [TABLE.indexes.gsi1.partitionKey]: { S: [{ prefix: AUDIT_RECORD_ITEM.indexPrefix }] } } },
} as const;

/**
 * Two mappings on the DynamoDB stream, each with its own place in it: cargo security alerts have their
 * own, so however much other mail the general one is working through, a new alert is read and
 * sent at once. The general one sees alerts too; whichever leases one first sends it, once.
 * (Two consumers is as many as DynamoDB advises reading one stream shard at a time: the third,
 * the audit archive, reads the same changes from the table's Kinesis data stream.)
 */
export const STREAM_CONSUMERS = [
  {
    id: 'sendNewAlerts',
    source: 'table',
    startingPosition: 'latest',
    handler: 'send-new-deliveries',
    description:
      'Sends each new cargo security alert delivery as soon as it is written, ahead of any other mail, off the request path',
    // The stream holds the delivery as written, and the lease is a conditional update: no read.
    access: ['table:stream', 'table:write', 'email:send'],
    filters: [
      {
        ...newDelivery,
        dynamodb: { ...newDelivery.dynamodb, NewImage: { shard: { S: [{ prefix: ALERT_SHARD_PREFIX }] } } },
      },
    ],
    // An alert's fan-out writes its deliveries (50 recipients each) a page at a time.
    batchSize: 10,
    retryAttempts: 2,
    // By then the scheduled sender (every minute, the alert lane first) has long sent what the stream did not.
    maxRecordAgeSeconds: 60 * 60,
    parallelizationFactor: 4,
    // Well inside the outbox's 10-minute lease: no other sender takes a delivery over while this one runs.
    timeoutSeconds: 120,
  },
  {
    id: 'sendNewDeliveries',
    source: 'table',
    startingPosition: 'latest',
    handler: 'send-new-deliveries',
    description:
      'Sends each new email delivery as soon as the transaction that decided it commits, off the request path',
    access: ['table:stream', 'table:write', 'email:send'],
    filters: [newDelivery],
    // 25 deliveries of at most 50 recipients: 25 bulk calls at most, well inside the timeout.
    batchSize: 25,
    retryAttempts: 2,
    maxRecordAgeSeconds: 60 * 60,
    // Each delivery is its own partition key, so batches of a shard need no order between them.
    parallelizationFactor: 4,
    timeoutSeconds: 120,
  },
  {
    id: 'archiveAuditRecords',
    source: 'table-changes',
    // Every audit record since the stream began, the ones written before the mapping too.
    startingPosition: 'trim-horizon',
    handler: 'archive-audit-records',
    description:
      'Puts a copy of each new audit record in the write-once audit archive (S3 Object Lock), from the table changes',
    // The change carries the record as written: nothing to read from the table.
    access: ['table:changes', 'archive:write'],
    filters: [newAuditRecord],
    batchSize: 100,
    retryAttempts: 5,
    // Kinesis keeps a week (the stack's retention); a record the archive cannot take by then is
    // on the alarmed queue, named, for an operator to put by hand.
    maxRecordAgeSeconds: 6 * 24 * 60 * 60,
    // Each record is its own object: batches of a shard need no order between them.
    parallelizationFactor: 4,
    timeoutSeconds: 60,
  },
] as const satisfies readonly StreamConsumerDefinition[];
