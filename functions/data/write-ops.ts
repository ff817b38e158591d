/**
 * The write ops stores build from plain data (table-io.ts runs them): each is a TransactWriteItem
 * with its condition and update compiled to expressions, run alone with `write` or together with
 * `transact`.
 *  - `createOp` refuses an existing item (both key attributes absent);
 *  - `patchOp` refuses a missing item (both key attributes present).
 */
import { TABLE_NAME } from '../clients/dynamodb.ts';
import type { ChainLink } from './chain.ts';
import { and, itemAbsent, itemExists, Placeholders, type Condition, type Path } from './expressions.ts';

export type Item = Record<string, unknown>;
export type Key = Readonly<Record<string, string>>;

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

/** `Chain`: the put joins a hash chain (chain.ts), stamped and appended when it runs. */
type Put = {
  Put: {
    TableName: string;
    Item: Item;
    ConditionExpression?: string;
    /** The item as it stands comes back with a failed condition (a chain's head: chain.ts). */
    ReturnValuesOnConditionCheckFailure?: 'ALL_OLD';
  } & Expressions;
  Chain?: ChainLink;
};
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
