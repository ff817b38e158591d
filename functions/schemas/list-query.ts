import * as z from 'zod/v4';

/**
 * `?cursor=&limit=` on every list; a page holds 25 unless told otherwise. A module of its own: a
 * handler that lists builds it, no other does.
 */
export const ListQuery = z.strictObject({
  cursor: z.string().min(1).max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
