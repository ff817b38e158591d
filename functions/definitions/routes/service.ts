/** Routes: Liveness and the API description. */
import type { Route } from './types.ts';

export const health = {
  id: 'health',
  method: 'GET',
  path: '/health',
  handler: 'health',
  auth: 'public',
  summary: 'Liveness check',
  access: [],
  mutates: false,
} as const satisfies Route;

export const openapi = {
  id: 'openapi',
  method: 'GET',
  path: '/openapi.json',
  handler: 'openapi',
  auth: 'public',
  summary: 'This API as an OpenAPI 3 document',
  access: [],
  mutates: false,
} as const satisfies Route;

export const SERVICE_ROUTES = [health, openapi] as const;
