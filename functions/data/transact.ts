import { type Conflict, ServiceUnavailable } from '../errors.ts';
import type { TransactionOutcome } from './table-io.ts';

export { isConditionFailure } from './table-io.ts';

/**
 * Turns a canceled transaction into the right error: a failed condition is a 409 built by
 * `onConditionFailed` from the index of the item that failed; a conflict with another
 * transaction or throttling is a retryable 503. Nothing was written in either case.
 */
export const assertCommitted = (outcome: TransactionOutcome, onConditionFailed: (index: number) => Conflict): void => {
  if (!outcome.canceled) return;
  const failed = outcome.data.findIndex((item) => item.code === 'ConditionalCheckFailed');
  if (failed >= 0) throw onConditionFailed(failed);
  throw new ServiceUnavailable('The change collided with another; nothing was saved. Try again.');
};

/**
 * For writes that lose a race harmlessly (a sweep, a re-run): true when committed, false when a
 * condition failed or another transaction held the same item (somebody acted first, or is
 * acting now); any other cancellation (throttling) is a retryable 503.
 */
export const committed = (outcome: TransactionOutcome): boolean => {
  if (!outcome.canceled) return true;
  if (outcome.data.some((item) => item.code === 'ConditionalCheckFailed' || item.code === 'TransactionConflict'))
    return false;
  throw new ServiceUnavailable('The change collided with another; nothing was saved. Try again.');
};
