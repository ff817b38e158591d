/**
 * Issue 25's must-show for Idempotency-Key (decision 69): DynamoDB Local is paused (SIGSTOP)
 * past the SDK's time bounds while a message post writes, so its write is sent and never
 * confirmed and the client is answered 504 `outcome_unknown` (or 503 when nothing was sent). After
 * the resume (SIGCONT), a retry with the same key ends in exactly one message and one notice, and
 * its answer is the one a repeat is given again; the same key with another body is 422. This file
 * runs in the `isolated` project, whose emulators are its own, so the pause holds up no other file.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SDK_BUDGETS, worstFailureMs } from '../../functions/definitions/timeouts.ts';
import { IDEMPOTENCY_ITEM, TABLE } from '../../functions/definitions/table.ts';
import { enrollCompany, startTestApi, userWithRole, type ApiResponse, type TestApi } from '../support/api.ts';
import { waitForMail } from '../support/mail.ts';
import { allItems, deliveries, isOfKind, itemsOfKind } from '../support/table.ts';

let api: TestApi;
let admin: string;
let officer: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const NOTICE = 'C-TPAT: a new secure message from CBP';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A pause, then a claim that landed unconfirmed holding its key up to a route's timeout (20 s): past the default 60 s on a busy machine. */
const TEST_TIMEOUT_MS = 120_000;

/**
 * Pauses this run's DynamoDB Local just before the portal's next command named `command` (and
 * accepted by `where`) leaves for it, so that command is sent and waits in the stopped process's
 * socket. `paused` resolves when it is paused.
 */
const pauseAt = async (command: string, where: (input: Record<string, unknown>) => boolean = () => true) => {
  const { dynamodbPid } = inject('backends');
  const { dynamo } = await import('../../functions/clients/dynamodb.ts');
  const name = `pause-at-${randomUUID()}`;
  let paused!: () => void;
  const pausedNow = new Promise<void>((resolve) => {
    paused = resolve;
  });
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command && where(args.input as Record<string, unknown>)) {
        dynamo.middlewareStack.remove(name);
        process.kill(dynamodbPid, 'SIGSTOP');
        paused();
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    paused: pausedNow,
    resume: () => process.kill(dynamodbPid, 'SIGCONT'),
    /** Whether DynamoDB Local answers at all (it does not while paused). */
    answers: async () =>
      fetch(inject('backends').dynamodbEndpoint, { signal: AbortSignal.timeout(500) }).then(
        () => true,
        () => false,
      ),
  };
};

const answer = (res: ApiResponse) => ({ status: res.status, body: res.body });

