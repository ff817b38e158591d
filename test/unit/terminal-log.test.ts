/**
 * `npm start`'s terminal (issue 19 item 7, issue 20 item 4): the lines the functions' Powertools
 * Logger and Metrics really write are shown as readable lines at or above the terminal's level,
 * metrics only at debug, and other lines unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readableLine, terminalLevel } from '../../lib/local/terminal-log.ts';
import { logger, asError } from '../../functions/log.ts';
import { count } from '../../functions/clients/metrics.ts';

let written: string[] = [];
const original = process.stdout.write.bind(process.stdout);
const originalErr = process.stderr.write.bind(process.stderr);
beforeEach(() => {
  written = [];
  const capture = ((chunk: string | Uint8Array) => {
    written.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
});
afterEach(() => {
  process.stdout.write = original;
  process.stderr.write = originalErr;
});

/** The one line `act` made the real logger or metrics write. */
const lineOf = (act: () => void): string => {
  act();
  expect(written).toHaveLength(1);
  return written.pop() as string;
};

describe('the terminal of npm start', () => {
  it('shows warnings and errors by default, readable, and hides info and metric lines', () => {
    expect(terminalLevel(undefined)).toBe('warn');
    expect(
      readableLine(
        lineOf(() => logger.info('sweep finished', { removed: 0 })),
        'warn',
      ),
    ).toBeNull();
    expect(
      readableLine(
        lineOf(() => count('RateLimited', { Action: 'message' })),
        'warn',
      ),
    ).toBeNull();
    expect(
      readableLine(
        lineOf(() => logger.warn('password reset limit reached')),
        'warn',
      ),
    ).toBe('WARN  password reset limit reached');
    const failure = new Error('boom');
    failure.stack = 'Error: boom\n    at x';
    expect(
      readableLine(
        lineOf(() => logger.error('unhandled error', { path: '/companies/{id}', error: asError(failure) })),
        'warn',
      ),
    ).toBe('ERROR unhandled error path=/companies/{id} error="Error: boom"\n    Error: boom\n        at x');
  });

  it('shows everything at debug, a metric as its name and value', () => {
    expect(
      readableLine(
        lineOf(() => count('OutboxDeliveryFailed', {}, {}, 0)),
        'debug',
      ),
    ).toBe('DEBUG metric OutboxDeliveryFailed=0');
    expect(
      readableLine(
        lineOf(() => logger.info('new deliveries sent', { sent: 1 })),
        'debug',
      ),
    ).toBe('INFO  new deliveries sent sent=1');
  });

  it('passes other lines through unchanged, including JSON that is not a log entry', () => {
    for (const line of ['[portal] starting ...', '  Web portal  http://127.0.0.1:3001', '{"not":"a log"}', '{broken'])
      expect(readableLine(line, 'error')).toBe(line);
  });

  it('refuses an unknown LOG_LEVEL by name', () => {
    expect(terminalLevel('DEBUG')).toBe('debug');
    expect(() => terminalLevel('verbose')).toThrow(/LOG_LEVEL must be one of debug, info, warn, error/);
  });
  // Last: a logger keeps the Lambda context it was given, as a warm function does.
  it("shows a request's function and correlation id, and none of Powertools' plumbing", () => {
    logger.addContext({
      functionName: 'GetCompany',
      awsRequestId: 'r-1',
      invokedFunctionArn: 'arn',
      memoryLimitInMB: '512',
    } as never);
    logger.setCorrelationId('req-42');
    try {
      expect(
        readableLine(
          lineOf(() => logger.error('in-request fan-out failed')),
          'warn',
        ),
      ).toBe('ERROR in-request fan-out failed function_name=GetCompany correlation_id=req-42');
    } finally {
      logger.resetKeys();
    }
  });
});
