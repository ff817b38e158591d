/**
 * Idempotency-Key (issue 25, item 2; decision 69) on the emulators: a repeat with the same key and
 * body answers the first answer without doing the work again, another request under the key is
 * 422, keys are the caller's own, and a re-run after a first run that committed but never recorded
 * its answer (its record gone) meets the message or thread it wrote instead of writing another.
 * The pause of DynamoDB Local itself is `idempotency-pause.test.ts`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteOp, key } from '../../functions/data/table-io.ts';
import { SDK_BUDGETS } from '../../functions/definitions/timeouts.ts';
import { enrollCompany, startTestApi, userWithRole, type ApiResponse, type TestApi } from '../support/api.ts';
import { waitForMail } from '../support/mail.ts';
import { allItems, isOfKind, itemsOfKind, writeItem, type StoredItem } from '../support/table.ts';

let api: TestApi;
let admin: string;
let officer: { token: string; userId?: string };
let otherOfficer: { token: string };
beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = await userWithRole(api, 'cbp-officer');
  otherOfficer = await userWithRole(api, 'cbp-officer');
});
afterAll(() => api.close());

/** A company whose POC started a thread: CBP's replies each tell the POC, by email, that there is one. */
const thread = async () => {
  const company = await enrollCompany(api, admin);
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const started = await api.request('POST', `/companies/${company.companyId}/threads`, {
    token: poc.token,
    body: { subject: 'Seal log', body: 'Where do we send the seal log?' },
  });
  expect(started.status).toBe(201);
  const path = `/companies/${company.companyId}/threads/${started.body.threadId}/messages`;
  const reply = (body: string, idempotencyKey?: string, token = officer.token) =>
    api.request('POST', path, {
      token,
      body: { body },
      ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
    });
  const messages = async (body: string) =>
    (await itemsOfKind<{ threadId: string; body: string }>('message')).filter(
      (m) => m.threadId === started.body.threadId && m.body === body,
    );
  return { company, poc, path, threadId: started.body.threadId as string, reply, messages };
};

const answer = (res: ApiResponse) => ({ status: res.status, body: res.body });

/** Takes the key records of a route away, as if the first run had committed and never recorded its answer. */
const forgetRecords = async (routeId: string) => {
  const records = (await allItems()).filter(
    (r: StoredItem) => isOfKind(r, 'idempotencyRecord') && r.pk === `IDEMPOTENCY#${routeId}`,
  );
  expect(records.length).toBeGreaterThan(0);
  for (const r of records) await writeItem(deleteOp(key(r.pk, r.sk)));
};

