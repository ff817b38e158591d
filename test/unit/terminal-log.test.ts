/**
 * `npm start`'s terminal (issue 19 item 7): the functions' JSON log lines are shown as readable
 * lines at or above the terminal's level, metrics only at debug, and other lines unchanged.
 */
import { describe, expect, it } from 'vitest';
import { readableLine, terminalLevel } from '../../lib/local/terminal-log.ts';

const json = (entry: Record<string, unknown>) => JSON.stringify(entry);
const metric = (level: string, failed: number) =>
  json({
    level,
    message: 'outbox drained',
    sent: 3,
    failed,
    _aws: {
      Timestamp: 1,
      CloudWatchMetrics: [{ Namespace: 'CtpatPortal', Dimensions: [[]], Metrics: [{ Name: 'OutboxDeliveryFailed' }] }],
    },
    OutboxDeliveryFailed: failed,
  });

describe('the terminal of npm start', () => {
  it('shows warnings and errors by default, readable, and hides info and metric lines', () => {
    expect(terminalLevel(undefined)).toBe('warn');
    expect(readableLine(json({ level: 'info', message: 'sweep finished', removed: 0 }), 'warn')).toBeNull();
    expect(readableLine(metric('info', 0), 'warn')).toBeNull();
    expect(readableLine(json({ level: 'warn', message: 'password reset limit reached' }), 'warn')).toBe(
      'WARN  password reset limit reached',
    );
    expect(
      readableLine(
        json({
          level: 'error',
          message: 'unhandled error',
          path: '/companies/{id}',
          error: 'Error: boom',
          stack: 'Error: boom\n    at x',
        }),
        'warn',
      ),
    ).toBe('ERROR unhandled error path=/companies/{id} error="Error: boom"\n    Error: boom\n        at x');
  });

  it('shows an error carrying a metric, without the metric plumbing', () => {
    expect(readableLine(metric('error', 2), 'warn')).toBe('ERROR outbox drained sent=3 failed=2');
  });

  it('shows everything at debug', () => {
    expect(readableLine(metric('info', 0), 'debug')).toBe('INFO  outbox drained sent=3 failed=0');
    expect(readableLine(json({ level: 'info', message: 'new deliveries sent', sent: 1 }), 'debug')).toBe(
      'INFO  new deliveries sent sent=1',
    );
  });

  it('passes other lines through unchanged, including JSON that is not a log entry', () => {
    for (const line of ['[portal] starting ...', '  Web portal  http://127.0.0.1:3001', '{"not":"a log"}', '{broken'])
      expect(readableLine(line, 'error')).toBe(line);
  });

  it('refuses an unknown LOG_LEVEL by name', () => {
    expect(terminalLevel('DEBUG')).toBe('debug');
    expect(() => terminalLevel('verbose')).toThrow(/LOG_LEVEL must be one of debug, info, warn, error/);
  });
});
