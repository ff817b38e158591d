import { BadRequest } from '../errors.ts';
import { isRetryableSdkError } from '../errors.ts';

/**
 * One page of a query with an opaque cursor. A cursor the list never gave out makes the query
 * fail; that is the caller's mistake, a 400, not a 500. Throttling and transient faults stay what
 * they are (a retryable 503), whether or not a cursor was given.
 */
export const page = async <T>(
  run: () => Promise<{ data: unknown[]; cursor: string | null }>,
  cursor: string | null,
): Promise<{ items: T[]; cursor: string | null }> => {
  try {
    const { data, cursor: next } = await run();
    return { items: data as T[], cursor: next };
  } catch (error) {
    if (cursor && !isRetryableSdkError(error))
      throw new BadRequest(
        'The cursor is not one this list gave out.',
        [{ field: 'cursor', message: 'invalid' }],
        'invalid_cursor',
      );
    throw error;
  }
};
