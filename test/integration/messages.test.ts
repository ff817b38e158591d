/**
 * Secure messages (issue 6, item 4): threads between a company and CBP, both ways, with unread
 * counts per side and notice emails that carry no message content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { waitForMail, type StoredEmail } from '../support/mail.ts';
import { auditRecordsOf } from '../support/table.ts';
import { PROGRAM_MAILBOX } from '../../lib/local/bootstrap.ts';
import { useClock } from '../../functions/domain/clock.ts';
import { sendOutboxJob } from '../support/functions.ts';

let api: TestApi;
let admin: string;
let officer: { email: string; token: string };
let companyId: string;
let companyName: string;
let poc: { email: string; token: string };

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = await userWithRole(api, 'cbp-officer');
  const company = await enrollCompany(api, admin);
  companyId = company.companyId;
  companyName = company.legalName;
  poc = await userWithRole(api, 'primary-poc', companyId, company.pocEmail);
});
afterAll(() => api.close());

const SECRET = 'Container MSCU1234567 seal 88231 was found cut';
const noContent = (email: { subject: string; body: { text?: string; html?: string } }) => {
  for (const part of [email.subject, email.body.text ?? '', email.body.html ?? '']) {
    expect(part).not.toContain('MSCU1234567');
    expect(part).not.toContain('Seal discrepancy');
  }
};

describe('secure messages', () => {
  let threadId: string;

  it("lets a company user start a thread; CBP's program mailbox hears of it in the window's digest, without its content, and CBP sees it unread", async () => {
    const started = await api.request('POST', `/companies/${companyId}/threads`, {
      token: poc.token,
      body: { subject: 'Seal discrepancy', body: SECRET },
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      subject: 'Seal discrepancy',
      startedBySide: 'company',
      messageCount: 1,
      unread: 0,
    });
    threadId = started.body.threadId;

    // The digest goes out as its 15-minute window closes: move the portal's clock past it and run the sender.
    const isDigest = (m: StoredEmail) =>
      m.subject === 'C-TPAT portal: New secure messages' && (m.body.text ?? '').includes(companyName);
    const digestOf = async (expected: number) =>
      (await waitForMail(PROGRAM_MAILBOX, expected, isDigest)).filter(isDigest);
    expect(await digestOf(0)).toEqual([]);
    useClock({ now: () => new Date(Date.now() + 16 * 60_000) });
    try {
      await (await sendOutboxJob())();
    } finally {
      useClock({ now: () => new Date() });
    }
    const notices = await digestOf(1);
    expect(notices).toHaveLength(1);
    notices.forEach(noContent);

    const listed = await api.request('GET', `/companies/${companyId}/threads`, { token: officer.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ threadId, unread: 1 })]);
    const read = await api.request('GET', `/companies/${companyId}/threads/${threadId}/messages`, {
      token: officer.token,
    });
    expect(read.body.items).toEqual([
      expect.objectContaining({ body: SECRET, authorSide: 'company', authorId: expect.any(String) }),
    ]);
    expect(
      (await api.request('GET', `/companies/${companyId}/threads`, { token: officer.token })).body.items[0].unread,
    ).toBe(0);
  });

  it("answers both ways: each reply tells the other side's participants, never with its text", async () => {
    const reply = await api.request('POST', `/companies/${companyId}/threads/${threadId}/messages`, {
      token: officer.token,
      body: { body: `Re: ${SECRET}. Send the seal log.` },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ authorSide: 'cbp', threadId });
    const toPoc = await waitForMail(poc.email, 1);
    expect(toPoc.map((m) => m.subject)).toEqual(['C-TPAT: a new secure message from CBP']);
    toPoc.forEach(noContent);
    expect(
      (await api.request('GET', `/companies/${companyId}/threads`, { token: poc.token })).body.items[0],
    ).toMatchObject({ unread: 1, messageCount: 2 });

    const read = await api.request('GET', `/companies/${companyId}/threads/${threadId}/messages`, { token: poc.token });
    expect(read.body.items.map((m: { authorSide: string }) => m.authorSide)).toEqual(['company', 'cbp']);
    expect(read.body.thread.unread).toBe(0);

    expect(
      (
        await api.request('POST', `/companies/${companyId}/threads/${threadId}/messages`, {
          token: poc.token,
          body: { body: 'Log uploaded.' },
        })
      ).status,
    ).toBe(201);
    const toOfficer = await waitForMail(officer.email, 1);
    expect(toOfficer.map((m) => m.subject)).toEqual(['C-TPAT: a new secure message from a participant company']);
    toOfficer.forEach(noContent);

    const actions = (await auditRecordsOf(companyId))
      .map((a) => a.action)
      .filter((a) => a.startsWith('thread.') || a.startsWith('message.'));
    expect(actions.sort()).toEqual(['message.posted', 'message.posted', 'thread.started']);
  });

  it("keeps a thread from another company's users", async () => {
    const other = await enrollCompany(api, admin);
    const otherPoc = await userWithRole(api, 'primary-poc', other.companyId, other.pocEmail);
    expect(
      (await api.request('GET', `/companies/${companyId}/threads/${threadId}/messages`, { token: otherPoc.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await api.request('GET', `/companies/${other.companyId}/threads/${threadId}/messages`, {
          token: otherPoc.token,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.request('POST', `/companies/${companyId}/threads/${threadId}/messages`, {
          token: otherPoc.token,
          body: { body: 'Hi' },
        })
      ).status,
    ).toBe(404);
  });

  it("lets a removed company's users read and write their messages, and nothing else", async () => {
    const company = await api.request('GET', `/companies/${companyId}`, { token: officer.token });
    expect(
      (
        await api.request('POST', `/companies/${companyId}/removal`, {
          token: officer.token,
          body: { version: company.body.version, reason: 'Removed for the test.' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await api.request('GET', `/companies/${companyId}/threads/${threadId}/messages`, { token: poc.token })).status,
    ).toBe(200);
    expect(
      (
        await api.request('POST', `/companies/${companyId}/threads/${threadId}/messages`, {
          token: poc.token,
          body: { body: 'We will reapply.' },
        })
      ).status,
    ).toBe(201);
    expect((await api.request('GET', `/companies/${companyId}/account-info`, { token: poc.token })).status).toBe(403);
  });

  it('refuses an empty or oversized message, storing nothing', async () => {
    const before = (
      await api.request('GET', `/companies/${companyId}/threads/${threadId}/messages`, { token: officer.token })
    ).body.items.length;
    const empty = await api.request('POST', `/companies/${companyId}/threads/${threadId}/messages`, {
      token: officer.token,
      body: { body: '   ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toEqual([{ field: 'body', message: 'must not be empty' }]);
    expect(
      (
        await api.request('POST', `/companies/${companyId}/threads/${threadId}/messages`, {
          token: officer.token,
          body: { body: 'x'.repeat(10_001) },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api.request('GET', `/companies/${companyId}/threads/${threadId}/messages`, { token: officer.token })).body
        .items,
    ).toHaveLength(before);
  });

  it("tells only participants who are still active; with none left, the company's point of contact hears", async () => {
    const company = await enrollCompany(api, admin);
    const ownPoc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const user = await userWithRole(api, 'company-user', company.companyId, uniqueEmail('leaver'));
    const started = await api.request('POST', `/companies/${company.companyId}/threads`, {
      token: user.token,
      body: { subject: 'Question', body: 'Which form?' },
    });
    expect(started.status).toBe(201);
    const thread = started.body.threadId;
    expect(
      (
        await api.request('POST', `/companies/${company.companyId}/threads/${thread}/messages`, {
          token: officer.token,
          body: { body: 'Form 7.' },
        })
      ).status,
    ).toBe(201);
    expect(await waitForMail(user.email, 1)).toHaveLength(1);

    expect(
      (
        await api.request('PATCH', `/companies/${company.companyId}/users/${user.userId}`, {
          token: ownPoc.token,
          body: { version: 1, status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.request('POST', `/companies/${company.companyId}/threads/${thread}/messages`, {
          token: officer.token,
          body: { body: 'Any news?' },
        })
      ).status,
    ).toBe(201);
    expect((await waitForMail(ownPoc.email, 1)).map((m) => m.subject)).toEqual([
      'C-TPAT: a new secure message from CBP',
    ]);
    expect(await waitForMail(user.email, 1)).toHaveLength(1);
  });

  it('marks read only what the reader saw: not an earlier page, and not a reply that arrives meanwhile', async () => {
    const company = await enrollCompany(api, admin);
    const ownPoc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const path = `/companies/${company.companyId}/threads`;
    const thread = (
      await api.request('POST', path, { token: officer.token, body: { subject: 'Three notes', body: 'One.' } })
    ).body.threadId;
    for (const body of ['Two.', 'Three.'])
      expect(
        (await api.request('POST', `${path}/${thread}/messages`, { token: officer.token, body: { body } })).status,
      ).toBe(201);
    const unread = async () => (await api.request('GET', path, { token: ownPoc.token })).body.items[0].unread;
    expect(await unread()).toBe(3);

    const first = await api.request('GET', `${path}/${thread}/messages?limit=1`, { token: ownPoc.token });
    expect(first.body.nextCursor).not.toBeNull();
    expect(first.body.thread.unread).toBe(3);
    expect(await unread()).toBe(3);

    // The reader saw three unread; a fourth message lands before their read marker does.
    const { markRead } = await import('../../functions/data/message-store.ts');
    expect(
      (await api.request('POST', `${path}/${thread}/messages`, { token: officer.token, body: { body: 'Four.' } }))
        .status,
    ).toBe(201);
    await markRead(company.companyId, thread, 'company', 3);
    expect(await unread()).toBe(1);

    const all = await api.request('GET', `${path}/${thread}/messages?limit=50`, { token: ownPoc.token });
    expect(all.body.items).toHaveLength(4);
    expect(all.body.thread.unread).toBe(0);
    expect(await unread()).toBe(0);
  });
});
