/**
 * The table as a test reads and writes it: by the items' keys (the same templates the data layer
 * writes), never by a field of the data layer's own. Through a client of the test's own, not the
 * portal's, so faults injected into the portal's client do not reach what a test looks at.
 * Tests may Scan (their table is tiny and private); request and scheduled code never does.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { TABLE_NAME } from '../../functions/clients/dynamodb.ts';
import { key, record, type Item, type Key, type WriteOp } from '../../functions/data/table-io.ts';
import type { CategoryId } from '../../functions/definitions/categories.ts';
import { IDEMPOTENCY_ITEM, TABLE } from '../../functions/definitions/table.ts';
import type { AuditRecord } from '../../functions/schemas/audit.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { Delivery } from '../../functions/schemas/outbox.ts';
import type { User } from '../../functions/schemas/users.ts';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

const PK = TABLE.partitionKey;
const SK = TABLE.sortKey;

/** A partition of one company (`COMPANY#<companyId>`), not one of its own sub-partitions (`...#AUDIT`). */
const COMPANY = /^COMPANY#[^#]+$/;
/** A partition of one alert (`ALERT#<alertId>`). */
const ALERT = /^ALERT#[^#]+$/;

/**
 * Every kind of item the portal stores, told apart by its partition and sort keys: the key
 * templates of the data layer (`functions/data/*-store.ts`, and the entity definitions the
 * stores replace).
 */
