import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { HttpError, ServiceUnavailable, isRetryableSdkError } from '../errors.ts';
import { errorResponse, internalError } from './response.ts';
import { logger, asError } from '../log.ts';

/**
 * One job: turn whatever was thrown into the error body of DESIGN section 6. An HttpError
 * below 500 is shown as is; a retryable SDK fault is a 503 with Retry-After; anything else is a
 * generic 500, logged here and never described to the caller.
 */
export const errorMiddleware = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  onError: async (request) => {
    const error = request.error;
    if (error instanceof HttpError) {
      request.response = errorResponse(error);
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
