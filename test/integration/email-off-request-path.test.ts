/**
 * Email off the request path (issue 25, item 3): a decision commits its outbox delivery in its
 * transaction and answers; the table's stream hands the new delivery to its sender (in AWS an
 * event source mapping, here `lib/local/stream-poller.ts` on DynamoDB Local's stream), so a slow
 * or absent SES never holds a request, and cargo security alerts have a mapping of their own.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';
import type { PublishAlert } from '../../functions/schemas/requests/alerts.ts';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { recordSent } from '../support/confidential-log.ts';
import { callerFor } from '../support/factories.ts';
import { putCompanies, putDeliveries, putMembers } from '../support/items.ts';
import { waitForMail } from '../support/mail.ts';
import { injectSesFaults } from '../support/ses-faults.ts';
import { streamPoller } from '../support/stream.ts';
import { deliveries } from '../support/table.ts';

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

/** A company whose POC started a thread: each reply from CBP tells the POC, by email, that there is one. */
const threadWithPoc = async () => {
  const company = await enrollCompany(api, admin);
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const started = await api.request('POST', `/companies/${company.companyId}/threads`, {
    token: poc.token,
    body: { subject: 'Seal log', body: 'Where do we send the seal log?' },
  });
  expect(started.status).toBe(201);
  const threadId = started.body.threadId as string;
  /** A reply from CBP, and how long the API took to answer it. */
  const reply = async (i: number) => {
    const began = performance.now();
    const res = await api.request('POST', `/companies/${company.companyId}/threads/${threadId}/messages`, {
      token: officer,
      body: { body: `Reply ${i}: upload it to the portal.` },
    });
    return { status: res.status, ms: performance.now() - began };
  };
  const notices = async () =>
    (await deliveries()).filter((d) => d.reason === `message:${company.companyId}:${threadId}`);
  return { company, poc, reply, notices };
};

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('email off the request path', () => {
  it('answers message posts with the SES emulator paused as fast as with it running, and sends every notice exactly once after it resumes', async () => {
    const { sesPid, sesEndpoint } = inject('backends');
    const { poc, reply, notices } = await threadWithPoc();
    const POSTS = 5;

    // The usual time, measured now on this machine: the same replies with SES running.
    const running = [];
    for (let i = 0; i < POSTS; i += 1) running.push(await reply(i));
    expect(running.map((r) => r.status)).toEqual(Array(POSTS).fill(201));
    expect(await waitForMail(poc.email, POSTS)).toHaveLength(POSTS);
    const usual = Math.max(...running.map((r) => r.ms));
    // A reply that waited for SES would take the whole pause: make the pause far longer than the bound.
    const bound = 10 * usual;
    const pauseMs = Math.max(3_000, 2 * bound);

    const paused: { status: number; ms: number }[] = [];
    process.kill(sesPid, 'SIGSTOP');
    const stoppedAt = performance.now();
    try {
      for (let i = POSTS; i < 2 * POSTS; i += 1) paused.push(await reply(i));
      // The emulator really was unreachable while the replies were answered.
      await expect(fetch(`${sesEndpoint}/health-check`, { signal: AbortSignal.timeout(500) })).rejects.toThrow();
      // Committed with its reply: every notice is in the outbox, none sent yet.
      const queued = await notices();
      expect(queued).toHaveLength(2 * POSTS);
      expect(queued.filter((d) => d.status === 'sent')).toHaveLength(POSTS);
      await sleep(pauseMs - (performance.now() - stoppedAt));
    } finally {
      process.kill(sesPid, 'SIGCONT');
    }
    expect(paused.map((r) => r.status)).toEqual(Array(POSTS).fill(201));
    for (const r of paused)
      expect(r.ms, `a reply answered in ${Math.round(r.ms)} ms with SES paused`).toBeLessThan(bound);

    // After the pause, each notice once: the blocked send completes, the others follow.
    const mail = await waitForMail(poc.email, 2 * POSTS);
    expect(mail.map((m) => m.subject)).toEqual(Array(2 * POSTS).fill(NOTICE));
    // A mail arrives before its sender records it sent: wait for the senders to finish.
    await streamPoller().settled();
    const sent = await notices();
    expect(sent.map((d) => ({ status: d.status, attempts: d.attempts }))).toEqual(
      Array(2 * POSTS).fill({ status: 'sent', attempts: 1 }),
    );
    console.log(
      `[email-off-request-path] message post with SES running: median ${Math.round(median(running.map((r) => r.ms)))} ms, ` +
        `max ${Math.round(usual)} ms; with SES paused ${Math.round(pauseMs)} ms: median ${Math.round(median(paused.map((r) => r.ms)))} ms, ` +
        `max ${Math.round(Math.max(...paused.map((r) => r.ms)))} ms (ratio of medians ${(median(paused.map((r) => r.ms)) / median(running.map((r) => r.ms))).toFixed(2)}); ` +
        `notices ${mail.length} for ${2 * POSTS} replies, each delivery sent once`,
    );
  });

  it("sends a notice through the table's stream alone: with its mappings paused nothing sends it, enabled they do", async () => {
    const { poc, reply, notices } = await threadWithPoc();
    // No scheduled sender runs in this file: the stream is the only way a new delivery is sent.
    await streamPoller().pause();
    try {
      expect((await reply(0)).status).toBe(201);
      expect(await notices()).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    } finally {
      streamPoller().resume();
    }
    expect((await waitForMail(poc.email, 1)).map((m) => m.subject)).toEqual([NOTICE]);
    expect(await notices()).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });

  it('sends a new cargo security alert through its own mapping before 500 notices queued ahead of it on the stream', async () => {
    const { newDelivery } = await import('../../functions/domain/deliveries.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    const { publish } = await import('../../functions/domain/alerts.ts');
    const { run } = await import('../../functions/domain/fan-out.ts');
    const companyId = randomUUID();
    recordSent('POST', '/companies', { legalName: 'Stream Lane Carrier' });
    await putCompanies([
      {
        companyId,
        legalName: 'Stream Lane Carrier',
        category: 'sea-carrier',
        pocEmail: `poc-${companyId}@stream.example.com`,
        identifiers: {},
        status: 'active',
        enrolledAt: new Date().toISOString(),
        enrolledBy: 'test',
        version: 1,
      },
    ]);
    const recipients = [0, 1, 2].map((u) => `user${u}-${companyId}@stream.example.com`);
    await putMembers(
      recipients.map((email, u) => ({
        companyId,
        userId: randomUUID(),
        email,
        name: `User ${u}`,
        role: u === 0 ? ('primary-poc' as const) : ('company-user' as const),
        status: 'active' as const,
        permissions: { editProfile: true, authorizeSharing: false },
        createdAt: new Date().toISOString(),
        version: 1,
      })),
    );
    // Counted at the SDK boundary, not sent on to the emulator: 500 emails would tell nothing more.
    const faults = await injectSesFaults({ forward: false });
    // Both land on the stream before either mapping reads them: 500 notices, then the alert.
    await streamPoller().pause();
    try {
      const now = new Date().toISOString();
      await putDeliveries(
        Array.from({ length: 500 }, (_, i) =>
          newDelivery({
            deliveryId: randomUUID(),
            template: EMAIL_TEMPLATES.messageNotice.name,
            recipients: [{ email: `notice${i}@stream-backlog.example.com`, data: {} }],
            defaultData: { from: 'a participant company' },
            reason: `message:stream-backlog:${i}`,
            now,
          }),
        ),
      );
      const input: PublishAlert = {
        kind: 'cargo-security-alert',
        title: 'Stream lane alert',
        body: 'Inspect every seal.',
        severity: 'critical',
        audience: { scope: 'companies', companyIds: [companyId] },
      };
      recordSent('POST', '/alerts', input);
      const alert = await publish(allPorts, callerFor('cbp-officer'), input);
      await run(allPorts, () => new Date(), 60_000, alert.alertId);
      streamPoller().resume();
      await streamPoller().settled();
    } finally {
      streamPoller().resume();
      faults.remove();
    }
    const calls = faults.ledger.recipientsByCall;
    const alertCall = calls.findIndex((to) => to.some((email) => recipients.includes(email)));
    // The general mapping sends the notices 25 at a time (20 calls or more); the alert did not wait for them.
    const backlogCalls = calls.filter((to) => to.every((email) => email.endsWith('@stream-backlog.example.com')));
    expect(backlogCalls.length).toBeGreaterThanOrEqual(20);
    expect(alertCall).toBeGreaterThanOrEqual(0);
    expect(alertCall, `the alert went out in call ${alertCall + 1} of ${calls.length}`).toBeLessThan(5);
    expect(recipients.map((email) => faults.ledger.sent.get(email))).toEqual([1, 1, 1]);
    expect([...faults.ledger.sent.values()].every((n) => n === 1)).toBe(true);
    expect(faults.ledger.sent.size).toBe(503);
    console.log(
      `[email-off-request-path] a cargo security alert behind 500 new notices on the stream went out in SES call ${alertCall + 1} of ${calls.length}`,
    );
    // A cap, not a figure: 500 notices through the emulator, with the rest of the suite on two cores.
  }, 240_000);
});
