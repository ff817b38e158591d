/**
 * The SES emulator paused and killed under load (issue 25, items 3-5): replies keep being answered
 * as usual (their notices wait in the outbox), a killed emulator is started again by its
 * supervisor with the portal's email templates (it keeps them in memory), and every notice is sent
 * exactly once in the end. Each test prints its row of the reliability table (README).
 */
import { performance } from 'node:perf_hooks';
import { GetEmailTemplateCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { emulatorStatus, killEmulator, pauseEmulator, waitForRestart } from '../support/emulators.ts';
import { countRow, drainNotices, loadDuring, printRow, threadWithPoc, type Answer } from '../support/fault-load.ts';
import { deliveries } from '../support/table.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `done()` holds; fails naming `what` after two minutes. */
const until = async (done: () => boolean, what: string) => {
  const deadline = Date.now() + 120_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`waited 120 s for ${what}`);
    await sleep(50);
  }
};

const templatesInEmulator = async (): Promise<string[]> => {
  const ses = new SESv2Client({ endpoint: inject('backends').sesEndpoint });
  try {
    const found = await Promise.all(
      Object.values(EMAIL_TEMPLATES).map((t) =>
        ses.send(new GetEmailTemplateCommand({ TemplateName: t.name })).then(
          (r) => r.TemplateName ?? '',
          () => '',
        ),
      ),
    );
    return found.filter(Boolean).sort();
  } finally {
    ses.destroy();
  }
};

const expectNothingLostOrSentTwice = (answers: readonly Answer[], row: Awaited<ReturnType<typeof countRow>>) => {
  expect(answers.filter((a) => a.kind === 'reply').map((a) => a.status)).toEqual(
    answers.filter((a) => a.kind === 'reply').map(() => 201),
  );
  expect(row.serverErrors).toBe(0);
  expect(row.writesLost).toBe(0);
  expect(row.storedTwice).toBe(0);
  expect(row.noticesOwed).toBe(row.acknowledged);
  expect(row.emailsSent).toBe(row.noticesOwed);
};

describe('the SES emulator', () => {
  it('paused: replies are answered 201 while it is stopped, and each notice is sent once after it resumes', async () => {
    const thread = await threadWithPoc(api);
    const resume = pauseEmulator('ses');
    let resumedAt = 0;
    let answeredStopped = 0;
    const answers = await loadDuring(api, thread, async (answered) => {
      try {
        const pausedAt = performance.now();
        // It stays stopped at least 4 s, and until 10 replies have been answered: a reply that
        // waited for SES could not be answered before it resumes (if none is, this fails).
        await until(
          () => performance.now() - pausedAt >= 4_000 && answered.filter((a) => a.kind === 'reply').length >= 10,
          `10 replies answered with the SES emulator stopped (answered: ${answered.length})`,
        );
        await expect(
          fetch(`${inject('backends').sesEndpoint}/health-check`, { signal: AbortSignal.timeout(500) }),
        ).rejects.toThrow();
        answeredStopped = answered.filter((a) => a.kind === 'reply').length;
      } finally {
        resumedAt = performance.now();
        resume();
      }
    });
    expect(answeredStopped).toBeGreaterThanOrEqual(10);
    // How long they took goes to the log, not into an assertion: speed is measured in bench/.
    const ms = answers
      .filter((a) => a.kind === 'reply' && a.ended < resumedAt)
      .map((a) => a.ended - a.began)
      .sort((a, b) => a - b);
    console.log(
      `[recovery] SES paused: ${ms.length} replies answered while it was stopped, median ${Math.round(ms[ms.length >> 1]!)} ms, max ${Math.round(ms.at(-1)!)} ms`,
    );
    await drainNotices(thread);
    const row = await countRow(api, thread, 'SES emulator paused 4 s', answers);
    printRow(row);
    expectNothingLostOrSentTwice(answers, row);
    expect((await deliveries()).filter((d) => d.reason.includes(thread.threadId) && d.status !== 'sent')).toEqual([]);
  }, 300_000);

  it('killed: its supervisor starts it again with every email template, and no notice decided meanwhile is lost', async () => {
    const thread = await threadWithPoc(api);
    let before: Awaited<ReturnType<typeof killEmulator>> | undefined;
    const answers = await loadDuring(api, thread, async () => {
      before = await killEmulator('ses');
      // Replies keep coming while it is down, and a second more once it is back.
      await waitForRestart('ses', before);
      await sleep(1_000);
    });
    const after = emulatorStatus('ses');
    expect(after.pid).not.toBe(before!.pid);
    expect(after.restarts).toBe(before!.restarts + 1);
    // The emulator keeps templates in memory: the supervisor put every one back.
    expect(await templatesInEmulator()).toEqual(
      Object.values(EMAIL_TEMPLATES)
        .map((t) => t.name)
        .sort(),
    );
    // Notices whose send met the dead emulator wait in the outbox for the scheduled sender's retry.
    await drainNotices(thread);
    const row = await countRow(api, thread, 'SES emulator killed', answers);
    printRow(row);
    expectNothingLostOrSentTwice(answers, row);
    const notices = (await deliveries()).filter((d) => d.reason.includes(thread.threadId));
    expect(notices.filter((d) => d.status !== 'sent')).toEqual([]);
    console.log(
      `[recovery] SES killed: ${notices.filter((d) => d.attempts > 1).length} of ${notices.length} notices needed a retry`,
    );
  }, 300_000);
});
