/**
 * The single DynamoDB table, as plain data. The CDK stack, the local bootstrap and the
 * ElectroDB entities all read this module, so key names and indexes are written once.
 */
export interface IndexDefinition {
  /** Index name as DynamoDB knows it. */
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Why the index exists; shown in docs and the CDK construct description. */
  readonly purpose: string;
}

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** General-purpose inverted/lookup index (lists by category, by status, by email, ...). */
    gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', purpose: 'general-purpose lookups and lists' },
    /**
     * Sparse, sharded due-date index: only items with an open obligation (deadline,
     * recertification, reminder) carry gsi2pk, written as `DUE#<shard>`, with the due date
     * leading gsi2sk. A sweep queries each shard up to "now" and reads only what is due.
     */
    due: {
      name: 'gsi2',
      partitionKey: 'gsi2pk',
      sortKey: 'gsi2sk',
      purpose: 'sparse, sharded due-date index for the scheduled sweeps',
    },
  },
  /** Number of partition values the due-date index is spread across. */
  dueShards: 4,
  /** Time-to-live attribute, in epoch seconds (rate-limit counters, Idempotency-Key records, other short-lived items). */
  ttlAttribute: 'expiresAt',
  /**
   * What the table's stream carries for each change: the item as written. Its consumers
   * (`stream-consumers.ts`) read new items only, so they need no old image.
   */
  streamView: 'NEW_IMAGE',
} as const;

/** The partition keys of audit records (`COMPANY#<id>#AUDIT`), as an IAM pattern: no function may update or delete there. */
export const AUDIT_PARTITIONS = 'COMPANY#*#AUDIT';

/**
 * Each company's hash chain over its audit records (issue 20, decision 80), in
 * `COMPANY#<id>#CHAIN#AUDIT`: inside AUDIT_PARTITIONS, so no function may update or delete there,
 * and the chain store only creates. A link `SEQ#<n>` (12 digits) per chained record and a marker
 * `REC#<the record's sort key>` saying which are chained. The first link is listed on gsi1 under
 * `registry`; the first link's `prevHash` is `genesis`. What moves lives outside, in `checkpoints`:
 * how far the chainer has read the trail (sort key `chainer`) and each chain's verified point
 * (`VERIFIED#<companyId>`).
 */
export const AUDIT_CHAIN = {
  partitionSuffix: '#CHAIN#AUDIT',
  registry: 'AUDIT-CHAINS',
  genesis: '',
  checkpoints: 'AUDIT-CHAIN-CHECKPOINTS',
} as const;

/**
 * An audit record's place on gsi1 (`AUDIT#<day>`, the whole portal's trail day by day): written
 * only by the audit store, matched by the filter of the consumer that archives new records.
 */
export const AUDIT_RECORD_ITEM = { indexPrefix: 'AUDIT#' } as const;

/**
 * The key of an outbox delivery (`OUTBOX#<deliveryId>`, `DELIVERY`): written once by the store,
 * matched by the filter of the stream consumer that sends new deliveries.
 */
export const DELIVERY_ITEM = { partitionPrefix: 'OUTBOX#', sortKey: 'DELIVERY' } as const;

/**
 * The record of an `Idempotency-Key` (decision 69), written and read by Powertools'
 * Idempotency utility (`http/keyed-handler.ts`) and by nothing else: pk `IDEMPOTENCY#<routeId>`
 * (a partition per route, so no one partition takes every keyed write), sk `<routeId>#<hash of the
 * caller and the key>`. Its attributes: `status` (`INPROGRESS` while the first run goes on,
 * `COMPLETED` with its answer), `inProgressUntil` (epoch ms: the claiming function's timeout, after
 * which a repeat may run again), `requestHash` (the path and body the key was first used with),
 * `answer` (the first success), and the table's TTL attribute (epoch s), a day after the first use.
 * Every keyed route's function already holds what the utility calls (GetItem, PutItem, UpdateItem
 * and DeleteItem through `table:read` and `table:write`).
 */
export const IDEMPOTENCY_ITEM = {
  partitionPrefix: 'IDEMPOTENCY#',
  /** After this long the table's TTL removes the record, and the key is new again. */
  expiresAfterSeconds: 24 * 60 * 60,
  attributes: {
    status: 'status',
    inProgressExpiry: 'inProgressUntil',
    validation: 'requestHash',
    data: 'answer',
  },
} as const;

/** Every index, in a stable order, for the CDK stack and the local bootstrap. */
export const tableIndexes: readonly IndexDefinition[] = Object.values(TABLE.indexes);

/** The attribute definitions DynamoDB needs: every key attribute is a string. */
export const keyAttributes: readonly string[] = [
  TABLE.partitionKey,
  TABLE.sortKey,
  ...tableIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
];
