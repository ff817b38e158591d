import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { errorMiddleware, LAST_RESORT } from './error-middleware.ts';
import { corsMiddleware } from './cors-middleware.ts';
import { logContext } from './log-context.ts';
import { securityEvents } from './security-events.ts';
import { resolveCaller } from './resolve-caller.ts';
import type { Route } from '../definitions/routes/types.ts';
import type { Caller } from '../domain/caller.ts';

export type AuthedHandlerFn = (
  event: APIGatewayProxyEvent,
  caller: Caller,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/** A route that takes no `Idempotency-Key`: a route that does is served by `keyedHandler`. */
export type UnkeyedRoute = Route & { readonly idempotency?: { readonly exempt: string } };

/** The wrapper of every authenticated route, keyed or not (`authedHandler`, `keyedHandler`). */
export const callerHandler = (route: Route, fn: AuthedHandlerFn) =>
  middy<APIGatewayProxyEvent, APIGatewayProxyResult>(
    async (event: APIGatewayProxyEvent, context: Context) => fn(event, await resolveCaller(event, route), context),
    LAST_RESORT,
  )
    .use(logContext())
    .use(securityEvents(route))
    .use(corsMiddleware())
    .use(errorMiddleware());

/**
 * A handler for an authenticated route. The caller is resolved from the portal's records on
 * every request (one round trip) and checked against the route's roles before `fn` runs. The
 * handler passes its own route, plain data imported from its area module, so its bundle builds
 * no route's schemas but the ones it validates itself.
 */
export const authedHandler = (route: UnkeyedRoute, fn: AuthedHandlerFn) => callerHandler(route, fn);
