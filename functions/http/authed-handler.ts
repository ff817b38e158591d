import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { errorMiddleware } from './error-middleware.ts';
import { corsMiddleware } from './cors-middleware.ts';
import { resolveCaller } from './resolve-caller.ts';
import { routeById, type RouteId } from '../definitions/routes.ts';
import type { Caller } from '../domain/caller.ts';

export type AuthedHandlerFn = (event: APIGatewayProxyEvent, caller: Caller) => Promise<APIGatewayProxyResult>;

/**
 * A handler for an authenticated route. The caller is resolved from the portal's records on
 * every request (one round trip) and checked against the route's roles before `fn` runs.
 */
export const authedHandler = (routeId: RouteId, fn: AuthedHandlerFn) => {
  const route = routeById(routeId);
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>(async (event: APIGatewayProxyEvent) =>
    fn(event, await resolveCaller(event, route)),
  )
    .use(corsMiddleware())
    .use(errorMiddleware());
};
