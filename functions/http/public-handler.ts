import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { errorMiddleware, LAST_RESORT } from './error-middleware.ts';
import { corsMiddleware } from './cors-middleware.ts';

export type PublicHandlerFn = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/** A handler for a public route: no caller, the shared error mapping. */
export const publicHandler = (fn: PublicHandlerFn) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>(fn, LAST_RESORT).use(corsMiddleware()).use(errorMiddleware());
