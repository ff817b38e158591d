/**
 * The table's wire: items as the stores speak them (plain values, key attributes stripped) and as
 * DynamoDB takes them (attribute values), and the key builders. Shared by the writes
 * (`table-io.ts`), the reads (`table-reads.ts`) and the reader of the table's changes (`table-changes.ts`);
 * stores reach it only through `table-io.ts`.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { TABLE } from '../definitions/table.ts';

export type Item = Record<string, unknown>;
export type Key = Readonly<Record<string, string>>;

export const PK = TABLE.partitionKey;
export const SK = TABLE.sortKey;

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
export type Wire = Record<string, AttributeValue>;
export const toWire = (values: Item): Wire => marshall(values, { removeUndefinedValues: true });
export const fromWire = (item: Wire): Item => unmarshall(item);
export const valuesToWire = (values: Record<string, unknown> | undefined) =>
  values ? { ExpressionAttributeValues: toWire(values) } : {};

/** An item as its store returns it: the record without key attributes. */
export const record = <T>(item: Item): T => {
  const out: Item = {};
  for (const [name, value] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(name)) out[name] = value;
  return out as T;
};

/** An item's image in a stream record (DynamoDB JSON, as Lambda hands it over) as its store returns it. */
export const fromImage = <T>(image: Readonly<Record<string, unknown>>): T =>
  record<T>(unmarshall(image as Record<string, AttributeValue>));
