import * as z from './zod.ts';

/**
 * Opaque identifiers the portal generates (UUIDs); anything else is refused before any read. A
 * module of its own: every handler with an id in its path builds it, and most build nothing else.
 */
export const Id = z.uuid({ message: 'must be an id issued by the portal' });
