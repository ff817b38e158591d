import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { HttpError, OutcomeUnknown, ServiceUnavailable, isRetryableSdkError, isUnsettledWrite } from '../errors.ts';
import { errorResponse, internalError } from './response.ts';
import { logger, asError } from '../log.ts';

/**
 * One job: turn whatever was thrown into the error body of DESIGN section 6. An HttpError
 * below 500 is shown as is; a write the SDK sent and never saw confirmed is a 504 `outcome_unknown`
 * (it may have been applied); any other retryable SDK fault is a 503 with Retry-After, which
 * promises that nothing changed; anything else is a generic 500, logged here and never described
 * to the caller.
 */
export const errorMiddleware = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  onError: async (request) => {
    const error = request.error;
    if (error instanceof HttpError) {
      request.response = errorResponse(error);
      return;
    }
    if (isUnsettledWrite(error)) {
      request.response = errorResponse(new OutcomeUnknown());
      return;
    }
    if (isRetryableSdkError(error)) {
      request.response = errorResponse(new ServiceUnavailable());
      return;
    }
    logger.error('unhandled error', { path: request.event?.resource, error: asError(error) });
    request.response = internalError();
  },
});

/**
 * middy's last resort, as its plugin options: when the function's time is nearly out and the
 * handler still runs, middy answers in its place. The SDK clients' bounds end a handler's work well
 * before that (definitions/timeouts.ts), so this is for what they cannot bound; and since the
 * handler goes on and may yet commit, the answer says the outcome is unknown, never the 503 whose
 * Retry-After promises that nothing changed (decision 69).
 */
export const LAST_RESORT = {
  timeoutEarlyResponse: () => {
    throw new OutcomeUnknown();
  },
};
