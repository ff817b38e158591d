/**
 * Each company's Supply Chain Security Specialist (issue 22 item 2, decision 93): assignment and
 * reassignment by a CBP administrator, each audited with who it was before; the specialist's
 * worklist with what each company needs, overdue first; through the API on DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';

type SignedIn = Awaited<ReturnType<typeof userWithRole>>;
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { testClock } from '../support/deadlines.ts';
import { auditRecordsOf, itemsOfKind } from '../support/table.ts';
import type { CompanyView } from '../../functions/schemas/company.ts';
import type { Worklist } from '../../functions/schemas/specialists.ts';

let api: TestApi;
let admin: SignedIn;
let specialist: SignedIn;
let other: SignedIn;
const clock = testClock('2006-05-01T12:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  admin = await userWithRole(api, 'cbp-admin');
  specialist = await userWithRole(api, 'cbp-officer');
  other = await userWithRole(api, 'cbp-officer');
});
afterAll(() => api.close());

const assign = (c: Pick<CompanyView, 'companyId' | 'version'>, userId: string, token = admin.token, reason?: string) =>
  api.request<any>('PUT', `/companies/${c.companyId}/specialist`, {
    token,
    body: { version: c.version, userId, ...(reason ? { reason } : {}) },
  });

const toStatus = async (c: CompanyView, to: string, extra: Record<string, unknown> = {}): Promise<CompanyView> => {
  const res = await api.request<CompanyView>('POST', `/companies/${c.companyId}/program-status`, {
    token: admin.token,
    body: { version: c.version, to, reason: 'For the worklist.', ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

const worklistOf = async (token: string, query = '') => {
  const res = await api.request<Worklist>('GET', `/worklist${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('the specialist', () => {
  it('is assigned by an administrator, then reassigned, each audited with who it was before', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const c = (await enrollCompany(api, admin.token)) as CompanyView;
    const first = await assign(c, specialist.userId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      version: 2,
      specialist: { userId: specialist.userId, assignedBy: admin.userId, assignedAt: '2006-05-01T12:00:00.000Z' },
    });
    expect(first.body.specialist.name).toBeTruthy();

    const again = await assign(first.body, specialist.userId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_assigned');

    clock.set('2006-05-02T12:00:00.000Z');
    const moved = await assign(first.body, other.userId, admin.token, 'Caseload rebalanced.');
    expect(moved.status).toBe(200);
    expect(moved.body.specialist.userId).toBe(other.userId);

    const trail = (await auditRecordsOf(c.companyId)).filter((a) => a.action.startsWith('company.specialist-'));
    expect(trail.map((a) => a.action)).toEqual(['company.specialist-assigned', 'company.specialist-reassigned']);
    expect(trail[0]!.changes).toMatchObject({ before: null, after: { userId: specialist.userId } });
    expect(trail[1]!.changes).toMatchObject({
      before: { userId: specialist.userId },
      after: { userId: other.userId },
      reason: 'Caseload rebalanced.',
    });
    // The company left the first specialist's list for the second's: one entry, the new one's.
    const entries = (await itemsOfKind<{ companyId: string; userId: string }>('specialistAssignment')).filter(
      (e) => e.companyId === c.companyId,
    );
    expect(entries.map((e) => e.userId)).toEqual([other.userId]);
    expect((await worklistOf(specialist.token)).items.map((i) => i.companyId)).not.toContain(c.companyId);
    expect((await worklistOf(other.token)).items.map((i) => i.companyId)).toContain(c.companyId);
  });

  it('is an active CBP staff member, named by the field when not, and assigned on the version read', async () => {
    const c = (await enrollCompany(api, admin.token)) as CompanyView;
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const notStaff = await assign(c, poc.userId);
    expect(notStaff.status).toBe(400);
    expect(notStaff.body.error.details).toEqual([{ field: 'userId', message: 'must be an active CBP staff member' }]);
    const disabled = await userWithRole(api, 'cbp-officer');
    expect(
      (
        await api.request('PATCH', `/staff/${disabled.userId}`, {
          token: admin.token,
          // Version 2: the sign-in that set up the officer's authenticator app marked them enrolled.
          body: { version: 2, status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    expect((await assign(c, disabled.userId)).status).toBe(400);
    const stale = await assign({ ...c, version: 7 }, specialist.userId);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    // An officer may not assign.
    expect((await assign(c, specialist.userId, specialist.token)).status).toBe(403);
    expect((await auditRecordsOf(c.companyId)).filter((a) => a.action.startsWith('company.specialist-'))).toEqual([]);
  });

  it("lists the specialist's companies with what each needs, overdue first, and only theirs", async () => {
    const own = await userWithRole(api, 'cbp-officer');
    clock.set('2006-05-01T12:00:00.000Z');
    const enroll = async (legalName: string) => (await enrollCompany(api, admin.token, { legalName })) as CompanyView;
    const applicant = await enroll('Worklist Applicant');
    const reviewed = await enroll('Worklist Applicant Done');
    const certified = await toStatus(await enroll('Worklist Certified'), 'certified');
    const suspended = await toStatus(await toStatus(await enroll('Worklist Suspended'), 'certified'), 'suspended', {
      actionPlan: 'Fix the seals.',
    });
    const validated = await toStatus(await toStatus(await enroll('Worklist Validated'), 'certified'), 'validated');
    const elsewhere = await enroll('Worklist Of Someone Else');
    // One applicant completed its portal update: its profile is there to review.
    const poc = await userWithRole(api, 'primary-poc', reviewed.companyId, reviewed.pocEmail);
    expect(
      (
        await api.request('PUT', `/companies/${reviewed.companyId}/account-info`, {
          token: poc.token,
          body: accountInfoFor(0),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.request('PUT', `/companies/${reviewed.companyId}/security-profile`, {
          token: poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);
    for (const c of [applicant, reviewed, certified, suspended, validated])
      expect((await assign(await readCompany(c.companyId), own.userId)).status).toBe(200);
    expect((await assign(elsewhere, other.userId)).status).toBe(200);

    // Past the importers' July 1 deadline, the companies that never completed their update are overdue.
    clock.set('2006-07-01T16:00:00.000Z');
    clock.set('2006-07-02T16:00:00.000Z');
    const list = await worklistOf(own.token);
    expect(list.specialist.userId).toBe(own.userId);
    expect(list.items.map((i) => [i.legalName, i.programStatus, i.needs])).toEqual([
      ['Worklist Applicant', 'applicant', ['overdue']],
      ['Worklist Certified', 'certified', ['overdue', 'schedule-validation']],
      ['Worklist Suspended', 'suspended', ['overdue', 'follow-suspension']],
      ['Worklist Validated', 'validated', ['overdue']],
      ['Worklist Applicant Done', 'applicant', ['review-profile']],
    ]);
    expect(list.items[0]).toMatchObject({ dueOn: '2006-07-01', dueKind: 'enrollment' });
    expect(list.items.at(-1)!.dueKind).toBe('recertification');

    // Another officer, or an administrator, reads it by naming the specialist; a company user may not.
    const asAdmin = await worklistOf(admin.token, `?specialist=${own.userId}`);
    expect(asAdmin.items.map((i) => i.companyId)).toEqual(list.items.map((i) => i.companyId));
    expect(asAdmin.specialist.name).toBeTruthy();
    expect((await api.request('GET', `/worklist?specialist=${poc.userId}`, { token: admin.token })).status).toBe(404);
    expect((await api.request('GET', '/worklist', { token: poc.token })).status).toBe(403);
  });
});

const readCompany = async (companyId: string) =>
  (await api.request<CompanyView>('GET', `/companies/${companyId}`, { token: admin.token })).body;
