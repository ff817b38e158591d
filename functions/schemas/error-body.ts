/** The one error body shape (DESIGN section 6), for the OpenAPI document. */
import * as z from 'zod/v4';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});
