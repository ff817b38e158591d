import { isThrottlingError, isTransientError } from '@smithy/core/retry';

/**
 * Errors that carry their HTTP status. Anything thrown that is not an HttpError becomes a
 * generic 500 whose body says nothing about the cause.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `identifiers.ein`; empty for the body itself. */
  readonly field: string;
  readonly message: string;
}

export abstract class HttpError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** Extra response headers (Retry-After, ...). */
  readonly headers: Record<string, string> = {};
  constructor(
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export class BadRequest extends HttpError {
  readonly status = 400;
  readonly code: string;
  constructor(message: string, details: readonly ErrorDetail[] = [], code = 'bad_request') {
    super(message, details);
    this.code = code;
  }
}

export class ValidationFailed extends BadRequest {
  constructor(details: readonly ErrorDetail[]) {
    super(
      `Invalid request: ${details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ')}`,
      details,
      'validation_failed',
    );
  }
}

export class Unauthorized extends HttpError {
  readonly status = 401;
  readonly code = 'unauthorized';
  constructor(message = 'Sign in to use this endpoint.') {
    super(message);
  }
}

export class Forbidden extends HttpError {
  readonly status = 403;
  readonly code: string;
  constructor(message = 'You are not allowed to do this.', code = 'forbidden') {
    super(message);
    this.code = code;
  }
}

export class NotFound extends HttpError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'Not found.') {
    super(message);
  }
}

export class Conflict extends HttpError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'conflict', details: readonly ErrorDetail[] = []) {
    super(message, details);
    this.code = code;
  }
}

export class TooManyRequests extends HttpError {
  readonly status = 429;
  readonly code = 'too_many_requests';
  constructor(message = 'Too many requests; try again later.', retryAfterSeconds = 1) {
    super(message);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

/** A dependency was busy or throttled; the request changed nothing and may be retried. */
export class ServiceUnavailable extends HttpError {
  readonly status = 503;
  readonly code = 'temporarily_unavailable';
  constructor(message = 'The service is busy; try again shortly.', retryAfterSeconds = 1) {
    super(message);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

/** A stale version: 409 naming the current one, so the client can read again and retry. */
export const versionConflict = (what: string, current?: number): Conflict =>
  new Conflict(
    `The ${what} was changed by someone else since you read it${current === undefined ? '' : `; its current version is ${current}`}. Read it again and retry.`,
    'version_conflict',
    [{ field: 'version', message: current === undefined ? 'stale' : `current version is ${current}` }],
  );

/** One email is one person in the whole portal: a second claim on it is a 409 naming the field. */
export const emailTaken = (field = 'email'): Conflict =>
  new Conflict('That email already belongs to someone in the portal; one email is one person.', 'email_taken', [
    { field, message: 'already registered' },
  ]);

/**
 * Throttling (DynamoDB, Cognito's TooManyRequestsException, ...) and transient faults that
 * outlasted the SDK's own retries, classified as the SDK classifies them; the caller may try
 * again. Some wrappers put the SDK's error in `cause`.
 */
export const isRetryableSdkError = (error: unknown): boolean => {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  return candidates.some(
    (e) => typeof e === 'object' && e !== null && (isThrottlingError(e as never) || isTransientError(e as never)),
  );
};
