/** Routes: Liveness and the API description. */
import type { RouteDefinition } from './types.ts';

export const health = {
  id: 'health',
  method: 'GET',
  path: '/health',
  handler: 'health',
  auth: 'public',
  summary: 'Liveness check',
  access: [],
  mutates: false,
} as const satisfies RouteDefinition;

export const openapi = {
  id: 'openapi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'openapi',
  auth: 'public',
  summary: 'This API as an OpenAPI 3 document',
  access: [],
  mutates: false,
} as const satisfies RouteDefinition;

export const SERVICE_ROUTES = [health, openapi] as const;
