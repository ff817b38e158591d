/**
 * The one way stores talk to the table: typed reads, queries with opaque cursors, and writes
 * (single or in a transaction) whose conditions and updates are built from plain data. Stores
 * build their own keys from `definitions/table.ts`; nothing here knows an aggregate.
 *
 * Write semantics match what the stores rely on:
 *  - `createOp` refuses an existing item (both key attributes absent);
 *  - `patchOp` refuses a missing item (both key attributes present);
 *  - a canceled transaction is an outcome, not an exception (see transact.ts), so the store
 *    can name the item whose condition failed.
 */
import {
  BatchGetItemCommand,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type AttributeValue,
  type KeysAndAttributes,
  type QueryCommandInput,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { dynamo, TABLE_NAME } from '../clients/dynamodb.ts';
import { TABLE } from '../definitions/table.ts';
import { BadRequest, isRetryableSdkError } from '../errors.ts';
import { and, itemAbsent, itemExists, Placeholders, type Condition, type Path } from './expressions.ts';

export * from './expressions.ts';

export type Item = Record<string, unknown>;
export type Key = Readonly<Record<string, string>>;

const PK = TABLE.partitionKey;
const SK = TABLE.sortKey;

/** The primary key of an item. */
export const key = (pk: string, sk: string): Key => ({ [PK]: pk, [SK]: sk });

/** The key attributes of an index entry, to spread into an item (`...indexKey('gsi1', pk, sk)`). */
export const indexKey = (index: IndexId, pk: string, sk: string): Key => {
  const { partitionKey, sortKey } = TABLE.indexes[index];
  return { [partitionKey]: pk, [sortKey]: sk };
};
export type IndexId = keyof typeof TABLE.indexes;

/** Key attributes, never part of a record a store returns. */
const KEY_ATTRIBUTES = new Set<string>([
  PK,
  SK,
  ...Object.values(TABLE.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
  // Written by the earlier data layer (ElectroDB) on items made before the stores; never returned.
  '__edb_e__',
  '__edb_v__',
]);

// Stores and ops speak plain values; only the calls below turn them into DynamoDB's attribute
// values and back (util-dynamodb, what the DocumentClient uses, without loading the DocumentClient
// package at every cold start). An undefined attribute is left out, as the DocumentClient was told.
type Wire = Record<string, AttributeValue>;
const toWire = (values: Item): Wire => marshall(values, { removeUndefinedValues: true });
const fromWire = (item: Wire): Item => unmarshall(item);
const valuesToWire = (values: Record<string, unknown> | undefined) =>
  values ? { ExpressionAttributeValues: toWire(values) } : {};

/** A write op as DynamoDB takes it. */
const opToWire = (op: WriteOp): TransactWriteItem => {
  if ('Put' in op) {
    const { Item: item, ExpressionAttributeValues: values, ...rest } = op.Put;
    return { Put: { ...rest, Item: toWire(item), ...valuesToWire(values) } };
  }
  if ('Update' in op) {
    const { Key: k, ExpressionAttributeValues: values, ...rest } = op.Update;
    return { Update: { ...rest, Key: toWire(k), ...valuesToWire(values) } };
  }
  if ('Delete' in op) {
    const { Key: k, ExpressionAttributeValues: values, ...rest } = op.Delete;
    return { Delete: { ...rest, Key: toWire(k), ...valuesToWire(values) } };
  }
  const { Key: k, ExpressionAttributeValues: values, ...rest } = op.ConditionCheck;
  return { ConditionCheck: { ...rest, Key: toWire(k), ...valuesToWire(values) } };
};

/** An item as its store returns it: the record without key attributes. */
export const record = <T>(item: Item): T => {
  const out: Item = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(name)) out[name] = value;
  return out as T;
};

/** An item's image in a stream record (DynamoDB JSON, as Lambda hands it over) as its store returns it. */
export const fromImage = <T>(image: Readonly<Record<string, unknown>>): T =>
  record<T>(unmarshall(image as Record<string, AttributeValue>));

// ---------------------------------------------------------------------------------------------
// Writes: each op is a TransactWriteItem, run alone with `write` or together with `transact`.

/** What an update changes. Paths are dotted; `undefined` values in `set` are removed instead. */
export interface Changes {
  readonly set?: Item;
  /** Sets only where the attribute is absent (`if_not_exists`). */
  readonly setIfAbsent?: Item;
  readonly remove?: readonly Path[];
  /** Numeric increments (negative to subtract). */
  readonly add?: Readonly<Record<Path, number>>;
  /** Appends to a list attribute, creating it when absent. */
  readonly append?: Readonly<Record<Path, readonly unknown[]>>;
}

type Put = { Put: { TableName: string; Item: Item; ConditionExpression?: string } & Expressions };
type Update = {
  Update: { TableName: string; Key: Key; UpdateExpression: string; ConditionExpression?: string } & Expressions;
};
type Delete = { Delete: { TableName: string; Key: Key; ConditionExpression?: string } & Expressions };
type Check = { ConditionCheck: { TableName: string; Key: Key; ConditionExpression: string } & Expressions };
type Expressions = {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};
export type WriteOp = Put | Update | Delete | Check;

const conditionOf = (placeholders: Placeholders, condition: Condition | undefined) =>
  condition ? { ConditionExpression: placeholders.condition(condition) } : {};

/** Writes the whole item (replacing any), under an optional condition. */
export const putOp = (item: Item, condition?: Condition): WriteOp => {
  const p = new Placeholders();
  const cond = conditionOf(p, condition);
  return { Put: { TableName: TABLE_NAME, Item: item, ...cond, ...p.attributes() } };
};

/** Writes a new item; refused (condition failure) when one with the key exists. */
export const createOp = (item: Item, condition?: Condition): WriteOp => putOp(item, and(itemAbsent(), condition));

/** The UpdateExpression of `changes`, with its placeholders in `p`. */
const updateExpression = (p: Placeholders, changes: Changes): string => {
  const sets: string[] = [];
  const removes: string[] = [...(changes.remove ?? []).map((path) => p.path(path))];
  for (const [path, value] of Object.entries(changes.set ?? {})) {
    if (value === undefined) removes.push(p.path(path));
    else sets.push(`${p.path(path)} = ${p.value(value)}`);
  }
  for (const [path, value] of Object.entries(changes.setIfAbsent ?? {})) {
    const name = p.path(path);
    sets.push(`${name} = if_not_exists(${name}, ${p.value(value)})`);
  }
  for (const [path, values] of Object.entries(changes.append ?? {})) {
    const name = p.path(path);
    sets.push(`${name} = list_append(if_not_exists(${name}, ${p.value([])}), ${p.value(values)})`);
  }
  const adds = Object.entries(changes.add ?? {}).map(([path, by]) => `${p.path(path)} ${p.value(by)}`);
  const clauses = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
  ].filter(Boolean);
  if (clauses.length === 0) throw new Error('An update that changes nothing.');
  return clauses.join(' ');
};

