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
import type { DeadlinePolicy } from '../../functions/schemas/deadlines.ts';

let api: TestApi;
let admin: string;
// 00:00 EDT on May 1, 2006: before that day's 06:00 UTC sweep, so a reminder already due goes out that day.
const clock = testClock('2006-05-01T04:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
});
afterAll(() => api.close());

const preview = (category: string, body: unknown, token = admin) =>
  api.request<DeadlineImpact>('POST', `/deadlines/${category}/impact`, { token, body });

const importerPolicy = async () =>
  (await api.request<{ items: DeadlinePolicy[] }>('GET', '/deadlines', { token: admin })).body.items.find(
    (p) => p.category === 'importer',
  )!;

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

  it('is what the sweep then does, day by day, once the revision is saved', async () => {
    const proposed = { deadline: '2006-05-20', newEnrolleeDays: 10, reminderDays: [14, 7, 1] };
    const impact = (await preview('importer', proposed)).body;
    const saved = await api.request('PUT', '/deadlines/importer', {
      token: admin,
      body: { revision: 0, ...proposed, reason: 'Earlier portal update for importers (test).' },
    });
    expect(saved.status).toBe(200);

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
