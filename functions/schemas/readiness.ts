import * as z from 'zod/v4';

const Check = z.enum(['ok', 'down']);

/** `GET /health/ready`: each check by name, ok or down, and nothing else about it. */
export const Readiness = z.object({
  status: z.enum(['ready', 'not-ready']),
  checks: z.object({ dynamodb: Check, userPoolKeys: Check, ses: Check }),
});