const KINDS = {
  company: [COMPANY, /^COMPANY$/],
  member: [COMPANY, /^USER#/],
  emailClaim: [/^EMAIL#/, /^EMAIL$/],
  audit: [/^COMPANY#[^#]+#AUDIT$/, /^/],
  delivery: [/^OUTBOX#/, /^DELIVERY$/],
  /** The abuse limits' counters, and the markers of requests counted by id. */
  rateCounter: [/^RATE#/, /^(WINDOW|REQUEST)#/],
  accountInfo: [COMPANY, /^ACCOUNT_INFO$/],
  profileCurrent: [COMPANY, /^PROFILE$/],
  profileVersion: [COMPANY, /^PROFILE#V/],
  certification: [COMPANY, /^CERT#/],
  obligation: [COMPANY, /^OBLIGATION#/],
  deadlinePolicy: [/^DEADLINES$/, /^CATEGORY#/],
  deadlineRevision: [/^DEADLINES#/, /^REVISION#/],
  thread: [COMPANY, /^THREAD#/],
  message: [/^COMPANY#[^#]+#THREAD#/, /^MESSAGE#/],
  messageClaim: [/^COMPANY#[^#]+#THREAD#/, /^POSTED#/],
  idempotencyRecord: [new RegExp(`^${IDEMPOTENCY_ITEM.partitionPrefix}`), /^/],
  alert: [ALERT, /^ALERT$/],
  fanOut: [ALERT, /^FANOUT$/],
  inboxItem: [COMPANY, /^INBOX#/],
  acknowledgement: [ALERT, /^ACK#/],
  pendingAcknowledgement: [COMPANY, /^ACK-PENDING#/],
  acknowledgementCount: [ALERT, /^ACKCOUNT#/],
  grant: [COMPANY, /^GRANT#/],
  grantRequest: [COMPANY, /^GRANTREQ#/],
  secondaryContact: [COMPANY, /^SECONDARY_CONTACT$/],
  unreachableAddress: [/^UNREACHABLE#/, /^ADDRESS$/],
  sviCode: [/^SVI#/, /^SVI$/],
  specialistAssignment: [/^SCSS#/, /^COMPANY#/],
} as const satisfies Record<string, readonly [RegExp, RegExp]>;

export type ItemKind = keyof typeof KINDS;

/** Whether a stored item (key attributes included) is of `kind`, judged by its keys. */
export const isOfKind = (item: Item, kind: ItemKind): boolean => {
  const [partition, sort] = KINDS[kind];
  return partition.test(String(item[PK])) && sort.test(String(item[SK]));
};

/** A member as stored: the user record with what only the table keeps. */
export type MemberRecord = z.infer<typeof User> & { readonly mfaEnrolledAt?: string; readonly invitedAt?: string };

/** An email's claim (one email is one person across the portal). */
export interface EmailClaim {
  readonly email: string;
  readonly companyId: string;
  readonly kind: 'registered-poc' | 'user';
  readonly userId?: string;
  readonly claimedAt: string;
}

/** An item exactly as stored, key attributes included. */
export type StoredItem = Record<string, any>;

/**
 * Every item in this test file's table exactly as stored, key attributes included: for
 * comparing the whole table before and after a request.
 */
export const allItems = async (): Promise<StoredItem[]> => {
  const items: StoredItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: TABLE_NAME, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/** Every item but those of one kind, exactly as stored (e.g. all but the abuse limits' counters, which any request moves). */
export const allItemsExcept = async (kind: ItemKind): Promise<StoredItem[]> =>
  (await allItems()).filter((item) => !isOfKind(item, kind));

/** Every item of one kind, as its store returns it (without key attributes). */
export const itemsOfKind = async <T = StoredItem>(kind: ItemKind): Promise<T[]> =>
  (await allItems()).filter((item) => isOfKind(item, kind)).map((item) => record<T>(item));

/** Every audit record in the table, of every company. */
export const auditRecords = () => itemsOfKind<AuditRecord>('audit');
/** Every company. */
export const companies = () => itemsOfKind<Company>('company');
/** Every member of every company (CBP staff included). */
export const members = () => itemsOfKind<MemberRecord>('member');
/** Every delivery in the email outbox, pending or finished. */
export const deliveries = () => itemsOfKind<Delivery>('delivery');
/** Every alert's copy in every company's inbox. */
export const inboxItems = () => itemsOfKind<{ companyId: string; alertId: string }>('inboxItem');

/** Every item of one query, in sort-key order, as stored. */
const queryAll = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> => {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new QueryCommand({ TableName: TABLE_NAME, ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/** A company's audit records, oldest first, from its trail's own partition. */
export const auditRecordsOf = async (companyId: string): Promise<AuditRecord[]> =>
  (
    await queryAll({
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': PK },
      ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}#AUDIT` },
      ConsistentRead: true,
    })
  ).map((item) => record<AuditRecord>(item));

/**
 * Changes one stored audit record directly (a PutItem of the whole item, as someone with table
 * access could, around the data layer): for showing that the hash chain gives it away.
 */
export const tamperWithAuditRecord = async (companyId: string, auditId: string, changes: Record<string, unknown>) => {
  const items = await queryAll({
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': PK },
    ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}#AUDIT` },
    ConsistentRead: true,
  });
  const item = items.find((i) => i.auditId === auditId);
  if (!item) throw new Error(`No audit record ${auditId} of ${companyId}`);
  await documents.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...item, ...changes } }));
};

/** Deletes one stored audit record directly, as someone with table access could. */
export const deleteAuditRecord = async (record: Pick<AuditRecord, 'companyId' | 'at' | 'auditId'>) =>
  documents.send(
    new DeleteCommand({
      TableName: TABLE_NAME,
      Key: key(`COMPANY#${record.companyId}#AUDIT`, `${record.at}#${record.auditId}`),
    }),
  );

/** The members of one company, from its partition. */
export const membersOf = async (companyId: string): Promise<MemberRecord[]> =>
  (
    await queryAll({
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :user)',
      ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
      ExpressionAttributeValues: { ':pk': `COMPANY#${companyId}`, ':user': 'USER#' },
      ConsistentRead: true,
    })
  ).map((item) => record<MemberRecord>(item));

/** The companies of one category, from the category's list on the general index (where CBP lists them). */
export const companiesInCategory = async (category: CategoryId): Promise<Company[]> => {
  const { name, partitionKey, sortKey } = TABLE.indexes.gsi1;
  return (
    await queryAll({
      IndexName: name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :company)',
      ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
      ExpressionAttributeValues: { ':pk': `CATEGORY#${category}`, ':company': 'COMPANY#' },
    })
  ).map((item) => record<Company>(item));
};

/** One item exactly as stored (key attributes included), or null. */
export const storedItem = async (itemKey: Key): Promise<StoredItem | null> =>
  (await documents.send(new GetCommand({ TableName: TABLE_NAME, Key: itemKey, ConsistentRead: true }))).Item ?? null;

/** The claim on an email, or null when nobody holds it. */
export const emailClaimOf = async (email: string): Promise<EmailClaim | null> => {
  const item = await storedItem(key(`EMAIL#${email}`, 'EMAIL'));
  return item ? record<EmailClaim>(item) : null;
};

/** A delivery exactly as stored, key attributes included (to see whether it is still on the due-date index). */
export const deliveryAsStored = (deliveryId: string) => storedItem(key(`OUTBOX#${deliveryId}`, 'DELIVERY'));

/** How many audit records the table holds from yesterday and today (UTC), counted on the by-day index without reading them. */
export const auditCount = async (): Promise<number> => {
  const { name, partitionKey } = TABLE.indexes.gsi1;
  let count = 0;
  for (const offset of [1, 0]) {
    const day = new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          IndexName: name,
          KeyConditionExpression: '#pk = :day',
          ExpressionAttributeNames: { '#pk': partitionKey },
          ExpressionAttributeValues: { ':day': `AUDIT#${day}` },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return count;
};

/** Runs one write op a store (or a test helper) built, through the test's client. */
export const writeItem = async (op: WriteOp): Promise<void> => {
  if ('Put' in op) await documents.send(new PutCommand(op.Put));
  else if ('Update' in op) await documents.send(new UpdateCommand(op.Update));
  else if ('Delete' in op) await documents.send(new DeleteCommand(op.Delete));
  else throw new Error('A condition check runs only inside a transaction.');
};

/**
 * Writes many whole items (replacing any with the same key), 25 to a request and `concurrency`
 * requests at once, sending again whatever DynamoDB leaves unprocessed.
 */
export const putItems = async (items: readonly Item[], concurrency = 8): Promise<void> => {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  const writeBatch = async (batch: Item[]) => {
    let pending: BatchWriteCommandInput['RequestItems'] = {
      [TABLE_NAME]: batch.map((Item) => ({ PutRequest: { Item } })),
    };
    for (let round = 0; pending && Object.keys(pending).length; round += 1) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** round, 1000)));
      pending = (await documents.send(new BatchWriteCommand({ RequestItems: pending }))).UnprocessedItems;
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, batches.length) }, async () => {
      while (next < batches.length) await writeBatch(batches[next++]!);
    }),
  );
};
