/**
 * DynamoDB Local paused and killed under load (issue 25, item 5): while it is dead, clients get
 * 503 with Retry-After and nothing of theirs is stored; its supervisor starts it again on the same
 * port and data folder (this project runs it on disk), `/health/ready` names it down and then
 * answers 200, and every acknowledged write is there. Each test prints its row of the reliability
 * table (README).
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { emulatorStatus, killEmulator, pauseEmulator, waitForRestart } from '../support/emulators.ts';
import { countRow, drainNotices, loadDuring, printRow, threadWithPoc } from '../support/fault-load.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ReadyAnswer {
  readonly status: number;
  readonly body: { checks?: Record<string, string> };
  readonly at: number;
}

/** Asks `/health/ready` every 200 ms until `during` resolves. */
const watchReadiness = async (during: Promise<unknown>): Promise<ReadyAnswer[]> => {
  const seen: Promise<ReadyAnswer>[] = [];
  let done = false;
  void during.finally(() => {
    done = true;
  });
  while (!done) {
    seen.push(
      api.request('GET', '/health/ready').then((r) => ({ status: r.status, body: r.body, at: performance.now() })),
    );
    await sleep(200);
  }
  await during;
  return Promise.all(seen);
};

describe('DynamoDB Local', () => {
  it('killed: clients get 503 and nothing of theirs is stored, its supervisor starts it again, and /health/ready says down, then up', async () => {
    const thread = await threadWithPoc(api);
    let before: Awaited<ReturnType<typeof killEmulator>> | undefined;
    let watching: Promise<ReadyAnswer[]> | undefined;
    const answers = await loadDuring(api, thread, async () => {
      const fault = (async () => {
        before = await killEmulator('dynamodb');
        await waitForRestart('dynamodb', before);
        await sleep(1_500);
      })();
      watching = watchReadiness(fault);
      await fault;
    });
    const readiness = await watching!;

    expect(emulatorStatus('dynamodb').restarts).toBe(before!.restarts + 1);
    const replies = answers.filter((a) => a.kind === 'reply');
    // While it was dead: honest refusals, each saying when to retry.
    const refused = replies.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.retryAfter !== null)).toBe(true);
    // Every reply was either stored and acknowledged or refused with 503: nothing else.
    expect(replies.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);

    // Readiness named DynamoDB down (and nothing else), then everything up. On a starved machine a
    // probe can time out on every check at once (each has 2 s), so not every 503 need name DynamoDB
    // alone; but one must.
    const down = readiness.filter((r) => r.status === 503);
    expect(down.length).toBeGreaterThan(0);
    expect(down.map((r) => r.body)).toContainEqual({
      status: 'not-ready',
      checks: { dynamodb: 'down', userPoolKeys: 'ok', ses: 'ok' },
    });
    const last = readiness.at(-1)!;
    expect(last.status).toBe(200);
    expect(last.body.checks).toEqual({ dynamodb: 'ok', userPoolKeys: 'ok', ses: 'ok' });
    expect(readiness.findIndex((r) => r.status === 503)).toBeLessThan(readiness.findLastIndex((r) => r.status === 200));

    await drainNotices(thread);
    const row = await countRow(api, thread, 'DynamoDB Local killed', answers);
    printRow(row);
    expect(row.writesLost).toBe(0);
    expect(row.refusedButStored).toBe(0);
    expect(row.storedTwice).toBe(0);
    expect(row.serverErrorsWithoutRetryAfter).toBe(0);
    expect(row.noticesOwed).toBe(row.acknowledged);
    expect(row.emailsSent).toBe(row.noticesOwed);
    // After the restart, answered as usual (the load may have spent its replies while it was down;
    // counted after the row, whose notices it would add to).
    const after = await api.request('POST', `/companies/${thread.companyId}/threads/${thread.threadId}/messages`, {
      token: thread.officer,
      body: { body: 'After the restart: upload it to the portal.' },
    });
    expect(after.status).toBe(201);
  }, 300_000);

  it('paused: requests wait for it and are answered when it resumes, with no write lost or stored twice', async () => {
    const thread = await threadWithPoc(api);
    const resume = pauseEmulator('dynamodb');
    let resumed = false;
    const answers = await loadDuring(api, thread, () =>
      sleep(4_000).finally(() => {
        resumed = true;
        resume();
      }),
    ).finally(() => {
      if (!resumed) resume();
    });
    await drainNotices(thread);
    const row = await countRow(api, thread, 'DynamoDB Local paused 4 s', answers);
    printRow(row);
    expect(row.writesLost).toBe(0);
    expect(row.refusedButStored).toBe(0);
    expect(row.storedTwice).toBe(0);
    expect(row.emailsSent).toBe(row.noticesOwed);
  }, 300_000);
});
