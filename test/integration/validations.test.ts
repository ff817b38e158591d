/**
 * Validations (issue 22 item 3, decision 96): from scheduling to every required action accepted,
 * through the API on DynamoDB Local, with the audit trail and the POC's emails from the SES
 * emulator's store, on an injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { waitForMail } from '../support/mail.ts';
import { testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import { questionsFor } from '../../functions/definitions/criteria.ts';
import type { CompanyView } from '../../functions/schemas/company.ts';
import type { Validation } from '../../functions/schemas/validations.ts';

let api: TestApi;
let officer: string;
let officerId: string;
let admin: string;
const clock = testClock('2006-05-01T12:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  const o = await userWithRole(api, 'cbp-officer');
  officer = o.token;
  officerId = o.userId;
  admin = (await userWithRole(api, 'cbp-admin')).token;
});
afterAll(() => api.close());

const [first, second] = questionsFor('importer').map((s) => `${s.id}.${s.questions[0]!.id}`);
const FINDING = 'Seals were not verified at the Laredo loading dock.';

const post = <T = any>(path: string, token: string, body: object) => api.request<T>('POST', path, { token, body });

describe('a validation', () => {
  it('goes from its proposed date to every action accepted, and the certified company becomes validated', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const enrolled = (await enrollCompany(api, officer)) as CompanyView;
    const certified = await post<CompanyView>(`/companies/${enrolled.companyId}/program-status`, officer, {
      version: 1,
      to: 'certified',
      reason: 'Approved.',
    });
    expect(certified.status).toBe(200);
    const poc = await userWithRole(api, 'primary-poc', enrolled.companyId, enrolled.pocEmail);
    const viewer = await userWithRole(api, 'company-user', enrolled.companyId);
    const editor = await userWithRole(api, 'company-user', enrolled.companyId);
    expect(
      (
        await api.request('PATCH', `/companies/${enrolled.companyId}/users/${editor.userId}`, {
          token: poc.token,
          body: { version: 1, permissions: { editProfile: true, authorizeSharing: false } },
        })
      ).status,
    ).toBe(200);
    const base = `/companies/${enrolled.companyId}/validations`;

    // CBP proposes a date; one validation at a time.
    const scheduled = await post<Validation>(base, officer, {
      scheduledFor: '2006-06-15',
      sites: ['Laredo cross-dock'],
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({ status: 'scheduling', awaiting: 'company', scheduledFor: '2006-06-15' });
    expect((await post(base, officer, { scheduledFor: '2006-06-16', sites: ['Elsewhere'] })).body.error.code).toBe(
      'validation_open',
    );
    const at = (suffix: string) => `${base}/${scheduled.body.validationId}/${suffix}`;
    let v = scheduled.body;
    expect((await waitForMail(enrolled.pocEmail, 2)).at(-1)!.subject).toBe(
      'C-TPAT: CBP proposes a C-TPAT validation on June 15, 2006',
    );

    // The company proposes another date; the date then waits for CBP, which confirms it.
    const proposed = await post<Validation>(at('date'), poc.token, {
      version: v.version,
      decision: 'propose',
      date: '2006-06-20',
    });
    expect(proposed.body).toMatchObject({ awaiting: 'cbp', scheduledFor: '2006-06-20' });
    v = proposed.body;
    expect((await post(at('date'), poc.token, { version: v.version, decision: 'confirm' })).body.error.code).toBe(
      'date_not_awaited',
    );
    const confirmed = await post<Validation>(at('date'), officer, { version: v.version, decision: 'confirm' });
    expect(confirmed.body).toMatchObject({ status: 'scheduled', awaiting: null, scheduledFor: '2006-06-20' });
    v = confirmed.body;

    // The report: each action tied to one of the company's questions, due after today.
    clock.set('2006-06-21T12:00:00.000Z');
    const bad = await post(at('report'), officer, {
      version: v.version,
      summary: 'Visit done.',
      actions: [
        { criterion: 'no-such.question', finding: FINDING, dueOn: '2006-07-21' },
        { criterion: first, finding: FINDING, dueOn: '2006-06-21' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'actions.0.criterion',
      'actions.1.dueOn',
    ]);
    const reported = await post<Validation>(at('report'), officer, {
      version: v.version,
      summary: 'Visited the cross-dock; seals and access reviewed.',
      actions: [
        { criterion: first, finding: FINDING, dueOn: '2006-07-21' },
        { criterion: second, finding: 'Visitor log incomplete.', dueOn: '2006-07-31' },
      ],
    });
    expect(reported.status).toBe(200);
    expect(reported.body.status).toBe('reported');
    expect(reported.body.actions.map((a) => [a.actionId, a.status])).toEqual([
      ['A1', 'open'],
      ['A2', 'open'],
    ]);
    v = reported.body;
    const reportMail = (await waitForMail(enrolled.pocEmail, 4)).at(-1)!;
    expect(reportMail.body.text).toContain('2 required actions are due, the first by July 21, 2006');
    expect(`${reportMail.subject} ${reportMail.body.text} ${reportMail.body.html}`).not.toContain('Laredo');

    // The company answers: a user without the right to edit may not; the POC and an editor may.
    expect((await post(at('actions/A1/answer'), viewer.token, { version: v.version, text: 'x' })).status).toBe(403);
    v = (await post<Validation>(at('actions/A1/answer'), poc.token, { version: v.version, text: 'VVTT adopted.' }))
      .body;
    v = (await post<Validation>(at('actions/A2/answer'), editor.token, { version: v.version, text: 'Log completed.' }))
      .body;
    expect(v.actions.map((a) => a.status)).toEqual(['answered', 'answered']);
    expect(
      (await post(at('actions/A1/answer'), poc.token, { version: v.version, text: 'Again.' })).body.error.code,
    ).toBe('action_not_open');
    // The specialist's worklist asks them to review the answers.
    const current = (await api.request<CompanyView>('GET', `/companies/${enrolled.companyId}`, { token: admin })).body;
    const assigned = await api.request('PUT', `/companies/${enrolled.companyId}/specialist`, {
      token: admin,
      body: { version: current.version, userId: officerId },
    });
    expect(assigned.status).toBe(200);
    const worklist = (await api.request<any>('GET', '/worklist', { token: officer })).body;
    expect(worklist.items.find((i: { companyId: string }) => i.companyId === enrolled.companyId)?.needs).toEqual([
      'review-answers',
    ]);

    // CBP returns one with comments, which the company answers again; then accepts both.
    expect((await post(at('actions/A1/review'), officer, { version: v.version, decision: 'return' })).status).toBe(400);
    v = (
      await post<Validation>(at('actions/A1/review'), officer, {
        version: v.version,
        decision: 'return',
        comments: 'Send the training log.',
      })
    ).body;
    expect(v.actions[0]).toMatchObject({ status: 'returned', review: { comments: 'Send the training log.' } });
    expect((await waitForMail(enrolled.pocEmail, 5)).at(-1)!.body.text).toContain('answer again by July 21, 2006');
    v = (await post<Validation>(at('actions/A1/answer'), poc.token, { version: v.version, text: 'Log attached.' }))
      .body;
    v = (await post<Validation>(at('actions/A1/review'), officer, { version: v.version, decision: 'accept' })).body;
    expect(v.status).toBe('reported');
    const closed = await post<Validation>(at('actions/A2/review'), officer, { version: v.version, decision: 'accept' });
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: '2006-06-21T12:00:00.000Z' });
    const company = (await api.request<CompanyView>('GET', `/companies/${enrolled.companyId}`, { token: officer }))
      .body;
    expect(company).toMatchObject({ programStatus: 'validated', benefits: 'active' });
    expect((await waitForMail(enrolled.pocEmail, 6)).at(-1)!.subject).toBe('C-TPAT: Your company is now validated');

    const trail = (await auditRecordsOf(enrolled.companyId)).map((a) => a.action);
    for (const action of [
      'validation.scheduled',
      'validation.date-proposed',
      'validation.date-confirmed',
      'validation.reported',
      'validation.action-answered',
      'validation.action-returned',
      'validation.action-accepted',
    ])
      expect(trail, action).toContain(action);
    expect(
      (await auditRecordsOf(enrolled.companyId)).find((a) => a.changes && (a.changes as any).to === 'validated'),
    ).toBeDefined();
    // The company reads its validation with the findings and CBP's comments.
    const read = await api.request<{ items: Validation[] }>('GET', base, { token: viewer.token });
    expect(read.body.items[0]).toMatchObject({ status: 'closed', actions: [{ finding: FINDING }, {}] });
  });

  it('closes at once when the report has no required action', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const c = (await enrollCompany(api, officer)) as CompanyView;
    const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
    const base = `/companies/${c.companyId}/validations`;
    const v = (await post<Validation>(base, officer, { scheduledFor: '2006-05-10', sites: ['Headquarters'] })).body;
    const ok = (
      await post<Validation>(`${base}/${v.validationId}/date`, poc.token, { version: 1, decision: 'confirm' })
    ).body;
    const done = await post<Validation>(`${base}/${v.validationId}/report`, officer, {
      version: ok.version,
      summary: 'No findings.',
      actions: [],
    });
    expect(done.body.status).toBe('closed');
    // An applicant is not certified: closing does not make it validated.
    expect(
      (await api.request<CompanyView>('GET', `/companies/${c.companyId}`, { token: officer })).body.programStatus,
    ).toBe('applicant');
    expect((await waitForMail(c.pocEmail, 2)).map((m) => m.subject)).toContain(
      'C-TPAT: Your C-TPAT validation is closed',
    );
  });
});
