import type * as z from 'zod/v4';
import type { ZodMiniObject, ZodMiniType } from 'zod/mini';
import type { Role } from '../roles.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a route's function may touch in AWS; the CDK stack grants exactly this.
 * `cognito:invite` creates identities (and may delete one it just made); `cognito:manage`
 * enables, disables, regroups and deletes existing ones. `table:stream` reads the table's stream
 * (what Lambda's event source mapping does as a stream consumer's role); no route has it.
 * `table:changes` reads the table's changes as its Kinesis data stream carries them (the same, for
 * a consumer of that stream: the audit archive's); no route has it either.
 * `exports:write` writes files to the private exports bucket and signs their download links (a
 * presigned GET is allowed only while its signer may read the object).
 * `archive:write` puts audit records' copies into the write-once audit archive (`audit/*` only; it
 * may not delete, overwrite a retention or read).
 * `cognito:keys` reads the user pools' public keys (no IAM: their addresses in the environment);
 * `email:status` asks SES for the account's sending status, which sends nothing.
 */
export type Access =
  | 'table:read'
  | 'table:write'
  | 'table:stream'
  | 'table:changes'
  | 'cognito:auth'
  | 'cognito:invite'
  | 'cognito:manage'
  | 'cognito:keys'
  | 'email:send'
  | 'email:status'
  | 'exports:write'
  | 'archive:write';

/** The security events a route's calls are (issue 20 item 3): logged with their outcome, alarmed on. */
export type SecurityEventKind = 'sign-in' | 'sign-out' | 'password-reset' | 'mfa-change';

/**
 * A route as plain data: where it is, who may call it, what its function may touch. This is what
 * runs: a handler imports its own route from its area module, and that module imports no zod, so
 * a route's bundle builds no schema it does not validate.
 */
export interface Route {
  /** Stable id: OpenAPI operationId and the CDK construct id. */
  readonly id: string;
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/companies/{companyId}`. */
  readonly path: string;
  /** Module under `functions/handlers/` exporting `handler`. */
  readonly handler: string;
  /** `public`, or the roles allowed past the authorizer (checked again in the domain). */
  readonly auth: 'public' | readonly Role[];
  /** Whether users of a removed company may call it (reading messages, reapplying, seeing and revoking what it shared, its trail). */
  readonly allowRemovedCompany?: boolean;
  /** Whether CBP staff who have not set up an authenticator app yet may call it (who am I, the set-up). */
  readonly allowWithoutMfa?: boolean;
  readonly summary: string;
  /** Status of a successful answer (default 200). */
  readonly successStatus?: number;
  readonly access: readonly Access[];
  /** Longest the function may run, in seconds (default 10; API Gateway answers 504 after 29). */
  readonly timeoutSeconds?: number;
  /** Whether a successful call changes state (and so must write an audit record). */
  readonly mutates: boolean;
  /** Which security event a call is, logged with its outcome whether it succeeds or not. */
  readonly securityEvent?: SecurityEventKind;
  /**
   * POST routes only, and each says: `'key'` when it honours an `Idempotency-Key` (a retry with
   * the same key and body answers the first answer without doing the work again; decision 69), or
   * why a retry without one is already safe.
   */
  readonly idempotency?: 'key' | { readonly exempt: string };
  /**
   * The error statuses this route's own rules answer beyond those every route may get (the
   * wrapper's and API Gateway's, `definitions/api-answers.ts`), each with when: the OpenAPI
   * document lists them, and the contract test fails on any status a route sends undeclared.
   */
  readonly errors?: RouteErrors;
}

/** A route whose handler honours an `Idempotency-Key` (`http/keyed-handler.ts`). */
export type KeyedRoute = Route & { readonly idempotency: 'key' };

/** A route's own error answers: a stale version or a taken email (409), a refused sign-in (401), ... */
export type RouteErrors = { readonly [S in 401 | 404 | 409]?: string };

/** A schema of either zod: requests are zod/mini's (decision 84), answers classic zod's. */
type Schema = z.ZodType | ZodMiniType;
type ObjectSchema = z.ZodObject | ZodMiniObject;

/**
 * A route's request and response shapes, kept apart from the route (in `schemas/routes/<area>.ts`)
 * for the OpenAPI document, the fuzz suite and the web client's types; the handler validates its
 * request with the schemas it imports itself.
 */
export interface RouteSchemas {
  readonly pathParams?: Readonly<Record<string, Schema>>;
  /** Query-string schema (lists: cursor and limit). */
  readonly query?: ObjectSchema;
  /** Request headers the handler reads (removing a user names the version it read in `If-Match`). */
  readonly headers?: ObjectSchema;
  readonly body?: Schema;
  /** A valid body: shown in the OpenAPI document and mutated by the fuzz suite. */
  readonly example?: Readonly<Record<string, unknown>>;
  readonly response?: Schema;
  /** The success answer's media type when it is not JSON (a CSV file: `response` then describes its text). */
  readonly responseMediaType?: 'text/csv';
  /** Answers besides success and the shared errors, by status (the readiness route's 503 carries its checks). */
  readonly otherResponses?: Readonly<Record<number, { readonly description: string; readonly schema: Schema }>>;
}

/** The schemas of each route of an area, by route id: every route has an entry, even an empty one. */
export type RouteSchemaTable<R extends readonly Route[]> = { readonly [I in R[number]['id']]: RouteSchemas };

/** A route with its schemas: an entry of the route table (functions/definitions/routes.ts). */
export interface RouteDefinition extends Route, RouteSchemas {}
