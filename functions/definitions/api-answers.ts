/**
 * The error answers any route may get whatever its own rules (those are on the route, `errors`):
 * the handler wrapper's (`functions/http/`) and API Gateway's, as data. The OpenAPI document
 * adds each to the operations it applies to, so a client reads every status it can meet.
 */

/** Which operations can get an answer. */
export type AnswerScope =
  /** every operation */
  | 'every'
  /** operations behind the Cognito authorizer */
  | 'authed'
  /** operations anyone may call */
  | 'public'
  /** operations that take a JSON body */
  | 'body'
  /** operations whose function calls AWS (a route with any `access`) */
  | 'aws'
  /** operations that take an `Idempotency-Key` (decision 69) */
  | 'keyed';

export interface CommonAnswer {
  readonly status: number;
  readonly on: AnswerScope;
  readonly description: string;
  /** Whether the answer carries `Retry-After` (seconds): always, or when the portal itself throttled. */
  readonly retryAfter?: 'always' | 'sometimes';
}

export const COMMON_ANSWERS: readonly CommonAnswer[] = [
  {
    status: 400,
    on: 'every',
    description:
      'Invalid request: `details` names each offending field (of the body, a path or query parameter, or a header)',
  },
  { status: 401, on: 'authed', description: 'No valid token: sign in (or refresh) and send the ID token' },
  {
    status: 403,
    on: 'authed',
    description:
      "Not allowed: the caller's role, company or status does not permit this (or the API's firewall refused the request)",
  },
  {
    status: 403,
    on: 'public',
    description: "Refused by the API's firewall (too many requests from one address, a body over 320 KB, bad input)",
  },
  { status: 404, on: 'authed', description: 'No such resource, or none the caller may see' },
  { status: 413, on: 'every', description: 'The request is larger than API Gateway accepts (10 MB)' },
  {
    status: 415,
    on: 'body',
    description: 'The body is not JSON: send it with `Content-Type: application/json`',
  },
  {
    status: 429,
    on: 'every',
    retryAfter: 'sometimes',
    description: 'Too many requests: wait (`Retry-After` seconds, when sent) and try again',
  },
  {
    status: 500,
    on: 'every',
    description: 'An unexpected fault; logged on our side, and the body says nothing about its cause',
  },
  {
    status: 409,
    on: 'keyed',
    retryAfter: 'always',
    description:
      'A request with this `Idempotency-Key` is still running (code `request_in_progress`): try again after `Retry-After` seconds with the same key',
  },
  {
    status: 422,
    on: 'keyed',
    description:
      'This `Idempotency-Key` was used for another request (code `idempotency_key_reused`): send a new key for a new request',
  },
  {
    status: 504,
    on: 'every',
    description:
      'The portal does not know whether the change was made (code `outcome_unknown`: a write was sent and not confirmed), or API Gateway gave up waiting: retry with the same `Idempotency-Key`, or read before trying again',
  },
  {
    status: 503,
    on: 'aws',
    retryAfter: 'always',
    description: 'A service the portal depends on was busy; nothing was changed: try again after `Retry-After` seconds',
  },
];

/**
 * Not an operation's answer but a path's: a method the path does not define is refused with
 * 405. In the document's components.
 */
export const METHOD_NOT_ALLOWED = {
  status: 405,
  description:
    'The path exists but does not take this method (the local stack answers 405; API Gateway answers such a request 403 with the code `MISSING_AUTHENTICATION_TOKEN`)',
} as const;
