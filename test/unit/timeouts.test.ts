/**
 * Timeouts everywhere (issue 25, item 1; decision 69): every function's worst failure fits well
 * inside its timeout, the SDK's own backoff stays within the bound the figures assume, and the
 * portal's clients really give up: against a server that accepts and never answers, a call fails
 * after its attempts, and a write that was sent is marked as one whose outcome is unknown.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StandardRetryStrategy } from '@smithy/core/retry';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { JOBS } from '../../functions/definitions/jobs.ts';
import { EVENT_HANDLERS } from '../../functions/definitions/events.ts';
import { STREAM_CONSUMERS } from '../../functions/definitions/stream-consumers.ts';
import {
  backoffBoundMs,
  FUNCTION_TIMEOUT_SECONDS,
  SDK_BUDGETS,
  servicesOf,
  WORST_FAILURE_SHARE,
  worstFailureMs,
  type SdkService,
} from '../../functions/definitions/timeouts.ts';
import { isUnsettledWrite } from '../../functions/errors.ts';

/** Each function the stack builds: what it may call and its timeout. */
const functions: { name: string; services: SdkService[]; timeoutSeconds: number }[] = [
  ...(ROUTES as readonly RouteDefinition[]).map((r) => ({
    name: `route ${r.id}`,
    services: servicesOf(r.access),
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.route,
  })),
  ...JOBS.map((j) => ({
    name: `job ${j.id}`,
    services: servicesOf(j.access),
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.job,
  })),
  ...EVENT_HANDLERS.map((e) => ({
    name: `event ${e.id}`,
    services: servicesOf(e.access),
    timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.event,
  })),
  ...STREAM_CONSUMERS.map((c) => ({
    name: `stream ${c.id}`,
    services: servicesOf(c.access),
    timeoutSeconds: c.timeoutSeconds,
  })),
  // Cognito's custom email sender: KMS decrypts the code, SES sends it.
  { name: 'trigger CustomEmailSender', services: ['kms', 'ses'], timeoutSeconds: FUNCTION_TIMEOUT_SECONDS.trigger },
];

describe('the SDK budgets against the functions’ timeouts', () => {
  it.each(functions.map((f) => [f.name, f] as const))(
    '%s: two calls that hang in a row end well inside its timeout',
    (_name, f) => {
      expect(worstFailureMs(f.services)).toBeLessThanOrEqual(WORST_FAILURE_SHARE * f.timeoutSeconds * 1000);
    },
  );

  it('keeps a route inside API Gateway’s 29 s', () => {
    expect(FUNCTION_TIMEOUT_SECONDS.route).toBeLessThan(29);
  });

  it.each([2, 3, 4])('bounds the SDK’s own waits between %i attempts, throttled at every one', async (attempts) => {
    // The longest wait the SDK can draw: its random share at (almost) 1, every error a throttle.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
    const waits: number[] = [];
    const timer = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: () => void, ms: number) => {
      waits.push(ms);
      run();
      return 0 as never;
    }) as never);
    try {
      const strategy = new StandardRetryStrategy(attempts);
      let token = await strategy.acquireInitialRetryToken('dynamodb');
      for (let retry = 1; retry < attempts; retry += 1)
        token = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
      await expect(strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' })).rejects.toThrow();
    } finally {
      timer.mockRestore();
      random.mockRestore();
    }
    expect(waits).toHaveLength(attempts - 1);
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(backoffBoundMs(attempts));
    // The bound is the SDK's, not a loose guess: its longest draw comes within 1%.
    expect(total).toBeGreaterThan(0.99 * backoffBoundMs(attempts) - attempts);
  });
});

describe("the portal's clients against a backend that never answers", () => {
  let server: Server;
  const requests: string[] = [];
  /** How the server treats each next request: it hangs unless told to refuse (a failed condition). */
  const plan: ('hang' | 'refuse')[] = [];
  beforeAll(async () => {
    // Accepts each request and, unless told otherwise, never answers it, as a paused DynamoDB Local does.
    server = createServer((req, res) => {
      requests.push(String(req.headers['x-amz-target'] ?? req.url));
      if ((plan.shift() ?? 'hang') === 'hang') return;
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
            message: 'The conditional request failed',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}`,
      TABLE_NAME: 'hanging',
    });
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const put = async () => {
    const { dynamo } = await import('../../functions/clients/dynamodb.ts');
    const { PutItemCommand } = await import('@aws-sdk/client-dynamodb');
    return dynamo
      .send(new PutItemCommand({ TableName: 'hanging', Item: { pk: { S: 'a' }, sk: { S: 'b' } } }))
      .catch((e: unknown) => e);
  };

  it('gives up a write after its attempts, each timed out, and marks its outcome unknown', async () => {
    requests.length = 0;
    const error = await put();
    expect((error as Error).name).toBe('TimeoutError');
    expect(requests).toEqual(Array(SDK_BUDGETS.dynamodb.maxAttempts).fill('DynamoDB_20120810.PutItem'));
    expect(isUnsettledWrite(error)).toBe(true);
  }, 30_000);

  it('gives up a read the same way, and a read changed nothing', async () => {
    const { dynamo } = await import('../../functions/clients/dynamodb.ts');
    const { GetItemCommand } = await import('@aws-sdk/client-dynamodb');
    requests.length = 0;
    const error = await dynamo
      .send(new GetItemCommand({ TableName: 'hanging', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }))
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
    expect(requests).toHaveLength(SDK_BUDGETS.dynamodb.maxAttempts);
    expect(isUnsettledWrite(error)).toBe(false);
  }, 30_000);

  it('does not mark a write the service refused: nothing changed', async () => {
    plan.splice(0, plan.length, 'refuse');
    const error = await put();
    expect((error as Error).name).toBe('ConditionalCheckFailedException');
    expect(isUnsettledWrite(error)).toBe(false);
  });

  it('marks a write refused on its retry after a first attempt that timed out: the first may have applied', async () => {
    plan.splice(0, plan.length, 'hang', 'refuse');
    const error = await put();
    expect((error as Error).name).toBe('ConditionalCheckFailedException');
    expect(isUnsettledWrite(error)).toBe(true);
  }, 30_000);
});
