/**
 * A deadline revision's impact, previewed before it is saved (issue 22, item 5): which companies
 * the sweep would remind or remove, and on which days, read-only; then the revision is saved and
 * the sweep runs every day on the test's clock, and does exactly what the preview said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { sweepOn, testClock } from '../support/deadlines.ts';
import { allItems, auditRecordsOf } from '../support/table.ts';
import { programDate } from '../../functions/definitions/program-time.ts';
import type { Company } from '../../functions/schemas/company.ts';
import type { DeadlineImpact } from '../../functions/schemas/deadline-impact.ts';
import type { DeadlinePolicy, DeadlineProposal } from '../../functions/schemas/deadlines.ts';

let api: TestApi;
let admin: string;
let secondAdmin: string;
let officer: string;
// 00:00 EDT on May 1, 2006: before that day's 06:00 UTC sweep, so a reminder already due goes out that day.
const clock = testClock('2006-05-01T04:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  secondAdmin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const preview = (category: string, body: unknown, token = admin) =>
  api.request<DeadlineImpact>('POST', `/deadlines/${category}/impact`, { token, body });

const policyOf = async (category: string) =>
  (await api.request<{ items: DeadlinePolicy[] }>('GET', '/deadlines', { token: admin })).body.items.find(
    (p) => p.category === category,
  );
const importerPolicy = async () => (await policyOf('importer'))!;
const brokerPolicy = async () => (await policyOf('customs-broker'))!;

describe('a deadline revision previewed', () => {
  let first: Company;
  let second: Company;

  it("lists each company's new due date, the reminders and the removal the sweep would make, and changes nothing", async () => {
    first = await enrollCompany(api, admin, { legalName: 'Earlier Dates Imports' });
    second = await enrollCompany(api, admin, { legalName: 'Alder Street Importers' });
    const items = (await allItems()).length;

    // Everyone by May 20, new enrollees within 10 days, reminders 14, 7 and 1 day before.
    const proposed = { deadline: '2006-05-20', newEnrolleeDays: 10, reminderDays: [14, 7, 1] };
    const res = await preview('importer', proposed);
    expect(res.status).toBe(200);
    const impact = res.body;
    expect(impact.current.revision).toBe(0);
    expect(impact.proposed).toEqual(proposed);
    const rows = impact.companies.filter((c) => [first.companyId, second.companyId].includes(c.companyId));
    // Soonest removal first, then by name: both on May 21, Alder before Earlier.
    expect(rows.map((r) => r.legalName)).toEqual(['Alder Street Importers', 'Earlier Dates Imports']);
    for (const row of rows) {
      expect(row).toMatchObject({
        obligation: 'enrollment',
        // Today: the later of July 1 and 60 days after enrollment (June 30): July 1.
        dueDate: { current: '2006-07-01', proposed: '2006-05-20' },
        reminders: [
          { on: '2006-05-06', daysLeft: 14 },
          { on: '2006-05-13', daysLeft: 7 },
          { on: '2006-05-19', daysLeft: 1 },
        ],
        removalOn: '2006-05-21',
      });
    }
    expect(impact.summary).toMatchObject({
      removals: impact.companies.length,
      removalsWithinWindow: impact.companies.length,
      windowDays: 30,
      movesEarlier: true,
      needsSecondApproval: true,
    });
    expect(impact.truncated).toBe(false);

    // Read-only: the policy in force is unchanged and nothing was stored (no audit record either).
    expect((await importerPolicy()).revision).toBe(0);
    expect((await allItems()).length).toBe(items);
  });

  it('finds nothing to approve twice in a revision that moves no date earlier and removes no one soon', async () => {
    const impact = (await preview('importer', { deadline: '2006-09-01', newEnrolleeDays: 60, reminderDays: [30, 7] }))
      .body;
    const row = impact.companies.find((c) => c.companyId === first.companyId)!;
    expect(row.dueDate).toEqual({ current: '2006-07-01', proposed: '2006-09-01' });
    expect(row.reminders).toEqual([
      { on: '2006-08-02', daysLeft: 30 },
      { on: '2006-08-25', daysLeft: 7 },
    ]);
    expect(row.removalOn).toBe('2006-09-02');
    expect(impact.summary).toMatchObject({ movesEarlier: false, removalsWithinWindow: 0, needsSecondApproval: false });
  });

  it('refuses bad terms with a 400 naming the field', async () => {
    const res = await preview('importer', { deadline: '2006-05-20', newEnrolleeDays: 10, reminderDays: [14, 14] });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('reminderDays');
  });

  it('is what the sweep then does, day by day, once the revision is approved and in force', async () => {
    const proposed = { deadline: '2006-05-20', newEnrolleeDays: 10, reminderDays: [14, 7, 1] };
    const impact = (await preview('importer', proposed)).body;
    const body = { revision: 0, ...proposed, reason: 'Earlier portal update for importers (test).' };
    // Saved directly it is refused: it moves dates earlier and removes within 30 days.
    const direct = await api.request('PUT', '/deadlines/importer', { token: admin, body });
    expect(direct.status).toBe(409);
    expect(direct.body.error.code).toBe('second_approval_required');
    const proposal = await api.request('POST', '/deadlines/importer/proposal', { token: admin, body });
    expect(proposal.status).toBe(201);
    const approved = await api.request('POST', '/deadlines/importer/proposal/decision', {
      token: secondAdmin,
      body: { decision: 'approve', proposedAt: proposal.body.proposedAt },
    });
    expect(approved.status).toBe(200);

    for (let day = 1; day <= 22; day += 1) await sweepOn(clock, `2006-05-${String(day).padStart(2, '0')}`);

    for (const company of [first, second]) {
      const expected = impact.companies.find((c) => c.companyId === company.companyId)!;
      const trail = await auditRecordsOf(company.companyId);
      const reminded = trail
        .filter((r) => r.action === 'reminder.sent')
        .map((r) => ({ on: programDate(r.at), daysLeft: (r.changes as { step: number }).step }))
        .sort((a, b) => a.on.localeCompare(b.on));
      const removed = trail.filter((r) => r.action === 'company.removed').map((r) => programDate(r.at));
      expect({ reminders: reminded, removalOn: removed[0] ?? null }, company.legalName).toEqual({
        reminders: expected.reminders,
        removalOn: expected.removalOn,
      });
    }
  });
});

describe('the two-person rule for deadline revisions', () => {
  const earlier = (revision: number) => ({
    revision,
    deadline: '2006-05-25',
    newEnrolleeDays: 10,
    reminderDays: [7, 1],
    reason: 'Brought forward for brokers (test).',
  });

  it("keeps an earlier revision waiting for a second administrator, refuses its author's approval, and puts it in force on another's", async () => {
    clock.set('2006-05-02T14:00:00.000Z');
    const broker = await enrollCompany(api, admin, {
      category: 'customs-broker',
      legalName: 'Second Look Brokers',
      identifiers: { filerCode: 'S2L' },
    });
    const refused = await api.request('PUT', '/deadlines/customs-broker', { token: admin, body: earlier(0) });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'second_approval_required' });
    expect(refused.body.error.message).toMatch(/moves a due date earlier: propose it/);

    const proposed = await api.request<DeadlineProposal>('POST', '/deadlines/customs-broker/proposal', {
      token: admin,
      body: earlier(0),
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      category: 'customs-broker',
      revision: 1,
      deadline: '2006-05-25',
      proposedAt: '2006-05-02T14:00:00.000Z',
      impact: { movesEarlier: true, needsSecondApproval: true, removals: 1, removalsWithinWindow: 1 },
    });
    // One at a time; CBP officers see what waits; nothing is in force yet.
    expect(
      (await api.request('POST', '/deadlines/customs-broker/proposal', { token: secondAdmin, body: earlier(0) })).body
        .error.code,
    ).toBe('proposal_pending');
    const waiting = await api.request<{ items: DeadlineProposal[] }>('GET', '/deadline-proposals', { token: officer });
    expect(waiting.body.items.map((p) => p.category)).toEqual(['customs-broker']);
    expect((await brokerPolicy()).revision).toBe(0);

    // Its author cannot approve it; a stale read of it cannot either.
    const own = await api.request('POST', '/deadlines/customs-broker/proposal/decision', {
      token: admin,
      body: { decision: 'approve', proposedAt: proposed.body.proposedAt },
    });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('two_person_rule');
    const stale = await api.request('POST', '/deadlines/customs-broker/proposal/decision', {
      token: secondAdmin,
      body: { decision: 'approve', proposedAt: '2006-05-01T00:00:00.000Z' },
    });
    expect(stale.status).toBe(409);

    const approved = await api.request<{ decision: string; policy: DeadlinePolicy }>(
      'POST',
      '/deadlines/customs-broker/proposal/decision',
      {
        token: secondAdmin,
        body: { decision: 'approve', proposedAt: proposed.body.proposedAt },
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.decision).toBe('approved');
    expect(approved.body.policy).toMatchObject({
      revision: 1,
      deadline: '2006-05-25',
      revisedBy: proposed.body.proposedBy,
    });
    expect(approved.body.policy.approvedBy).toEqual(expect.any(String));
    expect(approved.body.policy.approvedBy).not.toBe(proposed.body.proposedBy);
    expect(await brokerPolicy()).toMatchObject({ revision: 1, deadline: '2006-05-25' });
    expect((await api.request('GET', '/deadline-proposals', { token: officer })).body.items).toEqual([]);
    // Approved once: a repeat finds nothing to approve.
    expect(
      (
        await api.request('POST', '/deadlines/customs-broker/proposal/decision', {
          token: secondAdmin,
          body: { decision: 'approve', proposedAt: proposed.body.proposedAt },
        })
      ).status,
    ).toBe(404);
    const trail = (await auditRecordsOf('CBP')).filter((r) => r.objectId === 'customs-broker');
    expect(trail.map((r) => r.action).sort()).toEqual(['deadline-policy.proposed', 'deadline-policy.revised']);
    expect(broker.companyId).toBeTruthy();
  });

  it('withdraws a proposal, audited, and refuses one another revision overtook', async () => {
    clock.set('2006-05-03T14:00:00.000Z');
    const policy = (await policyOf('sea-carrier'))!;
    const body = { ...earlier(policy.revision), reason: 'Sea carriers earlier (test).' };
    const first = await api.request<DeadlineProposal>('POST', '/deadlines/sea-carrier/proposal', {
      token: admin,
      body,
    });
    expect(first.status).toBe(201);
    const withdrawn = await api.request('POST', '/deadlines/sea-carrier/proposal/decision', {
      token: secondAdmin,
      body: { decision: 'withdraw', proposedAt: first.body.proposedAt },
    });
    expect(withdrawn.status).toBe(200);
    expect(
      (await auditRecordsOf('CBP')).filter(
        (r) => r.objectId === 'sea-carrier' && r.action === 'deadline-policy.proposal-withdrawn',
      ),
    ).toHaveLength(1);

    // Proposed again, then a later revision (no second approval needed) is saved first.
    clock.set('2006-05-03T15:00:00.000Z');
    const second = await api.request<DeadlineProposal>('POST', '/deadlines/sea-carrier/proposal', {
      token: admin,
      body,
    });
    expect(second.status).toBe(201);
    const later = await api.request('PUT', '/deadlines/sea-carrier', {
      token: admin,
      body: {
        revision: policy.revision,
        deadline: '2006-12-01',
        newEnrolleeDays: 60,
        reminderDays: [30],
        reason: 'Later.',
      },
    });
    expect(later.status).toBe(200);
    const overtaken = await api.request('POST', '/deadlines/sea-carrier/proposal/decision', {
      token: secondAdmin,
      body: { decision: 'approve', proposedAt: second.body.proposedAt },
    });
    expect(overtaken.status).toBe(409);
    expect(overtaken.body.error.code).toBe('proposal_changed');
    expect((await policyOf('sea-carrier'))!.deadline).toBe('2006-12-01');
  });
});
