/**
 * Deadlines, reminders, removal and recertification (issue 5), through the API and the sweep
 * job on an injected clock, with the emails read back from the SES emulator's store.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { enrollCompany, reauthenticate, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { mailTo, waitForMail, type StoredEmail } from '../support/mail.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { sweepAt, sweepOn, testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import { PROGRAM_MAILBOX } from '../../lib/local/bootstrap.ts';
import type { Company } from '../../functions/schemas/company.ts';
import { sweepJob } from '../support/functions.ts';

let api: TestApi;
let admin: string;
let officer: string;
const clock = testClock('2006-05-01T12:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const company = async (id: string): Promise<Company> =>
  (await api.request<Company>('GET', `/companies/${id}`, { token: officer })).body;
const subjects = async (email: string) => (await mailTo(email)).map((m) => m.subject);
/** CBP's program mailbox's notices about one company, once `expected` of them have been sent. */
const programNoticesAbout = async (legalName: string, expected: number) => {
  const about = (m: StoredEmail) => Boolean(m.body.text?.includes(legalName));
  return (await waitForMail(PROGRAM_MAILBOX, expected, about)).filter(about);
};

/** The POC's account, then account information and a complete profile: the portal update. */
const completeUpdate = async (c: Company) => {
  const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
  expect(
    (await api.request('PUT', `/companies/${c.companyId}/account-info`, { token: poc.token, body: accountInfoFor(0) }))
      .status,
  ).toBe(200);
  expect(
    (
      await api.request('PUT', `/companies/${c.companyId}/security-profile`, {
        token: poc.token,
        body: { version: 0, answers: completeAnswers('importer') },
      })
    ).status,
  ).toBe(201);
  return poc;
};

describe('enrollment deadlines', () => {
  let late: Company;
  let onTime: Company;

  it('reminds at each step of the ladder, once, and leaves a company whose update is complete alone', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    late = await enrollCompany(api, admin);
    onTime = await enrollCompany(api, admin);
    await completeUpdate(onTime);
    await sweepOn(clock, '2006-05-01');
    expect(await subjects(late.pocEmail)).toEqual([]);

    const steps: [string, string][] = [
      ['2006-06-01', '30 days'],
      ['2006-06-17', '14 days'],
      ['2006-06-24', '7 days'],
      ['2006-06-30', '1 day'],
    ];
    for (const [n, [date, daysLeft]] of steps.entries()) {
      await sweepOn(clock, date);
      await sweepOn(clock, date); // a second run the same day sends nothing more
      const mail = await mailTo(late.pocEmail);
      expect(mail, `after ${date}`).toHaveLength(n + 1);
      expect(mail[n]!.subject).toBe('C-TPAT: your portal update is due by July 1, 2006');
      expect(mail[n]!.body.text).toContain(`(${daysLeft} from today)`);
    }
    expect(await subjects(onTime.pocEmail)).toEqual([]);
    expect((await auditRecordsOf(late.companyId)).filter((a) => a.action === 'reminder.sent')).toHaveLength(4);
  });

  it('keeps the company through its deadline day and removes it the day after, telling its POC and CBP', async () => {
    await sweepOn(clock, '2006-07-01');
    expect((await company(late.companyId)).status).toBe('active');

    const report = await sweepOn(clock, '2006-07-02');
    expect(report.actions).toContainEqual(
      expect.stringContaining(`removed ${late.legalName} (importer): enrollment due 2006-07-01 passed`),
    );
    expect(await company(late.companyId)).toMatchObject({
      status: 'removed',
      benefits: 'revoked',
      removal: { at: '2006-07-02T06:00:00.000Z', reason: 'enrollment-deadline-missed', by: 'system:sweep' },
      version: 2,
    });
    const notice = (await mailTo(late.pocEmail)).at(-1)!;
    expect(notice.subject).toBe('C-TPAT: your company has been removed from the program');
    expect(notice.body.text).toContain(
      'removed from C-TPAT on July 2, 2006 because its portal update was not completed by the deadline',
    );
    expect(notice.body.text).not.toContain(late.legalName);
    // A removal revokes benefits; a suspension is a different, lesser sanction and is never the word for it.
    expect(notice.body.text).toContain('Its C-TPAT benefits are revoked from that date.');
    expect(`${notice.subject} ${notice.body.text} ${notice.body.html}`).not.toMatch(/suspend/i);
    expect(await programNoticesAbout(late.legalName, 1)).toHaveLength(1);

    await sweepOn(clock, '2006-07-02');
    expect(await mailTo(late.pocEmail)).toHaveLength(5);
    expect(await programNoticesAbout(late.legalName, 1)).toHaveLength(1);
    expect((await auditRecordsOf(late.companyId)).filter((a) => a.action === 'company.removed')).toHaveLength(1);
    // Version 2: the save that completed the update.
    expect(await company(onTime.companyId)).toMatchObject({ status: 'active', version: 2 });
  });
});

