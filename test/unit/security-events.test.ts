/**
 * Which answers are security events (issue 20 item 3): a refusal (401, 403, 404, 429) on any
 * route; any 4xx or success on a route that is one; never a conflict or a fault elsewhere.
 */
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicHandler } from '../../functions/http/public-handler.ts';
import { Conflict, NotFound, TooManyRequests, Unauthorized } from '../../functions/errors.ts';
import { login } from '../../functions/definitions/routes/auth.ts';
import { apiEvent } from '../support/factories.ts';

let events: Record<string, unknown>[] = [];
const streams = [process.stdout, process.stderr] as const;
const originals = streams.map((stream) => stream.write.bind(stream));
beforeEach(() => {
  events = [];
  for (const stream of streams)
    stream.write = ((chunk: string | Uint8Array) => {
      for (const text of String(chunk).split('\n'))
        if (text.includes('"security event"')) events.push(JSON.parse(text));
      return true;
    }) as typeof stream.write;
});
afterEach(() => {
  streams.forEach((stream, i) => {
    stream.write = originals[i] as typeof stream.write;
  });
});

const throwing = (error: Error) =>
  publicHandler(async () => {
    throw error;
  });
const call = (handler: ReturnType<typeof publicHandler>) =>
  handler({ ...apiEvent(), httpMethod: 'GET', resource: '/things/{id}' }, {} as Context);

describe('security events', () => {
  it('logs each refusal on any route, with its reason', async () => {
    for (const error of [new Unauthorized(), new NotFound('No such thing.'), new TooManyRequests()])
      await call(throwing(error));
    expect(events.map((e) => [e.outcome, e.status, e.reason, e.route])).toEqual([
      ['refused', 401, 'unauthorized', 'GET /things/{id}'],
      ['refused', 404, 'not_found', 'GET /things/{id}'],
      ['refused', 429, 'too_many_requests', 'GET /things/{id}'],
    ]);
    expect(events[0]).toMatchObject({ subject: 'anonymous', sourceIp: '203.0.113.7', level: 'WARN' });
  });

  it('logs no conflict and no fault on a route that is not a security event', async () => {
    await call(throwing(new Conflict('Stale.')));
    await call(throwing(new TypeError('boom')));
    expect(events).toEqual([]);
  });

  it("logs a security event route's every outcome under its kind", async () => {
    const handler = publicHandler(async (event) => {
      if (event.body?.includes('wrong')) throw new Unauthorized();
      return { statusCode: 200, body: JSON.stringify({ challenge: 'SOFTWARE_TOKEN_MFA', session: 's' }) };
    }, login);
    await handler(
      { ...apiEvent(), body: JSON.stringify({ email: 'A@Example.com', password: 'wrong' }) },
      {} as Context,
    );
    await handler(
      { ...apiEvent(), body: JSON.stringify({ email: 'a@example.com', password: 'right' }) },
      {} as Context,
    );
    expect(events.map((e) => [e.securityEvent, e.outcome, e.subject, e.route])).toEqual([
      ['sign-in', 'failure', 'a@example.com', 'login'],
      ['sign-in', 'challenged', 'a@example.com', 'login'],
    ]);
    expect(JSON.stringify(events)).not.toContain('right');
  });
});