describe('Idempotency-Key', () => {
  it('answers a repeat with the same key and body with the first answer, without writing or telling anyone again', async () => {
    const t = await thread();
    const idempotencyKey = randomUUID();
    const first = await t.reply('Upload it to the portal.', idempotencyKey);
    expect(first.status).toBe(201);
    const again = await t.reply('Upload it to the portal.', idempotencyKey);
    expect(answer(again)).toEqual(answer(first));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await t.messages('Upload it to the portal.')).toHaveLength(1);
    expect(await waitForMail(t.poc.email, 1)).toHaveLength(1);
  });

  it('refuses the same key with another body, or on another thread, with a 422 naming the header', async () => {
    const t = await thread();
    const idempotencyKey = randomUUID();
    expect((await t.reply('First text.', idempotencyKey)).status).toBe(201);
    const other = await t.reply('Other text.', idempotencyKey);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(other.body.error.details.map((d: { field: string }) => d.field)).toEqual(['Idempotency-Key']);
    const elsewhere = await (await thread()).reply('First text.', idempotencyKey);
    expect(elsewhere.status).toBe(422);
    expect(await t.messages('Other text.')).toHaveLength(0);
  });

  it("keeps each caller's keys their own: two officers' same key makes two messages", async () => {
    const t = await thread();
    const idempotencyKey = randomUUID();
    const mine = await t.reply('Same words.', idempotencyKey);
    const theirs = await t.reply('Same words.', idempotencyKey, otherOfficer.token);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.messageId).not.toBe(mine.body.messageId);
    expect(await t.messages('Same words.')).toHaveLength(2);
  });

  it('answers a repeat sent while the first still runs with 409 and Retry-After, or with the first answer; one message', async () => {
    const t = await thread();
    const idempotencyKey = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => t.reply('At once.', idempotencyKey)));
    const created = answers.filter((a) => a.status === 201);
    const waiting = answers.filter((a) => a.status === 409);
    expect(created.length + waiting.length).toBe(3);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const a of created) expect(a.body).toEqual(created[0]!.body);
    for (const a of waiting) {
      expect(a.body.error.code).toBe('request_in_progress');
      expect(a.headers.get('retry-after')).toBeTruthy();
    }
    expect(await t.messages('At once.')).toHaveLength(1);
  });

  it('meets its own message when a first run committed and its record is gone: the same answer, one message, one notice', async () => {
    const t = await thread();
    const idempotencyKey = randomUUID();
    const first = await t.reply('Committed once.', idempotencyKey);
    expect(first.status).toBe(201);
    await forgetRecords('postMessage');
    const rerun = await t.reply('Committed once.', idempotencyKey);
    // Worked out again (not replayed), from the message the first run stored.
    expect(rerun.headers.get('idempotent-replayed')).toBeNull();
    expect(answer(rerun)).toEqual(answer(first));
    expect(await t.messages('Committed once.')).toHaveLength(1);
    expect(await waitForMail(t.poc.email, 1)).toHaveLength(1);
    // A reused key whose record is gone still may not carry another text.
    await forgetRecords('postMessage');
    expect((await t.reply('Another text.', idempotencyKey)).status).toBe(422);
  });

  it('meets its own thread the same way', async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const idempotencyKey = randomUUID();
    const start = () =>
      api.request('POST', `/companies/${company.companyId}/threads`, {
        token: poc.token,
        body: { subject: 'Once only', body: 'Hello.' },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    const first = await start();
    expect(first.status).toBe(201);
    await forgetRecords('startThread');
    const rerun = await start();
    expect(answer(rerun)).toEqual(answer(first));
    const threads = (await itemsOfKind<{ companyId: string }>('thread')).filter(
      (x) => x.companyId === company.companyId,
    );
    expect(threads).toHaveLength(1);
  });

  it('meets its own user the same way: the same person answered, one account, one invitation; another key is refused', async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const email = `once-${randomUUID().slice(0, 8)}@example.com`;
    const add = (idempotencyKey: string) =>
      api.request('POST', `/companies/${company.companyId}/users`, {
        token: poc.token,
        body: { email, name: 'Added Once', permissions: { editProfile: false, authorizeSharing: false } },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    const idempotencyKey = randomUUID();
    const first = await add(idempotencyKey);
    expect(first.status).toBe(201);
    await forgetRecords('addCompanyUser');
    // Cognito already holds the identity and the claim names this request: the person is answered again.
    const rerun = await add(idempotencyKey);
    expect(rerun.headers.get('idempotent-replayed')).toBeNull();
    expect(answer(rerun)).toEqual(answer(first));
    const users = await api.request('GET', `/companies/${company.companyId}/users?limit=100`, { token: poc.token });
    expect(users.body.items.filter((u: { email: string }) => u.email === email)).toHaveLength(1);
    expect(await waitForMail(email, 1)).toHaveLength(1);
    // The repeat is not another invitation against the company's limit: it counted once.
    const counters = (await allItems()).filter(
      (r: StoredItem) =>
        String(r.pk) === `RATE#invitation:company:${company.companyId}` && String(r.sk).startsWith('WINDOW#'),
    );
    expect(counters.map((c) => (c as StoredItem & { count: number }).count)).toEqual([1]);
    // Another request for the same address is still a taken email.
    const other = await add(randomUUID());
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('email_taken');
  });

  it('keeps a person whose transaction committed and whose answer was lost: answered, one account in Cognito, one invitation; a repeat answers the same person', async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const email = `lost-${randomUUID().slice(0, 8)}@example.com`;
    const idempotencyKey = randomUUID();
    const add = () =>
      api.request('POST', `/companies/${company.companyId}/users`, {
        token: poc.token,
        body: { email, name: 'Answer Lost', permissions: { editProfile: false, authorizeSharing: false } },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    // The membership's transaction reaches DynamoDB and commits; its answer never comes back (the
    // SDK gives up, as after its request timeouts under load).
    const { dynamo } = await import('../../functions/clients/dynamodb.ts');
    const name = `lostAnswer-${randomUUID()}`;
    let lost = 0;
    // Below the SDK's retries: every attempt reaches DynamoDB (the first commits) and times out, as
    // under load, until the SDK gives up.
    dynamo.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const body = (args as { request?: { body?: unknown } }).request?.body;
        const wire = typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : '';
        if (context.commandName === 'TransactWriteItemsCommand' && wire.includes(email)) {
          lost += 1;
          throw Object.assign(new Error('Request timed out'), { name: 'TimeoutError', $metadata: {} });
        }
        return result;
      },
      { step: 'deserialize', priority: 'low', name },
    );
    let first: ApiResponse;
    try {
      first = await add();
    } finally {
      dynamo.middlewareStack.remove(name);
    }
    expect(lost).toBe(SDK_BUDGETS.dynamodb.maxAttempts);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.email).toBe(email);
    // The identity was not taken back from under the committed membership.
    const { CognitoIdentityProviderClient, AdminGetUserCommand } = await import(
      '@aws-sdk/client-cognito-identity-provider'
    );
    const cognito = new CognitoIdentityProviderClient({});
    const identity = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: process.env.USER_POOL_ID, Username: email }),
    );
    cognito.destroy();
    expect(identity.UserAttributes?.find((a) => a.Name === 'sub')?.Value).toBe(first.body.userId);
    await forgetRecords('addCompanyUser');
    const rerun = await add();
    expect(answer(rerun)).toEqual(answer(first));
    const users = await api.request('GET', `/companies/${company.companyId}/users?limit=100`, { token: poc.token });
    expect(users.body.items.filter((u: { email: string }) => u.email === email)).toHaveLength(1);
    expect(await waitForMail(email, 1)).toHaveLength(1);
  });

  it('works the same on another keyed route: publishing an alert twice publishes it once', async () => {
    const company = await enrollCompany(api, admin);
    const idempotencyKey = randomUUID();
    const publish = () =>
      api.request('POST', '/alerts', {
        token: officer.token,
        body: {
          kind: 'cargo-security-alert',
          title: `Once ${idempotencyKey}`,
          body: 'Check the seals.',
          severity: 'high',
          audience: { scope: 'companies', companyIds: [company.companyId] },
        },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    const alertCount = async () =>
      (await allItems())
        .filter(
          (r: StoredItem) => String(r.pk) === `RATE#alert:user:${officer.userId}` && String(r.sk).startsWith('WINDOW#'),
        )
        .reduce((sum, c) => sum + (c as StoredItem & { count: number }).count, 0);
    const countedBefore = await alertCount();
    const first = await publish();
    expect(first.status).toBe(201);
    expect(answer(await publish())).toEqual(answer(first));
    // A first run that committed and never recorded its answer: the re-run meets its own alert.
    await forgetRecords('publishAlert');
    const rerun = await publish();
    expect(rerun.headers.get('idempotent-replayed')).toBeNull();
    expect(answer(rerun)).toEqual(answer(first));
    const alerts = (await itemsOfKind<{ title: string }>('alert')).filter((a) => a.title === `Once ${idempotencyKey}`);
    expect(alerts).toHaveLength(1);
    // One fan-out, which reached the one company once.
    expect((alerts[0] as unknown as { companies: number }).companies).toBe(1);
    // And the officer's alert limit counted the request once.
    expect(await alertCount()).toBe(countedBefore + 1);
  });
});
