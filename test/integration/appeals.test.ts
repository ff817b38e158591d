/**
 * Suspension and appeal (issue 22 item 4, decision 94): a suspension opens a 30-day appeal
 * window; the primary POC appeals once within it; a CBP administrator grants the appeal (the
 * suspension is lifted) or denies it (the company is removed). Through the API on DynamoDB
 * Local, with the audit records and the emails from the SES emulator's store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { mailTo, waitForMail } from '../support/mail.ts';
import { testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import { PROGRAM_MAILBOX } from '../../lib/local/bootstrap.ts';
import type { CompanyView } from '../../functions/schemas/company.ts';

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

const STATEMENT = 'Seal verification adopted at every dock on June 3; training records sent on June 5.';

/** A company certified, then suspended on `on` (program time), with its POC's token. */
const suspendedCompany = async (on: string) => {
  clock.set(`${on}T16:00:00.000Z`);
  const c = (await enrollCompany(api, admin)) as CompanyView;
  const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
  let version = c.version;
  for (const body of [
    { to: 'certified', reason: 'Approved.' },
    { to: 'suspended', reason: 'Seals not verified at the cross-dock.', actionPlan: 'Verify every seal.' },
  ]) {
    const res = await api.request<CompanyView>('POST', `/companies/${c.companyId}/program-status`, {
      token: officer,
      body: { version, ...body },
    });
    expect(res.status).toBe(200);
    version = res.body.version;
  }
  return { company: { ...c, version }, poc };
};

const appeal = (companyId: string, token: string, statement = STATEMENT) =>
  api.request<any>('POST', `/companies/${companyId}/appeal`, { token, body: { statement } });
const decide = (c: { companyId: string; version: number }, decision: 'grant' | 'deny', token = admin) =>
  api.request<any>('POST', `/companies/${c.companyId}/appeal/decision`, {
    token,
    body: { version: c.version, decision, comments: `Decided: ${decision}.` },
  });

describe('suspension and appeal', () => {
  it('opens a 30-day window, says so in the email, and takes one appeal within it', async () => {
    const { company, poc } = await suspendedCompany('2006-06-01');
    const read = await api.request<CompanyView>('GET', `/companies/${company.companyId}`, { token: poc.token });
    expect(read.body.suspension).toMatchObject({ appealBy: '2006-07-01', from: 'certified' });
    const [notice] = (await waitForMail(company.pocEmail, 2)).slice(-1);
    expect(notice!.body.text).toContain('may appeal there by July 1, 2006');

    clock.set('2006-07-01T23:00:00.000Z'); // July 1 in program time, the window's last day
    const filed = await appeal(company.companyId, poc.token);
    expect(filed.status).toBe(200);
    expect(filed.body.suspension.appeal).toMatchObject({
      status: 'pending',
      statement: STATEMENT,
      filedBy: poc.userId,
    });
    const again = await appeal(company.companyId, poc.token, 'Again.');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('appeal_filed');
    const trail = await auditRecordsOf(company.companyId);
    expect(trail.filter((a) => a.action === 'company.suspension-appealed')).toEqual([
      expect.objectContaining({ changes: { statement: STATEMENT }, actorId: poc.userId }),
    ]);
    // CBP's program mailbox hears of it, naming the company (it is CBP's own mailbox).
    const about = (m: { body: { text?: string } }) => Boolean(m.body.text?.includes(company.legalName));
    expect((await waitForMail(PROGRAM_MAILBOX, 1, about)).filter(about).map((m) => m.subject)).toContain(
      'C-TPAT portal: Suspension appealed',
    );
  });

  it('refuses an appeal after the window, from a company not suspended, and from anyone but the primary POC', async () => {
    const late = await suspendedCompany('2006-06-01');
    clock.set('2006-07-02T16:00:00.000Z');
    const closed = await appeal(late.company.companyId, late.poc.token);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({
      code: 'appeal_window_closed',
      message: 'The appeal window closed on July 1, 2006.',
    });

    const fine = (await enrollCompany(api, admin)) as CompanyView;
    const finePoc = await userWithRole(api, 'primary-poc', fine.companyId, fine.pocEmail);
    const notSuspended = await appeal(fine.companyId, finePoc.token);
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.body.error.code).toBe('not_suspended');

    const open = await suspendedCompany('2006-07-02');
    const user = await userWithRole(api, 'company-user', open.company.companyId);
    expect((await appeal(open.company.companyId, user.token)).status).toBe(403);
    expect((await appeal(open.company.companyId, finePoc.token)).status).toBe(404);
    for (const c of [late.company, fine, open.company])
      expect((await auditRecordsOf(c.companyId)).filter((a) => a.action === 'company.suspension-appealed')).toEqual([]);
  });

  it('lifts the suspension when an administrator grants the appeal', async () => {
    const { company, poc } = await suspendedCompany('2006-08-01');
    const filed = await appeal(company.companyId, poc.token);
    expect(filed.status).toBe(200);
    // An officer may not decide; an administrator decides on the version read.
    expect((await decide(filed.body, 'grant', officer)).status).toBe(403);
    expect((await decide({ ...filed.body, version: 1 }, 'grant')).body.error.code).toBe('version_conflict');
    const granted = await decide(filed.body, 'grant');
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'active', programStatus: 'certified', benefits: 'active' });
    expect(granted.body.suspension).toBeUndefined();
    const audit = (await auditRecordsOf(company.companyId)).find(
      (a) => a.action === 'company.suspension-appeal-granted',
    );
    expect(audit?.changes).toMatchObject({
      to: 'certified',
      before: { suspension: { appeal: { status: 'granted', statement: STATEMENT, comments: 'Decided: grant.' } } },
    });
    const last = (await waitForMail(company.pocEmail, 3)).at(-1)!;
    expect(last.subject).toBe(
      "C-TPAT: Your appeal was granted: the suspension of your company's C-TPAT benefits has been lifted",
    );
    expect(`${last.body.text}`).not.toContain('Decided');
    // Decided once: a second decision finds nothing to decide.
    expect((await decide(granted.body, 'deny')).body.error.code).toBe('not_suspended');
  });

  it('removes the company when an administrator denies the appeal, keeping the decision', async () => {
    const { company, poc } = await suspendedCompany('2006-09-01');
    const filed = await appeal(company.companyId, poc.token);
    const denied = await decide(filed.body, 'deny');
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({
      status: 'removed',
      programStatus: 'removed',
      benefits: 'revoked',
      removal: { reason: 'cbp-decision', note: 'Decided: deny.' },
      suspension: { appeal: { status: 'denied' } },
    });
    const audit = (await auditRecordsOf(company.companyId)).find(
      (a) => a.action === 'company.suspension-appeal-denied',
    );
    expect(audit?.changes).toMatchObject({ appeal: { status: 'denied' }, set: { status: 'removed' } });
    const subjects = (await waitForMail(company.pocEmail, 3)).map((m) => m.subject);
    expect(subjects.at(-1)).toBe('C-TPAT: your company has been removed from the program');
    // A removed company cannot appeal again; it reapplies.
    expect((await appeal(company.companyId, poc.token)).status).toBe(403);
    expect((await mailTo(company.pocEmail)).length).toBe(3);
  });
});
