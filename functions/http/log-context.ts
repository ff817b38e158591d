import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logger } from '../log.ts';

/**
 * Every line a request logs carries the Lambda context (function, request id, cold start) and a
 * correlation id: API Gateway's request id, the one its access log records for the request. Keys
 * a previous request appended are dropped first (a warm function serves many).
 */
export const logContext = (): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => ({
  before: (request) => {
    logger.resetKeys();
    logger.addContext(request.context);
    const correlationId = request.event.requestContext?.requestId ?? request.context.awsRequestId;
    if (correlationId) logger.setCorrelationId(correlationId);
  },
});
