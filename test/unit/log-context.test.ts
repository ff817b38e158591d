/**
 * Issue 20 item 4: every line a request logs through the Powertools Logger carries that request's
 * correlation id (API Gateway's request id) and its function, and nothing a previous request of
 * the same warm function appended.
 */
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicHandler } from '../../functions/http/public-handler.ts';
import { logger } from '../../functions/log.ts';
import { apiEvent } from '../support/factories.ts';

let lines: Record<string, unknown>[] = [];
const original = process.stdout.write.bind(process.stdout);
beforeEach(() => {
  lines = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text));
    return true;
  }) as typeof process.stdout.write;
});
afterEach(() => {
  process.stdout.write = original;
});

const context = { functionName: 'ctpat-GetHealth', awsRequestId: 'lambda-1', memoryLimitInMB: '512' } as Context;
const withRequestId = (requestId: string): APIGatewayProxyEvent => {
  const event = apiEvent();
  return { ...event, requestContext: { ...event.requestContext, requestId } };
};

describe('request log context', () => {
  it("stamps each request's lines with its own correlation id and function, and keeps nothing of the last request", async () => {
    const handler = publicHandler(async (event) => {
      if (event.queryStringParameters?.tag) logger.appendKeys({ tag: event.queryStringParameters.tag });
      logger.info('handled');
      return { statusCode: 204, body: '' };
    });
    await handler({ ...withRequestId('api-req-1'), queryStringParameters: { tag: 'first' } }, context);
    await handler(withRequestId('api-req-2'), { ...context, awsRequestId: 'lambda-2' });
    const handled = lines.filter((line) => line.message === 'handled');
    expect(handled).toHaveLength(2);
    expect(handled[0]).toMatchObject({
      level: 'INFO',
      service: 'ctpat-portal',
      correlation_id: 'api-req-1',
      function_name: 'ctpat-GetHealth',
      function_request_id: 'lambda-1',
      tag: 'first',
    });
    expect(handled[1]).toMatchObject({ correlation_id: 'api-req-2', function_request_id: 'lambda-2' });
    expect(handled[1]).not.toHaveProperty('tag');
  });
});
