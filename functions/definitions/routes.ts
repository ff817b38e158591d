/**
 * The route table: every HTTP endpoint as plain data, one module per area under `routes/`, each
 * route joined here with its request and response schemas (`schemas/routes/<area>.ts`). The CDK
 * stack turns each entry into an API Gateway method and a Lambda function; the local dev server
 * serves the same entries; the OpenAPI document, the authorization matrix and the fuzz suite are
 * generated from it. A handler imports only its own route (plain data, from its area module), so
 * its bundle builds no schema it does not validate itself; nothing that runs in a Lambda imports
 * this file.
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
import { LIFECYCLE_ROUTES } from './routes/lifecycle.ts';
import { SERVICE_SCHEMAS } from '../schemas/routes/service.ts';
import { AUTH_SCHEMAS } from '../schemas/routes/auth.ts';
import { COMPANIES_SCHEMAS } from '../schemas/routes/companies.ts';
import { CONTACTS_SCHEMAS } from '../schemas/routes/contacts.ts';
import { USERS_SCHEMAS } from '../schemas/routes/users.ts';
import { PROFILE_SCHEMAS } from '../schemas/routes/profile.ts';
import { DEADLINES_SCHEMAS } from '../schemas/routes/deadlines.ts';
import { MESSAGES_SCHEMAS } from '../schemas/routes/messages.ts';
import { ALERTS_SCHEMAS } from '../schemas/routes/alerts.ts';
import { SHARING_SCHEMAS } from '../schemas/routes/sharing.ts';
import { LIFECYCLE_SCHEMAS } from '../schemas/routes/lifecycle.ts';
import type { Route, RouteDefinition, RouteSchemas } from './routes/types.ts';

export type { Access, HttpMethod, Route, RouteDefinition } from './routes/types.ts';

/** Each route with its own schemas, keeping each entry's literal type (the web client is typed from it). */
type Joined<R extends readonly Route[], S> = {
  readonly [K in keyof R]: R[K] & (R[K] extends { readonly id: infer I extends keyof S } ? S[I] : never);
};
const join = <R extends readonly Route[], S extends { readonly [I in R[number]['id']]: RouteSchemas }>(
  routes: R,
  schemas: S,
): Joined<R, S> => routes.map((route) => ({ ...route, ...schemas[route.id as R[number]['id']] })) as Joined<R, S>;

export const ROUTES = join(
  [
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
    ...LIFECYCLE_ROUTES,
  ] as const,
  {
    ...SERVICE_SCHEMAS,
    ...AUTH_SCHEMAS,
    ...COMPANIES_SCHEMAS,
    ...CONTACTS_SCHEMAS,
    ...USERS_SCHEMAS,
    ...PROFILE_SCHEMAS,
    ...DEADLINES_SCHEMAS,
    ...MESSAGES_SCHEMAS,
    ...ALERTS_SCHEMAS,
    ...SHARING_SCHEMAS,
    ...LIFECYCLE_SCHEMAS,
  },
) satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'];

/**
 * The route table's areas, one per module under `routes/`, with what each is for: the OpenAPI
 * document tags every operation with its area. `test/unit/openapi-lint.test.ts` fails when a
 * route of `ROUTES` is in no area or in two.
 */
export const AREAS: readonly {
  readonly tag: string;
  readonly description: string;
  readonly routes: readonly Route[];
}[] = [
  { tag: 'Service', description: 'Liveness and this description of the API.', routes: SERVICE_ROUTES },
  {
    tag: 'Auth',
    description:
      'Signing in and out, account requests, password resets, second factors, and who the caller is. Sign-in answers the ID token that every other operation takes as a bearer token.',
    routes: AUTH_ROUTES,
  },
  {
    tag: 'Companies',
    description: 'Enrollment, the company record, the list of companies and the compliance overview.',
    routes: COMPANIES_ROUTES,
  },
  { tag: 'Contacts', description: "The company's registered POC and its secondary contact.", routes: CONTACTS_ROUTES },
  {
    tag: 'Users',
    description: "A company's users (its primary POC administers them) and CBP staff accounts.",
    routes: USERS_ROUTES,
  },
  {
    tag: 'Profile',
    description: 'Portal Account Information, the versioned Security Profile and the annual certification.',
    routes: PROFILE_ROUTES,
  },
  {
    tag: 'Deadlines',
    description: 'Enrollment deadlines and their extensions, removal, reinstatement and reapplication.',
    routes: DEADLINES_ROUTES,
  },
  { tag: 'Messages', description: 'Secure two-way messages between CBP and a company.', routes: MESSAGES_ROUTES },
  {
    tag: 'Alerts',
    description: 'Cargo security alerts and sanitized intelligence, and their acknowledgements.',
    routes: ALERTS_ROUTES,
  },
  {
    tag: 'Sharing',
    description: 'Data shared only as the company authorizes it (grants and requests), the audit trail and the export.',
    routes: SHARING_ROUTES,
  },
  {
    tag: 'Lifecycle',
    description:
      "A company's status in the program (applicant, certified, validated, suspended, removed) and the changes CBP makes to it.",
    routes: LIFECYCLE_ROUTES,
  },
];

const byId = new Map<string, RouteDefinition>(ROUTES.map((r) => [r.id, r]));

export const routeById = (id: RouteId): RouteDefinition => {
  const route = byId.get(id);
  if (!route) throw new Error(`No route ${id} in the route table`);
  return route;
};
