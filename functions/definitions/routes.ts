/**
 * The route table: every HTTP endpoint as plain data. The CDK stack turns each entry into an
 * API Gateway method and a Lambda function; the local dev server serves the same entries; the
 * OpenAPI document, the authorization matrix and the fuzz suite are generated from it.
 */
import type * as z from 'zod/v4';
import { ALL_ROLES, CBP_ROLES, type Role } from './roles.ts';
import { EnrollCompany, Company } from '../schemas/company.ts';
import { Login, LoginResult, NewPassword } from '../schemas/auth.ts';
import { Me } from '../schemas/me.ts';
import { Id } from '../schemas/common.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route's function may touch in AWS; the CDK stack grants exactly this. */
export type Access = 'table:read' | 'table:write' | 'cognito:auth' | 'cognito:admin' | 'email:send';

export interface RouteDefinition {
  /** Stable id: OpenAPI operationId and the CDK construct id. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/companies/{companyId}`. */
  readonly path: string;
  /** Module under `functions/handlers/` exporting `handler`. */
  readonly handler: string;
  /** `public`, or the roles allowed past the authorizer (checked again in the domain). */
  readonly auth: 'public' | readonly Role[];
  /** Whether users of a removed company may call it (reading messages, reapplying). */
  readonly allowRemovedCompany?: boolean;
  readonly summary: string;
  readonly pathParams?: Readonly<Record<string, z.ZodType>>;
  readonly body?: z.ZodType;
  /** A valid body: shown in the OpenAPI document and mutated by the fuzz suite. */
  readonly example?: Readonly<Record<string, unknown>>;
  readonly response?: z.ZodType;
  /** Status of a successful answer (default 200). */
  readonly successStatus?: number;
  readonly access: readonly Access[];
  /** Whether a successful call changes state (and so must write an audit record). */
  readonly mutates: boolean;
}

export const ROUTES = [
  { id: 'health', method: 'GET', path: '/health', handler: 'health', auth: 'public', summary: 'Liveness check', access: [], mutates: false },
  { id: 'openapi', method: 'GET', path: '/openapi.json', handler: 'openapi', auth: 'public', summary: 'This API as an OpenAPI 3 document', access: [], mutates: false },
  {
    id: 'login', method: 'POST', path: '/auth/login', handler: 'login', auth: 'public',
    summary: 'Sign in with email and password; answers tokens or the NEW_PASSWORD_REQUIRED challenge',
    body: Login, example: { email: 'officer@cbp.example.gov', password: 'a long passphrase of mine' }, response: LoginResult,
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'newPassword', method: 'POST', path: '/auth/new-password', handler: 'new-password', auth: 'public',
    summary: 'Answer the NEW_PASSWORD_REQUIRED challenge of a first sign-in', body: NewPassword, response: LoginResult,
    example: { email: 'poc@acme-imports.example.com', session: 'session-from-the-login-answer', newPassword: 'a new long passphrase 2006' },
    access: ['cognito:auth'], mutates: false,
  },
  {
    id: 'getMe', method: 'GET', path: '/me', handler: 'get-me', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "The caller's identity, role and company, from the portal's records", response: Me, access: ['table:read'], mutates: false,
  },
  {
    id: 'enrollCompany', method: 'POST', path: '/companies', handler: 'enroll-company', auth: CBP_ROLES,
    summary: 'Enroll a company in C-TPAT (CBP)', body: EnrollCompany, response: Company, successStatus: 201,
    example: {
      legalName: 'Acme Imports LLC', category: 'importer', pocEmail: 'poc@acme-imports.example.com', pocName: 'Dana Reyes',
      identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
    },
    access: ['table:read', 'table:write'], mutates: true,
  },
  {
    id: 'getCompany', method: 'GET', path: '/companies/{companyId}', handler: 'get-company', auth: ALL_ROLES, allowRemovedCompany: true,
    summary: "A company's enrollment record (CBP, or the company's own users)", pathParams: { companyId: Id }, response: Company,
    access: ['table:read'], mutates: false,
  },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'];

const byId = new Map<string, RouteDefinition>(ROUTES.map((r) => [r.id, r]));

export const routeById = (id: RouteId): RouteDefinition => {
  const route = byId.get(id);
  if (!route) throw new Error(`No route ${id} in the route table`);
  return route;
};
