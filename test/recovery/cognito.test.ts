/**
 * cognito-local paused and killed under load (issue 25, item 5): its supervisor starts a killed
 * one again on its port with its user pools (kept on disk), sign-ins work again after, and no
 * reply, which needs no Cognito call (tokens are checked against the pools' cached keys), is lost
 * or refused. Each test prints its row of the reliability table (README).
 */
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

describe('cognito-local', () => {
  it('killed: its supervisor starts it again with its users, sign-ins work after, and no reply is lost or refused', async () => {
    const thread = await threadWithPoc(api);
    let before: Awaited<ReturnType<typeof killEmulator>> | undefined;
    const answers = await loadDuring(api, thread, async () => {
      before = await killEmulator('cognito');
      await waitForRestart('cognito', before);
      await sleep(1_000);
    });
    expect(emulatorStatus('cognito').restarts).toBe(before!.restarts + 1);
    // The same user signs in after the restart: the pools were on disk.
    expect(await api.signIn(thread.poc.email)).toEqual(expect.any(String));
    await drainNotices(thread);
    const row = await countRow(api, thread, 'cognito-local killed', answers);
    printRow(row);
    expect(answers.filter((a) => a.kind === 'reply' && a.status !== 201)).toEqual([]);
    expect(row.serverErrorsWithoutRetryAfter).toBe(0);
    expect(row.writesLost).toBe(0);
    expect(row.storedTwice).toBe(0);
    expect(row.emailsSent).toBe(row.noticesOwed);
  }, 300_000);

  it('paused: replies go on, sign-ins wait for it, and nothing is lost', async () => {
    const thread = await threadWithPoc(api);
    const resume = pauseEmulator('cognito');
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
    const row = await countRow(api, thread, 'cognito-local paused 4 s', answers);
    printRow(row);
    expect(answers.filter((a) => a.kind === 'reply' && a.status !== 201)).toEqual([]);
    expect(row.serverErrorsWithoutRetryAfter).toBe(0);
    expect(row.writesLost).toBe(0);
    expect(row.emailsSent).toBe(row.noticesOwed);
  }, 300_000);
});