describe('program time: deadlines are days in Washington (decision 24)', () => {
  const status = async (c: Company) => (await company(c.companyId)).status;

  it('meets July 1, 2006 through 23:59 EDT and removes the company at 00:00 EDT on July 2', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    await sweepAt(clock, '2006-05-01T12:00:00.000Z');
    // 8 pm EDT on June 30 is July 1 in UTC; in Washington one day is left.
    await sweepAt(clock, '2006-07-01T00:00:00.000Z');
    expect((await mailTo(c.pocEmail)).at(-1)!.body.text).toContain('(1 day from today)');
    // Midnight UTC is 8 pm on July 1 in Washington: the old UTC day's end, not the program's.
    await sweepAt(clock, '2006-07-02T00:00:00.000Z');
    expect(await status(c)).toBe('active');
    await sweepAt(clock, '2006-07-02T03:59:00.000Z');
    expect(await status(c)).toBe('active');

    const report = await sweepAt(clock, '2006-07-02T04:00:00.000Z');
    expect(report.actions).toContainEqual(
      expect.stringContaining(`removed ${c.legalName} (importer): enrollment due 2006-07-01 passed`),
    );
    expect(await company(c.companyId)).toMatchObject({
      status: 'removed',
      removal: { at: '2006-07-02T04:00:00.000Z', reason: 'enrollment-deadline-missed' },
    });
    expect((await mailTo(c.pocEmail)).at(-1)!.body.text).toContain('removed from C-TPAT on July 2, 2006');
  });

  it('meets a deadline on the day DST ends (October 29, 2006) through 23:59 EST, reminding at 00:00 EDT the day before', async () => {
    // Enrolled August 30: 60 days for a late importer, due October 29, the day clocks go back.
    clock.set('2006-08-30T15:00:00.000Z');
    const c = await enrollCompany(api, admin);
    await sweepAt(clock, '2006-08-30T15:00:00.000Z');
    await sweepAt(clock, '2006-10-22T06:00:00.000Z');
    const reminders = (await mailTo(c.pocEmail)).length;
    expect((await mailTo(c.pocEmail)).at(-1)!.subject).toBe('C-TPAT: your portal update is due by October 29, 2006');
    // D - 1 starts at 00:00 EDT on October 28 (04:00Z), not a minute before.
    await sweepAt(clock, '2006-10-28T03:59:00.000Z');
    expect(await mailTo(c.pocEmail)).toHaveLength(reminders);
    await sweepAt(clock, '2006-10-28T04:00:00.000Z');
    expect(await mailTo(c.pocEmail)).toHaveLength(reminders + 1);
    expect((await mailTo(c.pocEmail)).at(-1)!.body.text).toContain('(1 day from today)');

    // October 29 has 25 hours and ends at 00:00 EST on the 30th, 05:00Z; 04:00Z is 23:00 EST.
    await sweepAt(clock, '2006-10-30T04:00:00.000Z');
    expect(await status(c)).toBe('active');
    await sweepAt(clock, '2006-10-30T04:59:00.000Z');
    expect(await status(c)).toBe('active');
    const report = await sweepAt(clock, '2006-10-30T05:00:00.000Z');
    expect(report.actions).toContainEqual(
      expect.stringContaining(`removed ${c.legalName} (importer): enrollment due 2006-10-29 passed`),
    );
    expect(await status(c)).toBe('removed');
  });

  it('meets a deadline on the day DST starts (March 11, 2007) through 23:59 EDT and removes at 00:00 EDT the next day', async () => {
    // Enrolled January 10, 2007: due March 11, the day clocks go forward (it has 23 hours).
    clock.set('2007-01-10T15:00:00.000Z');
    const c = await enrollCompany(api, admin);
    await sweepAt(clock, '2007-01-10T15:00:00.000Z');
    await sweepAt(clock, '2007-03-12T03:59:00.000Z');
    expect(await status(c)).toBe('active');
    const report = await sweepAt(clock, '2007-03-12T04:00:00.000Z');
    expect(report.actions).toContainEqual(
      expect.stringContaining(`removed ${c.legalName} (importer): enrollment due 2007-03-11 passed`),
    );
    expect(await status(c)).toBe('removed');
  });
});

