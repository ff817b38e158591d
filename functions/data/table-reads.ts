/**
 * The table's reads (re-exported by `table-io.ts`, which stores import): single items, batches,
 * one transactional snapshot, and queries a page at a time with opaque cursors.
 */
import {
  BatchGetItemCommand,
  GetItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  type KeysAndAttributes,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { dynamo, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';
import { BadRequest, isRetryableSdkError } from '../errors.ts';
import { Placeholders, type Condition } from './expressions.ts';
import {
  fromWire,
  PK,
  record,
  SK,
  toWire,
  valuesToWire,
  type IndexId,
  type Item,
  type Key,
  type Wire,
} from './table-wire.ts';

export interface ReadOptions {
  /** Strongly consistent (base table only). */
  readonly consistent?: boolean;
  /** Only these top-level attributes. */
  readonly attributes?: readonly string[];
}

const projection = (p: Placeholders, attributes: readonly string[] | undefined) =>
  attributes?.length ? { ProjectionExpression: attributes.map((a) => p.path(a)).join(', ') } : {};

export const getItem = async <T>(itemKey: Key, options: ReadOptions = {}): Promise<T | null> => {
  const p = new Placeholders();
  const { Item } = await dynamo.send(
    new GetItemCommand({
      TableName: TABLE_NAME,
      Key: toWire(itemKey),
      ...(options.consistent ? { ConsistentRead: true } : {}),
      ...projection(p, options.attributes),
      ...(Object.keys(p.names).length ? { ExpressionAttributeNames: p.names } : {}),
    }),
  );
  return Item ? record<T>(fromWire(Item)) : null;
};

/**
 * The items at `keys` (at most 100) as one snapshot, in one TransactGetItems call: strongly
 * consistent, in the order of `keys`, keys stripped, null where absent. A read that collides with
 * a transaction writing one of the items fails with TransactionCanceledException.
 */
export const transactGet = async (keys: readonly Key[]): Promise<Array<Item | null>> => {
  const { Responses } = await dynamo.send(
    new TransactGetItemsCommand({
      TransactItems: keys.map((k) => ({ Get: { TableName: TABLE_NAME, Key: toWire(k) } })),
    }),
  );
  return keys.map((_, index) => {
    const item = Responses?.[index]?.Item;
    return item ? record<Item>(fromWire(item)) : null;
  });
};

/**
 * One BatchGetItem call for up to 100 keys: the items found (in no order) and the keys DynamoDB
 * left unprocessed, which the caller asks for again as it sees fit.
 */
export const readBatch = async <T>(
  keys: readonly Key[],
  options: ReadOptions = {},
): Promise<{ items: T[]; unprocessed: Key[] }> => {
  const p = new Placeholders();
  const request: KeysAndAttributes = {
    Keys: keys.map(toWire),
    ...(options.consistent ? { ConsistentRead: true } : {}),
    ...projection(p, options.attributes),
    ...(Object.keys(p.names).length ? { ExpressionAttributeNames: p.names } : {}),
  };
  const out = await dynamo.send(new BatchGetItemCommand({ RequestItems: { [TABLE_NAME]: request } }));
  return {
    items: (out.Responses?.[TABLE_NAME] ?? []).map((item) => record<T>(fromWire(item))),
    unprocessed: (out.UnprocessedKeys?.[TABLE_NAME]?.Keys ?? []).map((k) => fromWire(k) as Key),
  };
};

/** Many items by key (at most 100), in no particular order; missing ones are left out. */
export const getItems = async <T>(keys: readonly Key[], options: ReadOptions = {}): Promise<T[]> => {
  if (keys.length === 0) return [];
  if (keys.length > 100) throw new Error('getItems reads at most 100 keys.');
  const found: T[] = [];
  let pending: readonly Key[] = keys;
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** round, 1000)));
    const { items, unprocessed } = await readBatch<T>(pending, options);
    found.push(...items);
    pending = unprocessed;
  }
  return found;
};

/** The sort-key part of a key condition. */
export type SortCondition =
  | { readonly eq: string }
  | { readonly beginsWith: string }
  | { readonly between: readonly [string, string] }
  | { readonly lt: string }
  | { readonly lte: string }
  | { readonly gt: string }
  | { readonly gte: string };

