/**
 * Lambda's event filtering, as far as the stream-consumer table uses it: nested fields whose
 * leaves list the values that match, each an exact string or `{ prefix }`. Any other operator
 * (numeric, `exists`, `anything-but`, ...) is refused when the poller starts, so a filter the
 * local stack cannot apply fails here instead of matching differently from AWS.
 */
import type { FilterPattern, FilterValue } from '../../functions/definitions/stream-consumers.ts';

const isPrefix = (value: FilterValue): value is { readonly prefix: string } =>
  typeof value === 'object' && value !== null && Object.keys(value).length === 1 && typeof value.prefix === 'string';

/** Throws, naming the field, when the pattern uses filter syntax this module does not apply. */
export const assertSupported = (pattern: FilterPattern, path = ''): void => {
  for (const [field, expected] of Object.entries(pattern)) {
    const at = path ? `${path}.${field}` : field;
    if (!Array.isArray(expected)) {
      if (typeof expected !== 'object' || expected === null)
        throw new Error(`Filter field ${at} is neither a list nor an object`);
      assertSupported(expected as FilterPattern, at);
      continue;
    }
    for (const value of expected as readonly FilterValue[])
      if (typeof value !== 'string' && !isPrefix(value))
        throw new Error(
          `Filter field ${at} uses ${JSON.stringify(value)}: the local stream poller applies exact strings and prefix only`,
        );
  }
};

/** Whether a record (as Lambda sees it: `eventName`, `dynamodb.Keys`, ...) matches the pattern. */
export const matchesFilter = (pattern: FilterPattern, value: unknown): boolean =>
  Object.entries(pattern).every(([field, expected]) => {
    const actual = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
    if (!Array.isArray(expected)) return matchesFilter(expected as FilterPattern, actual);
    return (expected as readonly FilterValue[]).some((v) =>
      typeof v === 'string' ? actual === v : typeof actual === 'string' && actual.startsWith(v.prefix),
    );
  });

/** Lambda's rule: a record passes when it matches any of the consumer's filters. */
export const passes = (filters: readonly FilterPattern[], record: unknown): boolean =>
  filters.some((pattern) => matchesFilter(pattern, record));