describe('deadline revisions and extensions', () => {
  it('moves the removal date with a revised category deadline, later and then earlier, keeping every revision', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const broker = await enrollCompany(api, admin, { category: 'customs-broker', identifiers: { filerCode: 'B7X' } });
    await sweepOn(clock, '2006-05-01');

    clock.set('2006-06-20T15:00:00.000Z');
    const later = await api.request('PUT', '/deadlines/customs-broker', {
      token: admin,
      body: {
        revision: 0,
        deadline: '2006-09-01',
        newEnrolleeDays: 60,
        reminderDays: [30, 14, 7, 1],
        reason: 'CBP moved brokers to September 1, 2006.',
      },
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({
      category: 'customs-broker',
      deadline: '2006-09-01',
      revision: 1,
      revisedAt: '2006-06-20T15:00:00.000Z',
    });

    await sweepOn(clock, '2006-07-02');
    await sweepOn(clock, '2006-08-02');
    expect((await company(broker.companyId)).status).toBe('active');
    expect(await subjects(broker.pocEmail)).toEqual(['C-TPAT: your portal update is due by September 1, 2006']);

    clock.set('2006-08-03T01:00:00.000Z');
    // An earlier date needs a second administrator (decision 91): proposed by one, approved by another.
    const earlierTerms = {
      revision: 1,
      deadline: '2006-08-20',
      newEnrolleeDays: 60,
      reminderDays: [30, 14, 7, 1],
      reason: 'Brought forward.',
    };
    expect((await api.request('PUT', '/deadlines/customs-broker', { token: admin, body: earlierTerms })).status).toBe(
      409,
    );
    const proposal = await api.request('POST', '/deadlines/customs-broker/proposal', {
      token: admin,
      body: earlierTerms,
    });
    expect(proposal.status).toBe(201);
    const secondAdmin = (await userWithRole(api, 'cbp-admin')).token;
    const earlier = await api.request('POST', '/deadlines/customs-broker/proposal/decision', {
      token: secondAdmin,
      body: { decision: 'approve', proposedAt: proposal.body.proposedAt },
    });
    expect(earlier.status).toBe(200);
    // The new date makes its 30-day step due at once: one reminder, sent by the next sweep.
    await sweepOn(clock, '2006-08-03');
    expect((await mailTo(broker.pocEmail)).at(-1)!.subject).toBe(
      'C-TPAT: your portal update is due by August 20, 2006',
    );
    expect((await mailTo(broker.pocEmail)).at(-1)!.body.text).toContain('(17 days from today)');
    await sweepOn(clock, '2006-08-21');
    expect(await company(broker.companyId)).toMatchObject({
      status: 'removed',
      removal: { at: '2006-08-21T06:00:00.000Z' },
    });

    const history = await api.request('GET', '/deadlines/customs-broker/history', { token: officer });
    expect(history.body.items.map((p: { revision: number; deadline: string }) => [p.revision, p.deadline])).toEqual([
      [2, '2006-08-20'],
      [1, '2006-09-01'],
      [0, '2006-08-01'],
    ]);
    expect(history.body.items[0]).toMatchObject({
      reason: 'Brought forward.',
      revisedBy: expect.any(String),
      revisedAt: '2006-08-03T01:00:00.000Z',
    });
    const listed = await api.request('GET', '/deadlines', { token: admin });
    expect(listed.body.items.find((p: { category: string }) => p.category === 'customs-broker')).toMatchObject({
      revision: 2,
      deadline: '2006-08-20',
    });
    expect(
      (await auditRecordsOf('CBP')).filter((a) => a.action === 'deadline-policy.revised').map((a) => a.objectId),
    ).toEqual(['customs-broker', 'customs-broker']);
  });

  it('refuses a revision that names a stale one', async () => {
    const stale = await api.request('PUT', '/deadlines/customs-broker', {
      token: admin,
      body: { revision: 1, deadline: '2006-10-01', newEnrolleeDays: 60, reminderDays: [30], reason: 'Stale.' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual([{ field: 'version', message: 'current version is 2' }]);
  });

  it("extends one company's deadline, audited with the reason", async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const extended = await enrollCompany(api, admin);
    clock.set('2006-06-10T12:00:00.000Z');
    const res = await api.request('POST', `/companies/${extended.companyId}/deadline-extension`, {
      token: admin,
      body: { deadline: '2006-07-15', reason: 'Hurricane damage.' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deadlineExtendedTo: '2006-07-15', version: 2 });
    expect(
      (
        await api.request('POST', `/companies/${extended.companyId}/deadline-extension`, {
          token: admin,
          body: { deadline: '2006-06-01', reason: 'Past.' },
        })
      ).status,
    ).toBe(400);

    await sweepOn(clock, '2006-07-02');
    expect((await company(extended.companyId)).status).toBe('active');
    await sweepOn(clock, '2006-07-16');
    expect(await company(extended.companyId)).toMatchObject({
      status: 'removed',
      removal: { reason: 'enrollment-deadline-missed' },
    });
    expect(
      (await auditRecordsOf(extended.companyId)).find((a) => a.action === 'company.deadline-extended'),
    ).toMatchObject({
      changes: { reason: 'Hurricane damage.', after: '2006-07-15' },
    });
  });
});

describe('annual recertification', () => {
  it('opens the review window 90 days ahead and removes a company whose certification lapsed', async () => {
    clock.set('2006-05-02T12:00:00.000Z');
    const certified = await enrollCompany(api, admin);
    const poc = await completeUpdate(certified);
    await reauthenticate(api, poc.token);
    expect(
      (
        await api.request('POST', `/companies/${certified.companyId}/certifications`, {
          token: poc.token,
          body: { profileVersion: 1, attestation: true },
        })
      ).status,
    ).toBe(201);
    await sweepOn(clock, '2006-05-03');
    await sweepOn(clock, '2007-02-01');
    const window = (await mailTo(certified.pocEmail)).at(-1)!;
    expect(window.subject).toBe('C-TPAT: your annual recertification is due by May 2, 2007');
    expect(window.body.text).toContain('The review window is open');
    await sweepOn(clock, '2007-05-02');
    expect((await company(certified.companyId)).status).toBe('active');
    await sweepOn(clock, '2007-05-03');
    expect(await company(certified.companyId)).toMatchObject({
      status: 'removed',
      removal: { reason: 'certification-lapsed' },
    });
    expect((await mailTo(certified.pocEmail)).at(-1)!.body.text).toContain(
      'its annual recertification was not submitted by the due date',
    );
  });

  it('keeps a company that certifies in its window', async () => {
    clock.set('2008-01-02T12:00:00.000Z');
    const renewing = await enrollCompany(api, admin);
    const poc = await completeUpdate(renewing);
    await reauthenticate(api, poc.token);
    expect(
      (
        await api.request('POST', `/companies/${renewing.companyId}/certifications`, {
          token: poc.token,
          body: { profileVersion: 1, attestation: true },
        })
      ).status,
    ).toBe(201);
    clock.set('2008-12-01T12:00:00.000Z');
    // The profile has not changed since: the POC re-confirms it.
    await reauthenticate(api, poc.token);
    expect(
      (
        await api.request('POST', `/companies/${renewing.companyId}/certifications`, {
          token: poc.token,
          body: { profileVersion: 1, attestation: true, reviewedUnchanged: true },
        })
      ).status,
    ).toBe(201);
    await sweepOn(clock, '2009-01-03');
    expect((await company(renewing.companyId)).status).toBe('active');
  });
});

describe('after removal', () => {
  it('reinstates a removed company, audited with the reason, with a new due date', async () => {
    clock.set('2010-03-01T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const removed = await api.request('POST', `/companies/${c.companyId}/removal`, {
      token: officer,
      body: { version: 1, reason: 'Validation visit failed.' },
    });
    expect(removed.body).toMatchObject({
      status: 'removed',
      removal: { reason: 'cbp-decision', note: 'Validation visit failed.' },
      version: 2,
    });
    expect((await api.request('GET', `/companies/${c.companyId}/account-info`, { token: poc.token })).status).toBe(403);
    expect(await programNoticesAbout(c.legalName, 1)).toHaveLength(1);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/reapplication`, {
          token: poc.token,
          body: { statement: 'Please reconsider.' },
        })
      ).status,
    ).toBe(200);

    const stale = await api.request('POST', `/companies/${c.companyId}/reinstatement`, {
      token: admin,
      body: { version: 1, reason: 'x', deadline: '2010-06-01' },
    });
    expect(stale.status).toBe(409);
    const back = await api.request('POST', `/companies/${c.companyId}/reinstatement`, {
      token: admin,
      body: { version: 3, reason: 'The visit report was wrong.', deadline: '2010-06-01' },
    });
    expect(back.status).toBe(200);
    // Back in the program where it stood before: an applicant, never certified (decision 92).
    expect(back.body).toMatchObject({
      status: 'active',
      programStatus: 'applicant',
      benefits: 'none',
      deadlineExtendedTo: '2010-06-01',
      reinstatedAt: '2010-03-01T12:00:00.000Z',
      version: 4,
    });
    // The removal and the reapplication waiting for a decision are over (the audit trail keeps both).
    expect(back.body.removal).toBeUndefined();
    expect(back.body.reapplication).toBeUndefined();
    expect(await company(c.companyId)).toMatchObject({ status: 'active', version: 4 });
    expect((await api.request('GET', `/companies/${c.companyId}/security-profile`, { token: poc.token })).status).toBe(
      200,
    );
    const reinstated = (m: StoredEmail) => m.subject === 'C-TPAT: Your company has been reinstated in C-TPAT';
    expect((await waitForMail(c.pocEmail, 1, reinstated)).at(-1)!.subject).toBe(
      'C-TPAT: Your company has been reinstated in C-TPAT',
    );
    expect((await auditRecordsOf(c.companyId)).find((a) => a.action === 'company.reinstated')).toMatchObject({
      changes: { reason: 'The visit report was wrong.' },
    });

    // Without the new date it would have been due April 30 (60 days after enrollment).
    await sweepOn(clock, '2010-05-02');
    expect((await company(c.companyId)).status).toBe('active');
    await sweepOn(clock, '2010-06-02');
    expect((await company(c.companyId)).status).toBe('removed');
  });

  it('reopens every obligation a reinstated company had, so one certified before its update is still recertified', async () => {
    const obligations = await import('../../functions/data/obligation-store.ts');
    clock.set('2013-01-02T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    // A complete profile is certified, but the account information never comes: removed for the deadline.
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/security-profile`, {
          token: poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);
    await reauthenticate(api, poc.token);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/certifications`, {
          token: poc.token,
          body: { profileVersion: 1, attestation: true },
        })
      ).status,
    ).toBe(201);
    await sweepOn(clock, '2013-03-05');
    const removed = await company(c.companyId);
    expect(removed).toMatchObject({ status: 'removed', removal: { reason: 'enrollment-deadline-missed' } });
    expect(await obligations.ofCompany(c.companyId)).toEqual([]);

    clock.set('2013-03-06T12:00:00.000Z');
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/reinstatement`, {
          token: admin,
          body: { version: removed.version, reason: 'Filed on paper.', deadline: '2013-04-01' },
        })
      ).status,
    ).toBe(200);
    expect((await obligations.ofCompany(c.companyId)).map((o) => [o.kind, o.extendedTo ?? o.dueDate])).toEqual([
      ['enrollment', '2013-04-01'],
      ['recertification', '2014-01-02'],
    ]);
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/account-info`, {
          token: poc.token,
          body: accountInfoFor(0),
        })
      ).status,
    ).toBe(200);
    expect((await obligations.ofCompany(c.companyId)).map((o) => o.kind)).toEqual(['recertification']);
  });

  it("takes a removed company's reapplication and accepts it back with a new deadline", async () => {
    clock.set('2011-03-01T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    await api.request('POST', `/companies/${c.companyId}/removal`, {
      token: officer,
      body: { version: 1, reason: 'Removed.' },
    });

    const applied = await api.request('POST', `/companies/${c.companyId}/reapplication`, {
      token: poc.token,
      body: { statement: 'New security manager; profile rewritten.' },
    });
    expect(applied.status).toBe(200);
    expect(applied.body.reapplication).toMatchObject({
      status: 'pending',
      statement: 'New security manager; profile rewritten.',
    });
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/reapplication`, {
          token: poc.token,
          body: { statement: 'Again.' },
        })
      ).status,
    ).toBe(409);
    expect((await programNoticesAbout(c.legalName, 2)).map((m) => m.subject)).toContain(
      'C-TPAT portal: Reapplication submitted',
    );

    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/reapplication/decision`, {
          token: officer,
          body: { decision: 'accept' },
        })
      ).status,
    ).toBe(400);
    const accepted = await api.request('POST', `/companies/${c.companyId}/reapplication/decision`, {
      token: officer,
      body: { decision: 'accept', deadline: '2011-05-01' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'active',
      deadlineExtendedTo: '2011-05-01',
      reapplication: { status: 'accepted', deadline: '2011-05-01' },
    });
    await completeUpdateAs(poc.token, c);
    await sweepOn(clock, '2011-05-02');
    expect((await company(c.companyId)).status).toBe('active');
  });
});

/** The update, by a POC who already has an account (after a reapplication it starts over). */
const completeUpdateAs = async (token: string, c: Company) => {
  const info = await api.request('GET', `/companies/${c.companyId}/account-info`, { token });
  expect(
    (
      await api.request('PUT', `/companies/${c.companyId}/account-info`, {
        token,
        body: accountInfoFor(info.status === 200 ? info.body.version : 0),
      })
    ).status,
  ).toBe(200);
  const profile = await api.request('GET', `/companies/${c.companyId}/security-profile`, { token });
  expect(
    (
      await api.request('PUT', `/companies/${c.companyId}/security-profile`, {
        token,
        body: { version: profile.body.version, answers: completeAnswers('importer') },
      })
    ).status,
  ).toBe(201);
};

describe('who is told', () => {
  it('sends reminders to the new primary POC after a hand-over', async () => {
    clock.set('2014-05-01T12:00:00.000Z');
    const c = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const successor = await userWithRole(api, 'company-user', c.companyId);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/primary-poc`, {
          token: poc.token,
          body: { userId: successor.userId },
        })
      ).status,
    ).toBe(200);
    expect((await company(c.companyId)).pocEmail).toBe(successor.email);
    await sweepOn(clock, '2014-05-01');
    await sweepOn(clock, '2014-06-01');
    expect(await subjects(successor.email)).toEqual(['C-TPAT: your portal update is due by June 30, 2014']);
    expect(await subjects(c.pocEmail)).toEqual([]);
  });
});

