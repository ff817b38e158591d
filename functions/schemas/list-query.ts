import * as z from './zod.ts';

/**
 * `?cursor=&limit=` on every list; a page holds 25 unless told otherwise. A module of its own: a
 * handler that lists builds it, no other does.
 */
export const ListQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
});
