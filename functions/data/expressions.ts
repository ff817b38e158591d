/**
 * Conditions as plain data, and the placeholders that compile them (and updates, projections,
 * key conditions) into DynamoDB expressions: every attribute name and value gets a generated
 * placeholder, shared across the expressions of one request. Used through `table-io.ts`.
 */
import { TABLE } from '../definitions/table.ts';

const PK = TABLE.partitionKey;
const SK = TABLE.sortKey;

export type Path = string; // dotted: `permissions.editProfile`
type Comparison = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';
export type Condition =
  | { readonly op: 'exists' | 'notExists'; readonly path: Path }
  | { readonly op: Comparison; readonly path: Path; readonly value: unknown }
  | { readonly op: 'beginsWith'; readonly path: Path; readonly value: string }
  | { readonly op: 'contains'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'in'; readonly path: Path; readonly values: readonly unknown[] }
  | { readonly op: 'and' | 'or'; readonly all: readonly Condition[] }
  | { readonly op: 'not'; readonly inner: Condition };

export const exists = (path: Path): Condition => ({ op: 'exists', path });
export const notExists = (path: Path): Condition => ({ op: 'notExists', path });
export const eq = (path: Path, value: unknown): Condition => ({ op: 'eq', path, value });
export const ne = (path: Path, value: unknown): Condition => ({ op: 'ne', path, value });
export const lt = (path: Path, value: unknown): Condition => ({ op: 'lt', path, value });
export const lte = (path: Path, value: unknown): Condition => ({ op: 'lte', path, value });
export const gt = (path: Path, value: unknown): Condition => ({ op: 'gt', path, value });
export const gte = (path: Path, value: unknown): Condition => ({ op: 'gte', path, value });
export const beginsWith = (path: Path, value: string): Condition => ({ op: 'beginsWith', path, value });
export const contains = (path: Path, value: unknown): Condition => ({ op: 'contains', path, value });
export const isIn = (path: Path, values: readonly unknown[]): Condition => ({ op: 'in', path, values });
export const not = (inner: Condition): Condition => ({ op: 'not', inner });
/** All of the conditions; `undefined` entries are skipped, so optional parts read naturally. */
export const and = (...all: ReadonlyArray<Condition | undefined>): Condition => ({
  op: 'and',
  all: all.filter((c): c is Condition => c !== undefined),
});
export const or = (...all: readonly Condition[]): Condition => ({ op: 'or', all });

/** The item exists (both key attributes present). */
export const itemExists = (): Condition => and(exists(PK), exists(SK));
/** No item has this key yet. */
export const itemAbsent = (): Condition => and(notExists(PK), notExists(SK));

const SYMBOLS: Record<Comparison, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** Placeholders for one request: every name and value gets its own, shared across expressions. */
export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  #names = new Map<string, string>();
  #values = 0;
  path(path: Path): string {
    return path
      .split('.')
      .map((segment) => {
        let placeholder = this.#names.get(segment);
        if (!placeholder) {
          placeholder = `#n${this.#names.size}`;
          this.#names.set(segment, placeholder);
          this.names[placeholder] = segment;
        }
        return placeholder;
      })
      .join('.');
  }
  value(value: unknown): string {
    const placeholder = `:v${this.#values++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
  condition(c: Condition): string {
    switch (c.op) {
      case 'exists':
        return `attribute_exists(${this.path(c.path)})`;
      case 'notExists':
        return `attribute_not_exists(${this.path(c.path)})`;
      case 'beginsWith':
        return `begins_with(${this.path(c.path)}, ${this.value(c.value)})`;
      case 'contains':
        return `contains(${this.path(c.path)}, ${this.value(c.value)})`;
      case 'in':
        return `${this.path(c.path)} IN (${c.values.map((v) => this.value(v)).join(', ')})`;
      case 'and':
      case 'or':
        if (c.all.length === 0) throw new Error(`An empty "${c.op}" condition.`);
        return c.all.length === 1
          ? this.condition(c.all[0]!)
          : `(${c.all.map((x) => this.condition(x)).join(c.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${this.condition(c.inner)})`;
      default:
        return `${this.path(c.path)} ${SYMBOLS[c.op]} ${this.value(c.value)}`;
    }
  }
  /** ExpressionAttributeNames/Values, omitted when empty (DynamoDB refuses empty maps). */
  attributes() {
    return {
      ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}
