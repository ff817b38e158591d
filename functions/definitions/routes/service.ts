/** Routes: liveness, readiness and the API description. */
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

/**
 * Readiness (issue 25, item 5): DynamoDB, the user pools' keys and SES, each asked something
 * cheap; 503 naming what is down. Reads one key that never exists, sends nothing.
 */
export const ready = {
  id: 'ready',
  method: 'GET',
  path: '/health/ready',
  handler: 'readiness',
  auth: 'public',
  summary: "Readiness check: whether DynamoDB, the user pools' keys and SES answer",
  access: ['table:read', 'cognito:keys', 'email:status'],
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

export const SERVICE_ROUTES = [health, ready, openapi] as const;
