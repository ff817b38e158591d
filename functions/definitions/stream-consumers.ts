/**
 * The stream-consumer table: functions the table's DynamoDB stream invokes, as plain data. In AWS
 * each becomes a Lambda event source mapping on the stream with these filter criteria, retries,
 * bisect-on-error and an alarmed on-failure queue; locally `lib/local/stream-poller.ts` reads the
 * same stream from DynamoDB Local, applies the same filters and invokes the same handler as its
 * function, with its declared access.
 */
import type { Access } from './routes.ts';
import { DELIVERY_ITEM, TABLE } from './table.ts';
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
  /** Module under `functions/streams/` exporting `handler`. */
  readonly handler: string;
  readonly description: string;
  readonly access: readonly Access[];
  /** A record invokes the function when it matches any of these; the others are never delivered. */
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

/**
 * Two mappings on the stream, each with its own place in it: cargo security alerts have their
 * own, so however much other mail the general one is working through, a new alert is read and
 * sent at once. The general one sees alerts too; whichever leases one first sends it, once.
 * (Two consumers is as many as DynamoDB advises reading one stream shard at a time.)
 */
export const STREAM_CONSUMERS = [
  {
    id: 'sendNewAlerts',
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
] as const satisfies readonly StreamConsumerDefinition[];