describe('exactly once', () => {
  it('finishes on a re-run what a sweep that failed halfway left, sending nothing twice', async () => {
    const { sweep, SweepIncomplete } = await import('../../functions/domain/sweep.ts');
    const { uuidIds } = await import('../../functions/domain/clock.ts');
    const real = {
      ids: uuidIds,
      obligations: await import('../../functions/data/obligation-store.ts'),
      deadlines: await import('../../functions/data/deadline-store.ts'),
      standing: await import('../../functions/data/standing-store.ts'),
      programEmail: PROGRAM_MAILBOX,
    };
    clock.set('2015-05-01T12:00:00.000Z');
    const companies = await Promise.all(Array.from({ length: 6 }, () => enrollCompany(api, admin)));
    await sweepOn(clock, '2015-05-01');

    // Every other reminder fails (a throttled write): the run acts on the rest, then fails.
    let calls = 0;
    const flaky = {
      ...real,
      obligations: {
        ...real.obligations,
        remind: async (...args: Parameters<typeof real.obligations.remind>) => {
          calls += 1;
          if (calls % 2 === 0) throw new Error('injected: ProvisionedThroughputExceededException');
          return real.obligations.remind(...args);
        },
      },
    };
    const at = new Date('2015-05-31T06:00:00.000Z');
    clock.set(at.toISOString());
    const failed = await sweep(flaky, at).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(SweepIncomplete);
    expect((failed as InstanceType<typeof SweepIncomplete>).report.failed).toBeGreaterThan(0);

    await sweepOn(clock, '2015-05-31');
    await sweepOn(clock, '2015-05-31');
    for (const c of companies)
      expect(await subjects(c.pocEmail)).toEqual(['C-TPAT: your portal update is due by June 30, 2015']);
  });

  it('two sweeps at once leave the same result as one: one reminder and one removal each', async () => {
    clock.set('2012-05-01T12:00:00.000Z');
    const revised = await api.request('GET', '/deadlines', { token: admin });
    const rail = revised.body.items.find((p: { category: string }) => p.category === 'rail-carrier');
    expect(
      (
        await api.request('PUT', '/deadlines/rail-carrier', {
          token: admin,
          body: {
            revision: rail.revision,
            deadline: '2012-07-01',
            newEnrolleeDays: 30,
            reminderDays: [30, 14, 7, 1],
            reason: 'A 2012 round.',
          },
        })
      ).status,
    ).toBe(200);
    const carriers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        enrollCompany(api, admin, {
          category: 'rail-carrier',
          identifiers: { scac: `RR${String.fromCharCode(65 + i)}` },
        }),
      ),
    );
    await sweepOn(clock, '2012-05-01');

    clock.set('2012-06-01T06:00:00.000Z');
    const sweep = await sweepJob();
    const [a, b] = await Promise.all([
      sweep({ asOf: '2012-06-01T06:00:00.000Z' }),
      sweep({ asOf: '2012-06-01T06:00:00.000Z' }),
    ]);
    expect(a.reminded + b.reminded).toBe(8);
    const [c, d] = await Promise.all([
      sweep({ asOf: '2012-07-02T06:00:00.000Z' }),
      sweep({ asOf: '2012-07-02T06:00:00.000Z' }),
    ]);
    expect(c.removed + d.removed).toBe(8);
    await sweepOn(clock, '2012-07-02');

    for (const carrier of carriers) {
      expect((await subjects(carrier.pocEmail)).sort()).toEqual([
        'C-TPAT: your company has been removed from the program',
        'C-TPAT: your portal update is due by July 1, 2012',
      ]);
      expect(await programNoticesAbout(carrier.legalName, 1)).toHaveLength(1);
      expect((await auditRecordsOf(carrier.companyId)).filter((r) => r.action === 'company.removed')).toHaveLength(1);
      expect(await company(carrier.companyId)).toMatchObject({ status: 'removed', version: 2 });
    }
  });
});
