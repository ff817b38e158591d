/**
 * The route table: every HTTP endpoint as plain data, one module per area under `routes/`. The
 * CDK stack turns each entry into an API Gateway method and a Lambda function; the local dev
 * server serves the same entries; the OpenAPI document, the authorization matrix and the fuzz
 * suite are generated from it. A handler imports only its own route (from its area module), so
 * its bundle carries no other area's schemas; nothing that runs in a Lambda imports this file.
 */
import { SERVICE_ROUTES } from './routes/service.ts';
import { AUTH_ROUTES } from './routes/auth.ts';
import { COMPANIES_ROUTES } from './routes/companies.ts';
import { CONTACTS_ROUTES } from './routes/contacts.ts';
import { USERS_ROUTES } from './routes/users.ts';
import { PROFILE_ROUTES } from './routes/profile.ts';
import { DEADLINES_ROUTES } from './routes/deadlines.ts';
import { MESSAGES_ROUTES } from './routes/messages.ts';
import { ALERTS_ROUTES } from './routes/alerts.ts';
import { SHARING_ROUTES } from './routes/sharing.ts';
import type { RouteDefinition } from './routes/types.ts';

export type { Access, HttpMethod, RouteDefinition } from './routes/types.ts';

export const ROUTES = [
  ...SERVICE_ROUTES,
  ...AUTH_ROUTES,
  ...COMPANIES_ROUTES,
  ...CONTACTS_ROUTES,
  ...USERS_ROUTES,
  ...PROFILE_ROUTES,
  ...DEADLINES_ROUTES,
  ...MESSAGES_ROUTES,
  ...ALERTS_ROUTES,
  ...SHARING_ROUTES,
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'];

const byId = new Map<string, RouteDefinition>(ROUTES.map((r) => [r.id, r]));

export const routeById = (id: RouteId): RouteDefinition => {
  const route = byId.get(id);
  if (!route) throw new Error(`No route ${id} in the route table`);
  return route;
};