/** Changes an item, creating it when absent (DynamoDB's own update), under an optional condition. */
export const updateOp = (itemKey: Key, changes: Changes, condition?: Condition): WriteOp => {
  const p = new Placeholders();
  const UpdateExpression = updateExpression(p, changes);
  const cond = conditionOf(p, condition);
  return { Update: { TableName: TABLE_NAME, Key: itemKey, UpdateExpression, ...cond, ...p.attributes() } };
};

/** Changes an existing item; refused (condition failure) when there is none. */
export const patchOp = (itemKey: Key, changes: Changes, condition?: Condition): WriteOp =>
  updateOp(itemKey, changes, and(itemExists(), condition));

export const deleteOp = (itemKey: Key, condition?: Condition): WriteOp => {
  const p = new Placeholders();
  const cond = conditionOf(p, condition);
  return { Delete: { TableName: TABLE_NAME, Key: itemKey, ...cond, ...p.attributes() } };
};

/** A condition on another item that the transaction needs but does not change. */
export const checkOp = (itemKey: Key, condition: Condition): WriteOp => {
  const p = new Placeholders();
  const ConditionExpression = p.condition(condition);
  return { ConditionCheck: { TableName: TABLE_NAME, Key: itemKey, ConditionExpression, ...p.attributes() } };
};

/** Runs one write op on its own. A failed condition throws (see `isConditionFailure`). */
export const write = async (op: WriteOp): Promise<void> => {
  const wire = opToWire(op);
  if (wire.Put) await dynamo.send(new PutItemCommand(wire.Put));
  else if (wire.Update) await dynamo.send(new UpdateItemCommand(wire.Update));
  else if (wire.Delete) await dynamo.send(new DeleteItemCommand(wire.Delete));
  else throw new Error('A condition check runs only inside a transaction.');
};

/** Runs an update op and returns the item as it is afterwards. */
export const updateReturning = async <T>(op: WriteOp): Promise<T> => {
  if (!('Update' in op)) throw new Error('updateReturning takes an update op.');
  const { Update } = opToWire(op);
  const { Attributes } = await dynamo.send(new UpdateItemCommand({ ...Update!, ReturnValues: 'ALL_NEW' }));
  return record<T>(fromWire(Attributes ?? {}));
};

/** How a transaction ended: each item's cancellation code when it was canceled. */
export interface TransactionOutcome {
  readonly canceled: boolean;
  readonly data: ReadonlyArray<{ readonly rejected: boolean; readonly code: string }>;
}

/**
 * Runs the ops all or nothing. A cancellation (a failed condition, a conflict with another
 * transaction, throttling of one item) comes back as the outcome, with one code per op; see
 * `assertCommitted` and `committed` in transact.ts. Any other failure throws.
 */
export const transact = async (ops: readonly WriteOp[]): Promise<TransactionOutcome> => {
  try {
    await dynamo.send(new TransactWriteItemsCommand({ TransactItems: ops.map(opToWire) }));
    return { canceled: false, data: ops.map(() => ({ rejected: false, code: 'None' })) };
  } catch (error) {
    const reasons = (error as { name?: string; CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
    if ((error as { name?: string }).name !== 'TransactionCanceledException' || !reasons) throw error;
    return {
      canceled: true,
      data: reasons.map((reason) => ({ rejected: (reason.Code ?? 'None') !== 'None', code: reason.Code ?? 'None' })),
    };
  }
};

// ---------------------------------------------------------------------------------------------
// Reads.

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
export const isConditionFailure = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException' ||
  (error as { cause?: { name?: string } } | null)?.cause?.name === 'ConditionalCheckFailedException';
