/// <reference path="../../web/src/env.d.ts" />
/**
 * The web portal's API client and Idempotency-Key (decision 69): each submission to a keyed
 * route sends a fresh key, and after a timeout, no connection, a 503, a 504 or a 409 in progress
 * it sends the same request with the same key again; other answers are not retried, and routes
 * that take no key get none. `fetch` is the test's: it records each request and answers in turn.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { routeAddresses } from '../../web/src/api/route-addresses.ts';

vi.mock('virtual:route-addresses', async () => {
  const { ROUTES: routes } = await import('../../functions/definitions/routes.ts');
  const { routeAddresses: addresses } = await import('../../web/src/api/route-addresses.ts');
  return { default: addresses(routes as readonly RouteDefinition[]) };
});
const { ApiError, createClient, KEYED_RETRY } = await import('../../web/src/api/client.ts');

interface Sent {
  readonly method: string;
  readonly url: string;
  readonly key: string | null;
  readonly body: string | undefined;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'network' | 'hang';

let sent: Sent[];
let answers: Answer[];
let waits: number[];
beforeEach(() => {
  sent = [];
  answers = [];
  waits = [];
  vi.stubGlobal('fetch', async (url: URL, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({
      method: String(init.method),
      url: String(url),
      key: headers['Idempotency-Key'] ?? null,
      body: init.body as string | undefined,
    });
    const answer = answers.shift() ?? { status: 201, body: { ok: true } };
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (answer === 'hang')
      return new Promise((_, reject) => {
        // As a browser's fetch does when its signal aborts (here, the client's timeout).
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: answer.headers ?? {},
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

let keys = 0;
const client = () =>
  createClient({
    apiUrl: 'https://api.example.gov',
    token: () => 'token',
    refresh: async () => false,
    expired: () => {},
    newKey: () => `key-${++keys}`,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
const error = (status: number, code: string, headers?: Record<string, string>): Answer => ({
  status,
  body: { error: { code, message: code } },
  ...(headers ? { headers } : {}),
});
const post = (api: ReturnType<typeof client>, body = 'Upload it to the portal.') =>
  api.call('postMessage', { path: { companyId: 'c1', threadId: 't1' }, body: { body } });

describe('the web client and Idempotency-Key', () => {
  it('knows which routes take a key from the route table', () => {
    const addresses = routeAddresses(ROUTES as readonly RouteDefinition[]);
    const keyed = Object.entries(addresses)
      .filter(([, a]) => a.keyed)
      .map(([id]) => id);
    expect(keyed).toEqual(
      (ROUTES as readonly RouteDefinition[]).filter((r) => r.idempotency === 'key').map((r) => r.id),
    );
    expect(keyed).toEqual(expect.arrayContaining(['postMessage', 'startThread', 'publishAlert']));
  });

  it('sends a fresh key with each submission to a keyed route', async () => {
    const api = client();
    await post(api);
    await post(api);
    expect(sent.map((s) => s.key)).toHaveLength(2);
    expect(sent[0]!.key).toMatch(/^key-\d+$/);
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
  });

  it('retries with the same key and the same request after a 504, a 503 with Retry-After, no connection and a 409 in progress', async () => {
    answers = [
      error(504, 'outcome_unknown'),
      error(503, 'temporarily_unavailable', { 'Retry-After': '3' }),
      'network',
      error(409, 'request_in_progress', { 'Retry-After': '1' }),
      { status: 201, body: { messageId: 'm1' } },
    ];
    const api = client();
    const answer = await post(api);
    expect(answer).toEqual({ messageId: 'm1' });
    expect(sent).toHaveLength(5);
    expect(sent[0]!.key).toMatch(/^key-\d+$/);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(new Set(sent.map((s) => `${s.method} ${s.url} ${s.body}`)).size).toBe(1);
    expect(sent[0]!.url).toBe('https://api.example.gov/companies/c1/threads/t1/messages');
    expect(waits).toHaveLength(4);
  });

  it('waits what Retry-After says, and doubles its own wait otherwise', async () => {
    answers = [
      error(503, 'temporarily_unavailable', { 'Retry-After': '3' }),
      error(504, 'outcome_unknown'),
      'network',
      { status: 201, body: {} },
    ];
    await post(client());
    expect(waits).toEqual([3_000, 2 * KEYED_RETRY.backoffMs, 4 * KEYED_RETRY.backoffMs]);
    expect(sent[0]!.key).toMatch(/^key-\d+$/);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
  });

  it('retries a request that has no answer within its time, with the same key', async () => {
    vi.useFakeTimers();
    answers = ['hang', { status: 201, body: { messageId: 'm1' } }];
    const pending = post(client());
    await vi.advanceTimersByTimeAsync(KEYED_RETRY.timeoutMs);
    expect(await pending).toEqual({ messageId: 'm1' });
    expect(sent).toHaveLength(2);
    expect(sent[1]!.key).toBe(sent[0]!.key);
  });

  it('waits out a key held in progress (an unconfirmed claim holds it until its function would time out), then counts again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const api = createClient({
      apiUrl: 'https://api.example.gov',
      token: () => 'token',
      refresh: async () => false,
      expired: () => {},
      wait: async (ms) => {
        waits.push(ms);
        vi.setSystemTime(Date.now() + ms);
      },
    });
    // 15 answers 409 in a row, a second apart (what the must-show integration test meets), then the work runs.
    answers = [...Array(15).fill(error(409, 'request_in_progress', { 'Retry-After': '1' })), { status: 201, body: {} }];
    await post(api);
    expect(sent).toHaveLength(16);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(sent[0]!.key).toBeTruthy();
    // A key that stays held past the patience ends in the error after the usual attempts.
    sent = [];
    answers = Array(100).fill(error(409, 'request_in_progress', { 'Retry-After': '1' }));
    await expect(post(api, 'Held.')).rejects.toMatchObject({ status: 409, code: 'request_in_progress' });
    expect(sent.length).toBeGreaterThan(KEYED_RETRY.inProgressPatienceMs / 1_000);
    expect(sent.length).toBeLessThanOrEqual(KEYED_RETRY.inProgressPatienceMs / 1_000 + KEYED_RETRY.attempts);
  });

  it('does not retry an answer that settles the request: 201, 400, 403, 422, or a 409 of another kind', async () => {
    for (const answer of [
      error(400, 'validation_failed'),
      error(403, 'forbidden'),
      error(422, 'idempotency_key_reused'),
      error(409, 'conflict'),
    ]) {
      sent = [];
      answers = [answer];
      await expect(post(client())).rejects.toBeInstanceOf(ApiError);
      expect(sent).toHaveLength(1);
    }
  });

  it('gives up after its attempts with the last error, and a submission of the same request after that keeps the key', async () => {
    const api = client();
    answers = Array(KEYED_RETRY.attempts).fill(error(504, 'outcome_unknown'));
    await expect(post(api)).rejects.toMatchObject({ status: 504, code: 'outcome_unknown' });
    expect(sent).toHaveLength(KEYED_RETRY.attempts);
    const openKey = sent[0]!.key;
    // The user clicks Send again on the same text: the same request, the same key.
    answers = [{ status: 201, body: {} }];
    await post(api);
    expect(sent.at(-1)!.key).toBe(openKey);
    // Settled: the same text sent again is a new message, with a new key.
    await post(api);
    expect(sent.at(-1)!.key).not.toBe(openKey);
    // Another text while a key is open goes with its own key.
    answers = Array(KEYED_RETRY.attempts).fill(error(503, 'temporarily_unavailable'));
    await expect(post(api, 'First.')).rejects.toMatchObject({ status: 503 });
    const firstKey = sent.at(-1)!.key;
    await post(api, 'Second.');
    expect(sent.at(-1)!.key).not.toBe(firstKey);
  });

  it('sends no key to a route that takes none, and does not retry it', async () => {
    answers = [error(503, 'temporarily_unavailable')];
    const api = client();
    await expect(api.call('acknowledgeAlert', { path: { alertId: 'a1' } } as never)).rejects.toMatchObject({
      status: 503,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.key).toBeNull();
  });
});
