import * as smithy from '@smithy/core/retry';
import { describe, expect, it } from 'vitest';
import { isRetryableSdkError, isThrottlingError, isTransientError } from '../../functions/errors.ts';

/** Error shapes the SDK throws, and some it never does, for the restated classification. */
const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('x'), { name, ...extra });
const SHAPES: Record<string, object> = {
  throttlingByName: named('ThrottlingException'),
  provisioned: named('ProvisionedThroughputExceededException'),
  tooMany: named('TooManyRequestsException'),
  transactionInProgress: named('TransactionInProgressException'),
  status429: named('Whatever', { $metadata: { httpStatusCode: 429 } }),
  retryableThrottling: named('Whatever', { $retryable: { throttling: true } }),
  retryableOnly: named('Whatever', { $retryable: {} }),
  clockSkewCorrected: named('Whatever', { $metadata: { clockSkewCorrected: true } }),
  signatureExpired: Object.assign(new Error('Signature expired: 2006'), { name: 'InvalidSignatureException' }),
  timeout: named('TimeoutError'),
  requestTimeout: named('RequestTimeoutException'),
  status503: named('ServiceUnavailable', { $metadata: { httpStatusCode: 503 } }),
  status500: named('InternalServerError', { $metadata: { httpStatusCode: 500 } }),
  status400: named('ValidationException', { $metadata: { httpStatusCode: 400 } }),
  reset: named('Error', { code: 'ECONNRESET' }),
  notFound: named('Error', { code: 'ENOTFOUND' }),
  http2: Object.assign(new Error('NGHTTP2_REFUSED_STREAM'), { code: 'ERR_HTTP2_STREAM_ERROR' }),
  abort: named('AbortError', { $retryable: {} }),
  conditional: named('ConditionalCheckFailedException', { $metadata: { httpStatusCode: 400 } }),
  accessDenied: named('AccessDeniedException', { $metadata: { httpStatusCode: 400 } }),
  nestedTimeout: named('Wrapper', { cause: named('TimeoutError') }),
  plain: new Error('plain'),
};

describe('the SDK error classification, restated in errors.ts', () => {
  it.each(Object.entries(SHAPES))('answers as @smithy/core/retry does: %s', (_name, error) => {
    expect(isThrottlingError(error)).toBe(smithy.isThrottlingError(error as never));
    expect(isTransientError(error)).toBe(smithy.isTransientError(error as never));
  });

  it('calls throttling and transient faults retryable, also when wrapped in `cause`, and nothing else', () => {
    expect(isRetryableSdkError(SHAPES.provisioned)).toBe(true);
    expect(isRetryableSdkError({ cause: SHAPES.provisioned })).toBe(true);
    expect(isRetryableSdkError(SHAPES.conditional)).toBe(false);
    expect(isRetryableSdkError(SHAPES.plain)).toBe(false);
    expect(isRetryableSdkError(null)).toBe(false);
  });
});
