/**
 * Idempotency-Key (issue 25, item 2; decision 69), the parts that need no AWS: which routes take a
 * key, the header's accepted form, ids derived from a key, and the honest answers when an outcome
 * is unknown (a write sent and never confirmed, or middy's last resort as the function's time runs out).
 */
import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { IDEMPOTENCY_ITEM, TABLE } from '../../functions/definitions/table.ts';
import { refusalOf } from '../../lib/local/iam.ts';
import { derivedIds } from '../../functions/domain/clock.ts';
import { isUnsettledWrite, markUnsettled, ServiceUnavailable } from '../../functions/errors.ts';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { tagUnsettledWrites } from '../../functions/clients/sdk-config.ts';
import { publicHandler } from '../../functions/http/public-handler.ts';
import { idempotencyKey } from '../../functions/http/request.ts';
import { Id } from '../../functions/schemas/id.ts';
import { apiEvent } from '../support/factories.ts';

const routes = ROUTES as readonly RouteDefinition[];

describe('which routes take an Idempotency-Key', () => {
  it('has every POST say whether it takes a key or why a retry without one is safe, and no other method', () => {
    for (const route of routes) {
      if (route.method === 'POST') expect(route.idempotency, `${route.id} says how a retry is safe`).toBeDefined();
      else expect(route.idempotency, `${route.id} is a ${route.method}`).toBeUndefined();
      if (typeof route.idempotency === 'object') expect(route.idempotency.exempt.length).toBeGreaterThan(20);
    }
  });

  it('keys only authenticated routes that change something: a public route has no caller to scope a key by', () => {
    const keyed = routes.filter((r) => r.idempotency === 'key');
    expect(keyed.length).toBeGreaterThanOrEqual(20);
    for (const route of keyed) {
      expect(route.auth, route.id).not.toBe('public');
      expect(route.mutates, route.id).toBe(true);
      expect(route.access, route.id).toContain('table:write');
    }
    expect(keyed.map((r) => r.id)).toEqual(expect.arrayContaining(['postMessage', 'startThread', 'publishAlert']));
  });

  it("lets each keyed route's role make the calls Powertools makes on its records, and no more than its route's access", () => {
    const record = {
      [TABLE.partitionKey]: { S: `${IDEMPOTENCY_ITEM.partitionPrefix}postMessage` },
      [TABLE.sortKey]: { S: 'x' },
    };
    for (const route of routes.filter((r) => r.idempotency === 'key')) {
      // The claim (a conditional put), the read of a refused claim, the completion, the release.
      for (const [command, input] of [
        ['PutItem', { Item: record }],
        ['GetItem', { Key: record }],
        ['UpdateItem', { Key: record }],
        ['DeleteItem', { Key: record }],
      ] as const)
        expect(refusalOf(route.access, 'dynamodb', command, input), `${route.id} ${command}`).toBeUndefined();
    }
    // Nothing was added for the records: a route without table access still may not touch them.
    expect(refusalOf(['cognito:auth'], 'dynamodb', 'PutItem', { Item: record })).toMatch(/not authorized/);
  });
});

describe('the Idempotency-Key header', () => {
  const withKey = (value: string) => apiEvent({ headers: { 'Idempotency-Key': value } });
  const refusal = (value: string) => {
    try {
      idempotencyKey(withKey(value));
    } catch (error) {
      return error as { status: number; details: { field: string }[] };
    }
    throw new Error(`${JSON.stringify(value)} was accepted`);
  };

  it('accepts a UUID, any visible ASCII up to 255 characters, and the draft’s quoted form', () => {
    expect(idempotencyKey(withKey('8e03978e-40d5-43e8-bc93-6894a57f9324'))).toBe(
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    );
    expect(idempotencyKey(withKey('"8e03978e-40d5"'))).toBe('8e03978e-40d5');
    expect(idempotencyKey(withKey('x'.repeat(255)))).toBe('x'.repeat(255));
    expect(idempotencyKey(apiEvent({ headers: { 'idempotency-key': 'a!~' } }))).toBe('a!~');
    expect(idempotencyKey(apiEvent())).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['empty quotes', '""'],
    ['256 characters', 'x'.repeat(256)],
    ['a space', 'two words'],
    ['a tab', 'a\tb'],
    ['a non-ASCII letter', 'caf\u00e9'],
  ])('refuses a key with %s with a 400 naming the header', (_what, value) => {
    const error = refusal(value);
    expect(error.status).toBe(400);
    expect(error.details.map((d) => d.field)).toEqual(['Idempotency-Key']);
  });
});

describe('ids derived from a key', () => {
  it('derives the same portal ids again for the same seed, and others for another', () => {
    const first = derivedIds('postMessage\nuser-1\nkey-1');
    const again = derivedIds('postMessage\nuser-1\nkey-1');
    const other = derivedIds('postMessage\nuser-2\nkey-1');
    const ids = [first.next(), first.next(), first.next()];
    expect([again.next(), again.next(), again.next()]).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    expect(other.next()).not.toBe(ids[0]);
    for (const id of ids) expect(Id.safeParse(id).success, id).toBe(true);
  });
});

describe('answers when the outcome is unknown', () => {
  it('answers a write sent and never confirmed 504 outcome_unknown, never a 503 that promises nothing changed', async () => {
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
    markUnsettled(timeout, 'TransactWriteItemsCommand');
    const res = await publicHandler(async () => {
      throw timeout;
    })(apiEvent(), {} as never);
    expect(res.statusCode).toBe(504);
    expect(res.headers?.['Retry-After']).toBeUndefined();
    expect(JSON.parse(res.body).error.code).toBe('outcome_unknown');
  });

  it('still answers a read that timed out 503 with Retry-After: nothing changed', async () => {
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} });
    const res = await publicHandler(async () => {
      throw timeout;
    })(apiEvent(), {} as never);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBeDefined();
    expect(JSON.parse(res.body).error.code).toBe(new ServiceUnavailable().code);
  });

  it('answers outcome_unknown when the function’s time runs out while the handler still runs, which may yet commit', async () => {
    let finished = false;
    const handler = publicHandler(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
      return { statusCode: 201, body: '{}' };
    });
    const res = await handler(apiEvent(), { getRemainingTimeInMillis: () => 50 } as never);
    expect(finished).toBe(false);
    expect(res.statusCode).toBe(504);
    expect(JSON.parse(res.body).error.code).toBe('outcome_unknown');
  });

  it('tags a cut-off write as unsettled, but not a cut-off sign-in, which changes nothing a retry would not', async () => {
    // A real client whose every connection drops mid-request, as when cognito-local is killed.
    const cognito = new CognitoIdentityProviderClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      maxAttempts: 1,
      requestHandler: {
        handle: () => Promise.reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
      },
    });
    tagUnsettledWrites(cognito);
    const write = await cognito
      .send(new AdminCreateUserCommand({ UserPoolId: 'p', Username: 'u' }))
      .catch((e: unknown) => e);
    const signIn = await cognito
      .send(new InitiateAuthCommand({ ClientId: 'c', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: {} }))
      .catch((e: unknown) => e);
    expect(isUnsettledWrite(write)).toBe(true);
    expect(isUnsettledWrite(signIn)).toBe(false);
    const res = await publicHandler(async () => {
      throw signIn;
    })(apiEvent(), {} as never);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBeDefined();
  });
});
