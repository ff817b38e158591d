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
  DeleteItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { dynamo, TABLE_NAME } from '../clients/dynamodb.ts';
import { and, itemAbsent, itemExists, Placeholders, type Condition, type Path } from './expressions.ts';
import { fromWire, record, toWire, valuesToWire, type Item, type Key } from './table-wire.ts';

export * from './expressions.ts';
export { fromImage, indexKey, key, record, type IndexId, type Item, type Key } from './table-wire.ts';
export * from './table-reads.ts';

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

export const isConditionFailure = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException' ||
  (error as { cause?: { name?: string } } | null)?.cause?.name === 'ConditionalCheckFailedException';