export interface QuerySpec {
  /** An index of `definitions/table.ts`, or the table itself when absent. */
  readonly index?: IndexId;
  readonly partition: string;
  readonly sort?: SortCondition;
  /** Applied after the key condition, so a page may hold fewer than `limit` items. */
  readonly filter?: Condition;
}

export interface QueryOptions extends ReadOptions {
  readonly order?: 'asc' | 'desc';
}

const queryInput = (spec: QuerySpec, options: QueryOptions): QueryCommandInput => {
  const p = new Placeholders();
  const names = spec.index ? TABLE.indexes[spec.index] : { partitionKey: PK, sortKey: SK };
  const pk = `${p.path(names.partitionKey)} = ${p.value(spec.partition)}`;
  const sk = spec.sort ? ` AND ${sortExpression(p, p.path(names.sortKey), spec.sort)}` : '';
  const filter = spec.filter ? { FilterExpression: p.condition(spec.filter) } : {};
  const projected = projection(p, options.attributes);
  const { ExpressionAttributeValues: values, ...attributeNames } = p.attributes();
  return {
    TableName: TABLE_NAME,
    ...(spec.index ? { IndexName: TABLE.indexes[spec.index].name } : {}),
    KeyConditionExpression: pk + sk,
    ...filter,
    ...projected,
    ...(options.consistent ? { ConsistentRead: true } : {}),
    ...(options.order === 'desc' ? { ScanIndexForward: false } : {}),
    ...attributeNames,
    ...valuesToWire(values),
  };
};

const sortExpression = (p: Placeholders, name: string, sort: SortCondition): string => {
  if ('eq' in sort) return `${name} = ${p.value(sort.eq)}`;
  if ('beginsWith' in sort) return `begins_with(${name}, ${p.value(sort.beginsWith)})`;
  if ('between' in sort) return `${name} BETWEEN ${p.value(sort.between[0])} AND ${p.value(sort.between[1])}`;
  if ('lt' in sort) return `${name} < ${p.value(sort.lt)}`;
  if ('lte' in sort) return `${name} <= ${p.value(sort.lte)}`;
  if ('gt' in sort) return `${name} > ${p.value(sort.gt)}`;
  return `${name} >= ${p.value(sort.gte)}`;
};

export interface Page<T> {
  readonly items: T[];
  /** Where the next page starts; null on the last. */
  readonly cursor: string | null;
}

const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : null;

const invalidCursor = () =>
  new BadRequest(
    'The cursor is not one this list gave out.',
    [{ field: 'cursor', message: 'invalid' }],
    'invalid_cursor',
  );

const decodeCursor = (cursor: string): Record<string, unknown> => {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw invalidCursor();
    for (const value of Object.values(decoded)) if (typeof value !== 'string') throw invalidCursor();
    return decoded as Record<string, unknown>;
  } catch {
    throw invalidCursor();
  }
};

/**
 * One page of a query, at most `limit` items read (fewer when a filter drops some), with an
 * opaque cursor. A cursor this list never gave out is the caller's mistake: a 400 naming
 * `cursor`, never a 500. Throttling and transient faults stay a retryable 503.
 */
export const queryPage = async <T>(
  spec: QuerySpec,
  cursor: string | null,
  limit: number,
  options: QueryOptions = {},
): Promise<Page<T>> => {
  const input = {
    ...queryInput(spec, options),
    Limit: limit,
    ...(cursor ? { ExclusiveStartKey: toWire(decodeCursor(cursor)) } : {}),
  };
  try {
    const out = await dynamo.send(new QueryCommand(input));
    return {
      items: (out.Items ?? []).map((item) => record<T>(fromWire(item))),
      cursor: encodeCursor(out.LastEvaluatedKey && fromWire(out.LastEvaluatedKey)),
    };
  } catch (error) {
    if (cursor && !isRetryableSdkError(error)) throw invalidCursor();
    throw error;
  }
};

/** Every item of a query, reading page after page (for bounded sets only). */
export const queryAll = async <T>(
  spec: QuerySpec,
  options: QueryOptions & { readonly max?: number } = {},
): Promise<T[]> => {
  const input = queryInput(spec, options);
  const items: T[] = [];
  let start: Wire | undefined;
  do {
    const out = await dynamo.send(new QueryCommand({ ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
    for (const item of out.Items ?? []) {
      items.push(record<T>(fromWire(item)));
      if (options.max !== undefined && items.length >= options.max) return items;
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

/** True when a single conditional write (not a transaction) was refused by its condition. */
