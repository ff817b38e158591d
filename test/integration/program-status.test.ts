/**
 * A company's program status (issue 22 item 1, decision 92): every change CBP may make from
 * every status, and every one it may not, through the API on DynamoDB Local, with the audit
 * records and the POC's emails read back from the SES emulator's store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { mailTo, waitForMail } from '../support/mail.ts';
import { auditRecordsOf } from '../support/table.ts';
import { PROGRAM_STATUS_CHANGES, type ProgramStatus } from '../../functions/definitions/program-status.ts';
import type { CompanyView } from '../../functions/schemas/company.ts';

let api: TestApi;
let admin: string;
let officer: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const ACTION_PLAN = 'Verify every container seal (VVTT) at the Laredo dock and send the training records.';
const REASON = 'Seals not verified at the Laredo loading dock during the validation visit.';

const read = async (companyId: string) =>
  (await api.request<CompanyView>('GET', `/companies/${companyId}`, { token: officer })).body;

const change = (c: Pick<CompanyView, 'companyId' | 'version'>, to: string, extra: Record<string, unknown> = {}) =>
  api.request<any>('POST', `/companies/${c.companyId}/program-status`, {
    token: officer,
    body: {
      version: c.version,
      to,
      reason: REASON,
      ...(to === 'suspended' ? { actionPlan: ACTION_PLAN } : {}),
      ...extra,
    },
  });

const changed = async (c: CompanyView, to: string): Promise<CompanyView> => {
  const res = await change(c, to);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** The starting points: each reached through the API as CBP would. */
type Start =
  | 'applicant'
  | 'certified'
  | 'validated'
  | 'suspended from certified'
  | 'suspended from validated'
  | 'removed';
const reach = async (start: Start): Promise<CompanyView> => {
  const applicant = (await enrollCompany(api, admin)) as CompanyView;
  if (start === 'applicant') return applicant;
  if (start === 'removed') {
    const res = await api.request<CompanyView>('POST', `/companies/${applicant.companyId}/removal`, {
      token: officer,
      body: { version: 1, reason: 'Removed for the test.' },
    });
    expect(res.status).toBe(200);
    return res.body;
  }
  const certified = await changed(applicant, 'certified');
  if (start === 'certified') return certified;
  if (start === 'suspended from certified') return changed(certified, 'suspended');
  const validated = await changed(certified, 'validated');
  return start === 'validated' ? validated : changed(validated, 'suspended');
};

const TARGETS = ['certified', 'validated', 'suspended'] as const;
const allowed = (start: Start, to: (typeof TARGETS)[number]): boolean => {
  if (start === 'removed') return false;
  if (start.startsWith('suspended')) return start === `suspended from ${to}`;
  return PROGRAM_STATUS_CHANGES[start as 'applicant' | 'certified' | 'validated'].includes(to);
};
/** The emails the POC was sent on the way there (each change and a removal send one). */
const NOTICES: Record<Start, number> = {
  applicant: 0,
  certified: 1,
  validated: 2,
  'suspended from certified': 2,
  'suspended from validated': 3,
  removed: 1,
};
const statusOf = (start: Start): ProgramStatus =>
  start.startsWith('suspended') ? 'suspended' : (start as ProgramStatus);

