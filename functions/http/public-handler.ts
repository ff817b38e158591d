import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { errorMiddleware, LAST_RESORT } from './error-middleware.ts';
import { corsMiddleware } from './cors-middleware.ts';
import { logContext } from './log-context.ts';
import { securityEvents } from './security-events.ts';
import type { Route } from '../definitions/routes/types.ts';

export type PublicHandlerFn = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

/**
 * A handler for a public route: no caller, the shared error mapping. The routes that are a
 * security event (sign-in, password reset, ...) pass their route so that each call is logged as one.
 */
export const publicHandler = (fn: PublicHandlerFn, route?: Route) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>(fn, LAST_RESORT)
    .use(logContext())
    .use(securityEvents(route))
    .use(corsMiddleware())
    .use(errorMiddleware());
