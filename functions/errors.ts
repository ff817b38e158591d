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

/** A body in another format than the route reads: 415 naming the `Content-Type` header. */
export class UnsupportedMediaType extends HttpError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
  constructor(sent: string | undefined) {
    const received = sent?.slice(0, 80);
    super(
      `Send the body as JSON with the header Content-Type: application/json${received ? ` (not ${received})` : ''}.`,
      [{ field: 'Content-Type', message: received ? `must be application/json, not ${received}` : 'required' }],
    );
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

/**
 * A write was sent and never confirmed (decision 69): it may have been applied, or may be applied
 * yet. Never a 503, whose Retry-After promises that nothing changed: the caller learns the outcome
 * by sending the request again with the same `Idempotency-Key`, or by reading before repeating it.
 */
export class OutcomeUnknown extends HttpError {
  readonly status = 504;
  readonly code = 'outcome_unknown';
  constructor(
    message = 'The request took too long and may still take effect. Send it again with the same Idempotency-Key to learn its outcome, or check before repeating it.',
  ) {
    super(message);
  }
}

/** The same `Idempotency-Key` with another request: 422 naming the header (the IETF draft's answer). */
export class KeyReused extends HttpError {
  readonly status = 422;
  readonly code = 'idempotency_key_reused';
  constructor() {
    super('This Idempotency-Key was already used with a different request; use a new key for a new request.', [
      { field: 'Idempotency-Key', message: 'already used with a different request' },
    ]);
  }
}

/** A request with the same `Idempotency-Key` is still running: 409, try again once it has finished. */
export class KeyInProgress extends HttpError {
  readonly status = 409;
  readonly code = 'request_in_progress';
  constructor(retryAfterSeconds: number) {
    super('A request with this Idempotency-Key is still being processed; send it again shortly for its outcome.', [
      { field: 'Idempotency-Key', message: 'a request with this key is in progress' },
    ]);
    this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

const UNSETTLED_WRITE = '$unsettledWrite';

/** Marks an SDK error as a write whose outcome is unknown (`clients/sdk-config.ts`). */
export const markUnsettled = (error: object, command: string): void => {
  Object.defineProperty(error, UNSETTLED_WRITE, { value: command, configurable: true });
};

/** Whether the error (or the error it wraps) is a write whose outcome is unknown. */
export const isUnsettledWrite = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  return UNSETTLED_WRITE in error || isUnsettledWrite((error as { cause?: unknown }).cause, depth + 1);
};

/** A stale version: 409 naming the current one, so the client can read again and retry. */
export const versionConflict = (what: string, current?: number): Conflict =>
  new Conflict(
    `The ${what} was changed by someone else since you read it${current === undefined ? '' : `; its current version is ${current}`}. Read it again and retry.`,
    'version_conflict',
    [{ field: 'version', message: current === undefined ? 'stale' : `current version is ${current}` }],
  );

/** A status-verification code another company holds: the store refuses it, and the domain draws another. */
export class CodeTaken extends Conflict {
  constructor() {
    super('That status-verification code is taken.', 'code_taken');
  }
}

/** One email is one person in the whole portal: a second claim on it is a 409 naming the field. */
export const emailTaken = (field = 'email'): Conflict =>
  new Conflict('That email already belongs to someone in the portal; one email is one person.', 'email_taken', [
    { field, message: 'already registered' },
  ]);

/**
 * The SDK's own error classification (`isThrottlingError`, `isTransientError` of
 * `@smithy/core/retry`), restated: importing it costs every bundle 12 KB of retry machinery for
 * two dozen lines. `test/unit/sdk-errors.test.ts` holds the two to the same answers.
 */
const THROTTLING = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const TRANSIENT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

interface SdkError {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly cause?: unknown;
  readonly $retryable?: { readonly throttling?: boolean };
  readonly $metadata?: { readonly httpStatusCode?: number; readonly clockSkewCorrected?: boolean };
}

export const isThrottlingError = (e: SdkError): boolean =>
  e.$metadata?.httpStatusCode === 429 || THROTTLING.has(e.name ?? '') || e.$retryable?.throttling === true;

export const isTransientError = (e: SdkError, depth = 0): boolean =>
  e.name !== 'AbortError' &&
  (e.$retryable !== undefined ||
    e.$metadata?.clockSkewCorrected === true ||
    (e.name === 'InvalidSignatureException' && (e.message ?? '').includes('Signature expired')) ||
    TRANSIENT.has(e.name ?? '') ||
    NETWORK.has(e.code ?? '') ||
    TRANSIENT_STATUS.has(e.$metadata?.httpStatusCode ?? 0) ||
    (e.code === 'ERR_HTTP2_STREAM_ERROR' && (e.message ?? '').includes('NGHTTP2_REFUSED_STREAM')) ||
    (typeof e.cause === 'object' &&
      e.cause !== null &&
      depth <= 10 &&
      isTransientError(e.cause as SdkError, depth + 1)));

/**
 * Throttling (DynamoDB, Cognito's TooManyRequestsException, ...) and transient faults that
 * outlasted the SDK's own retries, classified as the SDK classifies them; the caller may try
 * again. Some wrappers put the SDK's error in `cause`.
 */
export const isRetryableSdkError = (error: unknown): boolean => {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  return candidates.some(
    (e) => typeof e === 'object' && e !== null && (isThrottlingError(e as SdkError) || isTransientError(e as SdkError)),
  );
};
