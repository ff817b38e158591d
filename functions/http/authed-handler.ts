import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { errorMiddleware } from './error-middleware.ts';
import { corsMiddleware } from './cors-middleware.ts';
import { logContext } from './log-context.ts';
import { securityEvents } from './security-events.ts';
import { resolveCaller } from './resolve-caller.ts';
import type { Route } from '../definitions/routes/types.ts';
import type { Caller } from '../domain/caller.ts';

export type AuthedHandlerFn = (event: APIGatewayProxyEvent, caller: Caller) => Promise<APIGatewayProxyResult>;

/**
 * A handler for an authenticated route. The caller is resolved from the portal's records on
 * every request (one round trip) and checked against the route's roles before `fn` runs. The
 * handler passes its own route, plain data imported from its area module, so its bundle builds
 * no route's schemas but the ones it validates itself.
 */
export const authedHandler = (route: Route, fn: AuthedHandlerFn) => {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>(async (event: APIGatewayProxyEvent) =>
    fn(event, await resolveCaller(event, route)),
  )
    .use(logContext())
    .use(securityEvents(route))
    .use(corsMiddleware())
    .use(errorMiddleware());
};
