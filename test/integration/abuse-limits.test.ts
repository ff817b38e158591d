/**
 * Abuse limits (issue 17, item 4): per-user and per-company limits on the writes that send mail
 * or reach another company, each answered 429 with Retry-After, storing and sending nothing and
 * counted in the RateLimited metric; CBP's program mailbox hearing of a company's messages in one
 * digest per window; and cargo security alerts overtaking every other email in the outbox.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useClock } from '../../functions/domain/clock.ts';
import { LIMITS, PROGRAM_DIGEST_SECONDS } from '../../functions/definitions/limits.ts';
import { PROGRAM_MAILBOX } from '../../lib/local/bootstrap.ts';
import {
  enrollCompany,
  startTestApi,
  TEST_PASSWORD,
  uniqueEmail,
  userWithRole,
  type ApiResponse,
  type TestApi,
} from '../support/api.ts';
import { callerFor, fixedClock } from '../support/factories.ts';
import { waitForMail, type StoredEmail } from '../support/mail.ts';
import { streamPoller } from '../support/stream.ts';
import { captureMetrics } from '../support/metrics.ts';
import { injectSesFaults } from '../support/ses-faults.ts';
import { allItemsExcept, deliveries, itemsOfKind } from '../support/table.ts';
import { putCompanies, putDeliveries, putMembers } from '../support/items.ts';
import { recordSent } from '../support/confidential-log.ts';
import { sendOutboxJob } from '../support/functions.ts';

// One minute into an hour, so every window (10 minutes, an hour, the digest's 15) is the same
// throughout the file and a refusal's Retry-After is exact. Tokens keep the real time.
const START = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 60_000);
const clock = fixedClock(START.toISOString());
useClock(clock);

let api: TestApi;
let admin: string;
let officer: string;
const metrics = captureMetrics();

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(async () => {
  metrics.restore();
  useClock({ now: () => new Date() });
  await api.close();
});

/** A company and its signed-in primary POC. */
const companyWithPoc = async () => {
  const company = await enrollCompany(api, admin);
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  return { company, poc };
};

/** Everything stored but the limits' own counters, which every counted request moves. */
const stored = async () => (await allItemsExcept('rateCounter')).map((i) => JSON.stringify(i)).sort();