/** A thread a company's POC started, and a reply from CBP to it under one Idempotency-Key. */
const threadWithReply = async () => {
  const company = await enrollCompany(api, admin);
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const started = await api.request('POST', `/companies/${company.companyId}/threads`, {
    token: poc.token,
    body: { subject: 'Seal log', body: 'Where do we send the seal log?' },
  });
  expect(started.status).toBe(201);
  const threadId = started.body.threadId as string;
  const idempotencyKey = randomUUID();
  const reply = (body: string) =>
    api.request('POST', `/companies/${company.companyId}/threads/${threadId}/messages`, {
      token: officer,
      body: { body },
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  const TEXT = 'Upload it to the portal.';
  const messages = async () =>
    (await itemsOfKind<{ threadId: string; body: string }>('message')).filter((m) => m.threadId === threadId);
  const notices = async () =>
    (await deliveries())
      .filter((d) => d.reason === `message:${company.companyId}:${threadId}`)
      .map((d) => ({ status: d.status, attempts: d.attempts }));
  return { poc, threadId, reply, messages, notices, TEXT };
};

/** Sends `reply` again while it is answered 409 (the key's first run, or its record, still holds it), as Retry-After says. */
const retryWhileInProgress = async (reply: () => Promise<ApiResponse>) => {
  let res = await reply();
  let inProgress = 0;
  const until = Date.now() + 40_000;
  while (res.status === 409 && Date.now() < until) {
    expect(res.body.error.code).toBe('request_in_progress');
    inProgress += 1;
    await sleep(1_000 * Number(res.headers.get('retry-after') ?? 1));
    res = await reply();
  }
  return { res, inProgress };
};

describe('a message post while DynamoDB Local is paused, retried with its Idempotency-Key', () => {
  it(
    'leaves one message and one notice, and the retry answers what a repeat answers again; another body is 422',
    async () => {
      const { poc, threadId, reply, messages, notices, TEXT } = await threadWithReply();

      // The post's transaction (message, its id's claim, the POC's notice, the audit record) is
      // sent to a DynamoDB Local that has just stopped, and stays stopped past every attempt.
      const fault = await pauseAt('TransactWriteItemsCommand');
      const began = performance.now();
      let first: ApiResponse;
      try {
        first = await reply(TEXT);
        await fault.paused;
        expect(await fault.answers(), 'DynamoDB Local was paused while the post was answered').toBe(false);
        await sleep(500);
      } finally {
        fault.resume();
      }
      const answeredMs = performance.now() - began;
      // An answer the server chose, within the function's bound: the outcome is unknown, or (had
      // nothing been sent) nothing changed. Never a success it could not confirm.
      expect([503, 504]).toContain(first.status);
      if (first.status === 504) expect(first.body.error.code).toBe('outcome_unknown');
      else expect(first.body.error.code).toBe('temporarily_unavailable');
      expect(answeredMs).toBeLessThan(worstFailureMs(['dynamodb']));
      expect(answeredMs).toBeGreaterThan(SDK_BUDGETS.dynamodb.requestTimeoutMs);

      // The client retries with the same key, as the web portal does: while the first run's
      // record still holds the key (its release was sent to the paused process too) a retry is
      // 409 with Retry-After; then the retry runs and meets the message the first run committed.
      const { res: retry, inProgress } = await retryWhileInProgress(() => reply(TEXT));
      expect(retry.status).toBe(201);
      expect(retry.body).toMatchObject({ threadId, body: TEXT });

      // The first success is recorded: a repeat is answered it again, without running.
      const again = await reply(TEXT);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(answer(again)).toEqual(answer(retry));

      // Exactly one message and one notice, the notice sent once.
      expect((await messages()).filter((m) => m.body === TEXT)).toHaveLength(1);
      const mail = await waitForMail(poc.email, 1);
      expect(mail.map((m) => m.subject)).toEqual([NOTICE]);
      expect(await notices()).toEqual([{ status: 'sent', attempts: 1 }]);

      // The key's record: in the route's partition, expiring through the table's TTL a day on.
      const records = (await allItems()).filter(
        (r) => isOfKind(r, 'idempotencyRecord') && r.pk === `${IDEMPOTENCY_ITEM.partitionPrefix}postMessage`,
      );
      expect(records).toHaveLength(1);
      expect(records[0]![IDEMPOTENCY_ITEM.attributes.status]).toBe('COMPLETED');
      const expiresIn = Number(records[0]![TABLE.ttlAttribute]) - Date.now() / 1000;
      expect(expiresIn).toBeGreaterThan(IDEMPOTENCY_ITEM.expiresAfterSeconds - 120);
      // Powertools rounds the expiry to a whole second (Math.round): up to half a second later.
      expect(expiresIn).toBeLessThanOrEqual(IDEMPOTENCY_ITEM.expiresAfterSeconds + 0.5);

      // The same key with another body is refused, and writes nothing.
      const other = await reply('Another text.');
      expect(other.status).toBe(422);
      expect(other.body.error.code).toBe('idempotency_key_reused');
      expect((await messages()).filter((m) => m.body === 'Another text.')).toHaveLength(0);
      console.log(
        `[idempotency-pause] first post answered ${first.status} ${first.body.error.code} after ${Math.round(answeredMs)} ms ` +
          `(bound ${worstFailureMs(['dynamodb'])} ms); retry ${retry.status} after ${inProgress} answer(s) 409, repeat replayed; one message, one notice`,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'answers 503 when the key could not even be claimed: nothing was written, and the retry makes one message and one notice',
    async () => {
      const { poc, reply, messages, notices, TEXT } = await threadWithReply();
      // The pause meets the post's first write: its claim of the key, before any work.
      const fault = await pauseAt('PutItemCommand', (input) =>
        String((input.Item as Record<string, { S?: string }> | undefined)?.[TABLE.partitionKey]?.S).startsWith(
          IDEMPOTENCY_ITEM.partitionPrefix,
        ),
      );
      let first: ApiResponse;
      try {
        first = await reply(TEXT);
        await fault.paused;
        // A 503 promises that nothing changed: no message and no notice.
        expect(first.status).toBe(503);
        expect(first.body.error.code).toBe('temporarily_unavailable');
        expect(first.headers.get('retry-after')).toBeTruthy();
      } finally {
        fault.resume();
      }
      expect((await messages()).filter((m) => m.body === TEXT)).toHaveLength(0);
      expect(await notices()).toEqual([]);
      // The claim, sent to the stopped process, landed when it resumed: it holds the key until the
      // claiming function's time is up (a 409 with Retry-After), and then the retry does the work.
      const { res: retry, inProgress } = await retryWhileInProgress(() => reply(TEXT));
      expect(retry.status).toBe(201);
      expect(answer(await reply(TEXT))).toEqual(answer(retry));
      expect((await messages()).filter((m) => m.body === TEXT)).toHaveLength(1);
      expect((await waitForMail(poc.email, 1)).map((m) => m.subject)).toEqual([NOTICE]);
      expect(await notices()).toEqual([{ status: 'sent', attempts: 1 }]);
      console.log(`[idempotency-pause] claim unconfirmed: 503, then ${inProgress} answer(s) 409, then ${retry.status}`);
    },
    TEST_TIMEOUT_MS,
  );
});
