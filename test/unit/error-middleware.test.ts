import { describe, expect, it, vi } from 'vitest';
import { publicHandler } from '../../functions/http/public-handler.ts';
import { Conflict, ServiceUnavailable, TooManyRequests } from '../../functions/errors.ts';
import { apiEvent } from '../support/factories.ts';
import { API_SECURITY_HEADERS, parseAllowedOrigins } from '../../functions/definitions/api-headers.ts';
import { logger } from '../../functions/log.ts';

const run = async (error: unknown) => {
  const handler = publicHandler(async () => {
    throw error;
  });
  return handler(apiEvent(), {} as never);
};

describe('error middleware', () => {
  it('shows an HttpError below 500 as the error body, with its status', async () => {
    const res = await run(new Conflict('Stale version.', 'version_conflict', [{ field: 'version', message: 'is 3' }]));
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'version_conflict', message: 'Stale version.', details: [{ field: 'version', message: 'is 3' }] },
    });
  });

  it('adds Retry-After to throttling answers', async () => {
    const res = await run(new TooManyRequests('Slow down.', 30));
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['Retry-After']).toBe('30');
  });

  it('turns a retryable SDK error into a 503 with Retry-After, saying nothing of the SDK', async () => {
    const sdkError = Object.assign(new Error('Rate of requests exceeds the allowed throughput. arn:aws:dynamodb:...'), {
      name: 'ThrottlingException',
      $retryable: { throttling: true },
    });
    const res = await run(sdkError);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBeDefined();
    expect(res.body).not.toContain('arn:aws');
    expect(JSON.parse(res.body).error.code).toBe(new ServiceUnavailable().code);
  });

  it('answers anything else with a generic 500 that leaks no message or stack', async () => {
    const log = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const thrown = new TypeError("Cannot read properties of undefined (reading 'pk') at secret.ts:12");
    const res = await run(thrown);
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret.ts');
    expect(res.body).not.toContain('Cannot read');
    expect(JSON.parse(res.body).error.code).toBe('internal_error');
    // The log keeps what the caller is not told.
    expect(log).toHaveBeenCalledExactlyOnceWith('unhandled error', expect.objectContaining({ error: thrown }));
    log.mockRestore();
  });
});

describe('CORS', () => {
  it('echoes an allowed origin on errors as on successes, and no other origin', async () => {
    const handler = publicHandler(async () => {
      throw new Conflict('Stale.');
    });
    const allowed = await handler(apiEvent({ headers: { Origin: 'https://portal.example.gov' } }), {} as never);
    expect(allowed.headers?.['Access-Control-Allow-Origin']).toBe('https://portal.example.gov');
    const other = await handler(apiEvent({ headers: { Origin: 'https://evil.example.com' } }), {} as never);
    expect(other.headers?.['Access-Control-Allow-Origin']).toBeUndefined();
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('takes bare origins and refuses a wildcard, a path or a trailing slash at cold start', () => {
    expect(parseAllowedOrigins('https://portal.example.gov, http://127.0.0.1:3001')).toEqual([
      'https://portal.example.gov',
      'http://127.0.0.1:3001',
    ]);
    for (const bad of [
      '*',
      'https://portal.example.gov/',
      'https://portal.example.gov/app',
      'portal.example.gov',
      '',
    ]) {
      expect(() => parseAllowedOrigins(bad), bad).toThrow(/ALLOWED_ORIGINS/);
    }
  });

  it('security headers ride on successes and errors alike', async () => {
    const ok = await publicHandler(async () => ({ statusCode: 200, headers: { ...API_SECURITY_HEADERS }, body: '{}' }))(
      apiEvent(),
      {} as never,
    );
    const error = await run(new Conflict('Stale.'));
    for (const res of [ok, error]) {
      expect(res.headers).toMatchObject({
        'Cache-Control': 'no-store',
        'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      });
    }
  });
});