/** Makes `n` requests one after another and expects each to succeed. */
const succeeds = async (n: number, request: (i: number) => Promise<ApiResponse>) => {
  for (let i = 0; i < n; i += 1) {
    const res = await request(i);
    expect(res.status, `request ${i + 1}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  }
};

/** The refused request: 429 with the error body and Retry-After (the window's end), nothing stored, one RateLimited count. */
const refusedWithNothingStored = async (action: string, windowSeconds: number, request: () => Promise<ApiResponse>) => {
  // The stream's sender leases and records what earlier requests queued: let it finish first.
  await streamPoller().settled();
  const before = await stored();
  const counted = metrics.total('RateLimited', { Action: action });
  const res = await request();
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expect(res.body.error).toMatchObject({ code: 'too_many_requests', message: expect.any(String) });
  expect(Number(res.headers.get('retry-after'))).toBe(windowSeconds - 60);
  expect(await stored()).toEqual(before);
  expect(metrics.total('RateLimited', { Action: action })).toBe(counted + 1);
  return res;
};

describe('abuse limits', () => {
  it("refuses a participant's reply past their limit with 429 and Retry-After, storing and sending nothing, and counts it", async () => {
    const { company, poc } = await companyWithPoc();
    const { perUser } = LIMITS.message.participant!;
    const thread = await api.request('POST', `/companies/${company.companyId}/threads`, {
      token: poc.token,
      body: { subject: 'Seal check', body: 'First.' },
    });
    expect(thread.status).toBe(201);
    const path = `/companies/${company.companyId}/threads/${thread.body.threadId}/messages`;
    await succeeds(perUser.count, (i) =>
      api.request('POST', path, { token: poc.token, body: { body: `Reply ${i}.` } }),
    );
    const res = await refusedWithNothingStored('message', perUser.windowSeconds, () =>
      api.request('POST', path, { token: poc.token, body: { body: 'One too many.' } }),
    );
    expect(res.body.error.message).toContain('Too many messages');
    const read = await api.request('GET', `/companies/${company.companyId}/threads`, { token: officer });
    expect(read.body.items[0]).toMatchObject({ messageCount: perUser.count + 1 });
  });

  it("refuses a participant's new thread past their limit", async () => {
    const { company, poc } = await companyWithPoc();
    const { perUser } = LIMITS.thread.participant!;
    const path = `/companies/${company.companyId}/threads`;
    await succeeds(perUser.count, (i) =>
      api.request('POST', path, { token: poc.token, body: { subject: `Thread ${i}`, body: 'Hello.' } }),
    );
    await refusedWithNothingStored('thread', perUser.windowSeconds, () =>
      api.request('POST', path, { token: poc.token, body: { subject: 'Another', body: 'Hello.' } }),
    );
  });

  it('refuses grant requests past the user limit, and past the company limit for a colleague', async () => {
    const { company, poc } = await companyWithPoc();
    const target = (await enrollCompany(api, admin)).companyId;
    const { provisionUser } = await import('../../functions/domain/users.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    const colleagueEmail = uniqueEmail('sharer');
    await provisionUser(allPorts, {
      email: colleagueEmail,
      name: 'Designated Sharer',
      companyId: company.companyId,
      role: 'company-user',
      permissions: { editProfile: false, authorizeSharing: true },
      password: TEST_PASSWORD,
    });
    const colleague = await api.signIn(colleagueEmail);
    const { perUser, perCompany } = LIMITS.grantRequest.participant!;
    const ask = (token: string) =>
      api.request('POST', `/partners/${target}/grant-requests`, { token, body: { scope: 'status' } });

    await succeeds(perUser.count, () => ask(poc.token));
    await refusedWithNothingStored('grantRequest', perUser.windowSeconds, () => ask(poc.token));
    // The POC's refused request did not use up the company's allowance: the colleague has the rest of it.
    await succeeds(perCompany.count - perUser.count, () => ask(colleague));
    const res = await refusedWithNothingStored('grantRequest', perCompany.windowSeconds, () => ask(colleague));
    expect(res.body.error.message).toContain('your company');
    const incoming = await api.request('GET', `/companies/${target}/grant-requests?direction=incoming&limit=100`, {
      token: admin,
    });
    expect(incoming.body.items).toHaveLength(perCompany.count);
  });

  it('counts every partner named by code, found or not, so that past the limit even a right code is refused', async () => {
    const { company, poc } = await companyWithPoc();
    const partner = await enrollCompany(api, admin);
    const { randomSviCodes } = await import('../../functions/domain/svi-codes.ts');
    const { perUser } = LIMITS.partnerCode.participant!;
    const grantTo = (code: string) =>
      api.request('POST', `/companies/${company.companyId}/grants`, {
        token: poc.token,
        body: {
          grantee: { type: 'company', code },
          scope: 'status',
          expiresOn: new Date(START.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
        },
      });
    // Codes tried at random: each a miss (27 billion codes, a handful of companies), each counted.
    for (let i = 0; i < perUser.count; i += 1) {
      const res = await grantTo(randomSviCodes.next());
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'grantee.code', message: 'is not a participant company' }]);
    }
    await refusedWithNothingStored('partnerCode', perUser.windowSeconds, () => grantTo(partner.sviCode!));
    await refusedWithNothingStored('partnerCode', perUser.windowSeconds, () =>
      api.request('POST', '/grant-requests', {
        token: poc.token,
        body: { partnerCode: partner.sviCode, scope: 'status' },
      }),
    );
  });

  it("refuses invitations past the company's limit: no account, no invitation", async () => {
    const { company, poc } = await companyWithPoc();
    const { perCompany } = LIMITS.invitation.participant!;
    const add = (email: string) =>
      api.request('POST', `/companies/${company.companyId}/users`, {
        token: poc.token,
        body: { email, name: 'New Colleague', permissions: { editProfile: false, authorizeSharing: false } },
      });
    await succeeds(perCompany.count, () => add(uniqueEmail('invited')));
    const refused = uniqueEmail('refused');
    await refusedWithNothingStored('invitation', perCompany.windowSeconds, () => add(refused));
    expect(await waitForMail(refused, 0)).toEqual([]);
    // 60 accounts made in cognito-local: about 6 s on an idle machine, past 60 s when the two cores are busy.
  }, 180_000);

  it("refuses a CBP officer's alerts past their limit: nothing published, nobody emailed", async () => {
    const { company } = await companyWithPoc();
    const { perUser } = LIMITS.alert.staff!;
    const publishing = (title: string) =>
      api.request('POST', '/alerts', {
        token: officer,
        body: {
          kind: 'cargo-security-alert',
          title,
          body: 'Inspect seals.',
          severity: 'low',
          audience: { scope: 'companies', companyIds: [company.companyId] },
        },
      });
    await succeeds(perUser.count, (i) => publishing(`Limit alert ${i}`));
    await refusedWithNothingStored('alert', perUser.windowSeconds, () => publishing('One alert too many'));
    expect((await itemsOfKind('alert')).filter((a) => a.title === 'One alert too many')).toEqual([]);
  });

  it("sends CBP's program mailbox at most one digest per company per window, naming the company and nothing written", async () => {
    const { company, poc } = await companyWithPoc();
    const SECRET = 'Trailer 5531 seal replaced at the border';
    const thread = await api.request('POST', `/companies/${company.companyId}/threads`, {
      token: poc.token,
      body: { subject: 'Digest subject', body: SECRET },
    });
    expect(thread.status).toBe(201);
    const path = `/companies/${company.companyId}/threads/${thread.body.threadId}/messages`;
    // 20 messages in all, none of them answered by CBP yet: each would have told the program mailbox.
    await succeeds(19, (i) => api.request('POST', path, { token: poc.token, body: { body: `${SECRET} (${i})` } }));
    const digests = (await deliveries()).filter((d) => d.reason === `message-digest:${company.companyId}`);
    expect(digests).toHaveLength(1);
    const toProgram = (await deliveries()).filter(
      (d) =>
        d.reason.includes(company.companyId) &&
        d.recipients.some((r: { email: string }) => r.email === PROGRAM_MAILBOX),
    );
    expect(toProgram).toEqual(digests);

    const about = (m: StoredEmail) => (m.body.text ?? '').includes(company.legalName);
    const digestMail = async (expected: number) => (await waitForMail(PROGRAM_MAILBOX, expected, about)).filter(about);
    const sendOutbox = await sendOutboxJob();
    await sendOutbox();
    expect(await digestMail(0), 'nothing before the window closes').toEqual([]);

    const windowEnd = Math.ceil(START.getTime() / 1000 / PROGRAM_DIGEST_SECONDS) * PROGRAM_DIGEST_SECONDS * 1000;
    clock.set(new Date(windowEnd + 30_000).toISOString());
    try {
      await sendOutbox();
      const mail = await digestMail(1);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe('C-TPAT portal: New secure messages');
      for (const part of [mail[0]!.subject, mail[0]!.body.text ?? '', mail[0]!.body.html ?? '']) {
        expect(part).not.toContain('Digest subject');
        expect(part).not.toContain('Trailer 5531');
      }
      // The next window's first message opens the next digest.
      expect((await api.request('POST', path, { token: poc.token, body: { body: 'Next window.' } })).status).toBe(201);
      expect((await deliveries()).filter((d) => d.reason === `message-digest:${company.companyId}`)).toHaveLength(2);
    } finally {
      clock.set(START.toISOString());
    }
  });
});

describe('the outbox under a backlog', () => {
  it('sends a cargo security alert in the first call, ahead of 3,000 message notices queued before it', async () => {
    const { newDelivery } = await import('../../functions/domain/deliveries.ts');
    const { EMAIL_TEMPLATES } = await import('../../functions/definitions/email-templates.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    const { publish } = await import('../../functions/domain/alerts.ts');
    const { run } = await import('../../functions/domain/fan-out.ts');
    const { drain } = await import('../../functions/domain/outbox.ts');

    // The scheduled sender's order under a backlog is what this shows, so the stream's senders are
    // paused (as disabled mappings would be) for the rest of the file: the 3,000 notices stay
    // queued, as before the stream. `email-off-request-path.test.ts` shows the stream's own alert lane.
    await streamPoller().pause();
    // Whatever earlier tests left due goes out first: the outbox then holds only what this test queues.
    await drain(allPorts);
    // 3,000 message notices, all due a minute before the alert is published.
    const queuedAt = new Date(clock.now().getTime() - 60_000).toISOString();
    const backlog = Array.from({ length: 3_000 }, (_, i) =>
      newDelivery({
        deliveryId: randomUUID(),
        template: EMAIL_TEMPLATES.messageNotice.name,
        recipients: [{ email: `notice${i}@backlog.example.com`, data: {} }],
        defaultData: { from: 'a participant company' },
        reason: `message:backlog:${i}`,
        now: queuedAt,
      }),
    );
    await putDeliveries(backlog);

    // A company of the alert's audience with three active users.
    const companyId = randomUUID();
    recordSent('POST', '/companies', { legalName: 'Backlog Carrier' });
    await putCompanies([
      {
        companyId,
        legalName: 'Backlog Carrier',
        category: 'rail-carrier',
        pocEmail: `poc-${companyId}@alert.example.com`,
        identifiers: {},
        status: 'active',
        enrolledAt: queuedAt,
        enrolledBy: 'test',
        version: 1,
      },
    ]);
    const recipients = [0, 1, 2].map((u) => `user${u}-${companyId}@alert.example.com`);
    await putMembers(
      recipients.map((email, u) => ({
        companyId,
        userId: randomUUID(),
        email,
        name: `User ${u}`,
        role: u === 0 ? ('primary-poc' as const) : ('company-user' as const),
        status: 'active' as const,
        permissions: { editProfile: true, authorizeSharing: false },
        createdAt: queuedAt,
        version: 1,
      })),
    );
    const input = {
      kind: 'cargo-security-alert' as const,
      title: 'Backlog alert',
      body: 'Inspect every seal.',
      severity: 'critical' as const,
      audience: { scope: 'companies' as const, companyIds: [companyId] },
    };
    recordSent('POST', '/alerts', input);
    const alert = await publish(allPorts, callerFor('cbp-officer'), input);
    await run(allPorts, () => clock.now(), 60_000, alert.alertId);

    // Counted at the SDK boundary, not sent on to the emulator: 3,000 emails would tell nothing more.
    const faults = await injectSesFaults({ forward: false });
    try {
      // One run of the sender, one batch long.
      await drain(allPorts, 0);
    } finally {
      faults.remove();
    }
    expect(faults.ledger.recipientsByCall[0]?.slice().sort()).toEqual(recipients.slice().sort());
    // The backlog is still being worked through: the alert did not wait for it.
    expect(faults.ledger.calls).toBeLessThanOrEqual(3);
  });
});