describe('program status', () => {
  it('starts an enrolled company as an applicant, with no benefits yet', async () => {
    const c = (await enrollCompany(api, admin)) as CompanyView;
    expect(c).toMatchObject({ status: 'active', programStatus: 'applicant', benefits: 'none' });
    expect(await read(c.companyId)).toMatchObject({ programStatus: 'applicant', benefits: 'none' });
  });

  const STARTS: Start[] = [
    'applicant',
    'certified',
    'validated',
    'suspended from certified',
    'suspended from validated',
    'removed',
  ];
  const cases = STARTS.flatMap((start) => TARGETS.map((to) => [start, to, allowed(start, to)] as const));

  it.each(cases)('from %s to %s: allowed %s', async (start, to, ok) => {
    const before = await reach(start);
    const audits = (await auditRecordsOf(before.companyId)).length;
    // The notices go out through the outbox, off the request: wait for those of the way here.
    const mails = (await waitForMail(before.pocEmail, NOTICES[start])).length;
    expect(mails).toBe(NOTICES[start]);
    const res = await change(before, to);
    if (!ok) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe(start === 'removed' ? 'company_removed' : 'transition_not_allowed');
      if (start !== 'removed') expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'to' })]);
      // Nothing changed: not the company, not the trail, no email.
      expect(await read(before.companyId)).toMatchObject({ programStatus: statusOf(start), version: before.version });
      expect(await auditRecordsOf(before.companyId)).toHaveLength(audits);
      expect(await mailTo(before.pocEmail)).toHaveLength(mails);
      return;
    }
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ programStatus: to, version: before.version + 1 });
    expect(await read(before.companyId)).toMatchObject({
      programStatus: to,
      benefits: to === 'suspended' ? 'suspended' : 'active',
      version: before.version + 1,
    });
    const audit = (await auditRecordsOf(before.companyId)).find(
      (a) =>
        a.action === 'company.program-status-changed' &&
        (a.changes as any).to === to &&
        (a.changes as any).from === statusOf(start),
    );
    expect(audit, 'the audit record of the change').toMatchObject({
      objectType: 'company',
      objectId: before.companyId,
      changes: { from: statusOf(start), to, reason: REASON },
    });
    await waitForMail(before.pocEmail, mails + 1);
  });

  it('suspends with the action plan, returns to where it was when lifted, and tells the POC without the reasons', async () => {
    const validated = await reach('validated');
    const suspended = await changed(validated, 'suspended');
    expect(suspended).toMatchObject({
      programStatus: 'suspended',
      benefits: 'suspended',
      suspension: { reason: REASON, actionPlan: ACTION_PLAN, from: 'validated' },
    });
    const [notice] = (await waitForMail(validated.pocEmail, 3)).slice(-1);
    expect(notice!.subject).toBe("C-TPAT: Your company's C-TPAT benefits have been suspended");
    const said = `${notice!.subject} ${notice!.body.text} ${notice!.body.html}`;
    for (const secret of [REASON, ACTION_PLAN, 'Laredo', validated.legalName]) expect(said).not.toContain(secret);
    expect(notice!.body.text).toContain('action plan to complete are in the portal');

    // Lifted, it is validated again and the suspension is gone (the trail keeps it).
    const lifted = await changed(suspended, 'validated');
    expect(lifted).toMatchObject({ programStatus: 'validated', benefits: 'active' });
    expect(lifted.suspension).toBeUndefined();
    expect((await read(validated.companyId)).suspension).toBeUndefined();
    const trail = (await auditRecordsOf(validated.companyId)).filter(
      (a) => a.action === 'company.program-status-changed',
    );
    expect(trail.map((a) => [(a.changes as any).from, (a.changes as any).to])).toEqual([
      ['applicant', 'certified'],
      ['certified', 'validated'],
      ['validated', 'suspended'],
      ['suspended', 'validated'],
    ]);
    expect(trail[2]!.changes).toMatchObject({ actionPlan: ACTION_PLAN });
    expect(trail[3]!.changes).toMatchObject({ before: { suspension: { actionPlan: ACTION_PLAN } } });
    expect((await waitForMail(validated.pocEmail, 4)).at(-1)!.subject).toBe(
      "C-TPAT: The suspension of your company's C-TPAT benefits has been lifted",
    );
  });

  it('asks for the action plan with a suspension only, naming the field', async () => {
    const certified = await reach('certified');
    const without = await api.request<any>('POST', `/companies/${certified.companyId}/program-status`, {
      token: officer,
      body: { version: certified.version, to: 'suspended', reason: REASON },
    });
    expect(without.status).toBe(400);
    expect(without.body.error.details).toEqual([{ field: 'actionPlan', message: 'is required for a suspension' }]);
    const extra = await change(certified, 'validated', { actionPlan: ACTION_PLAN });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details).toEqual([{ field: 'actionPlan', message: 'is given only with a suspension' }]);
    expect(await read(certified.companyId)).toMatchObject({ programStatus: 'certified', version: certified.version });
  });

  it('refuses a change made on an older version of the company, naming the version', async () => {
    const applicant = await reach('applicant');
    await changed(applicant, 'certified');
    const stale = await change(applicant, 'certified');
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: [{ field: 'version' }] });
  });

  it('shows a removed company as removed and keeps its status through a reinstatement; a reapplication accepted starts over as an applicant', async () => {
    const validated = await reach('validated');
    const removed = await api.request<CompanyView>('POST', `/companies/${validated.companyId}/removal`, {
      token: officer,
      body: { version: validated.version, reason: 'Removed for the test.' },
    });
    expect(removed.body).toMatchObject({ status: 'removed', programStatus: 'removed', benefits: 'revoked' });
    const back = await api.request<CompanyView>('POST', `/companies/${validated.companyId}/reinstatement`, {
      token: admin,
      body: { version: removed.body.version, reason: 'Removed in error.', deadline: '2099-01-01' },
    });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'active', programStatus: 'validated', benefits: 'active' });

    const other = await reach('suspended from certified');
    const poc = await userWithRole(api, 'primary-poc', other.companyId, other.pocEmail);
    const gone = await api.request<CompanyView>('POST', `/companies/${other.companyId}/removal`, {
      token: officer,
      body: { version: other.version, reason: 'Action plan not carried out.' },
    });
    expect(gone.status).toBe(200);
    expect(
      (
        await api.request('POST', `/companies/${other.companyId}/reapplication`, {
          token: poc.token,
          body: { statement: 'New security manager.' },
        })
      ).status,
    ).toBe(200);
    const accepted = await api.request<CompanyView>('POST', `/companies/${other.companyId}/reapplication/decision`, {
      token: officer,
      body: { decision: 'accept', deadline: '2099-01-01' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ programStatus: 'applicant', benefits: 'none' });
    expect(accepted.body.suspension).toBeUndefined();
  });

  it('is changed by CBP only', async () => {
    const c = await reach('applicant');
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const res = await api.request('POST', `/companies/${c.companyId}/program-status`, {
      token: poc.token,
      body: { version: c.version, to: 'certified', reason: 'Self-certified.' },
    });
    expect(res.status).toBe(403);
    expect(await read(c.companyId)).toMatchObject({ programStatus: 'applicant' });
  });
});
