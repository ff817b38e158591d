/**
 * Concurrent writers (issue 8, item 4; DESIGN section 8: "concurrent writers never lose an
 * update"): fifty requests at once on one security profile, one user list and one deadline
 * policy, and twenty account requests for one email. Exactly one writer of a version wins, every
 * other gets a 409, and nothing written is lost. Each test prints its figures.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollCompany,
  startTestApi,
  uniqueEmail,
  userWithRole,
  type ApiResponse,
  type TestApi,
} from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { auditRecordsOf, membersOf } from '../support/table.ts';
import { waitForMail } from '../support/mail.ts';

const WRITERS = 50;
let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
});
afterAll(() => api.close());

const tally = (answers: readonly ApiResponse[]) => ({
  won: answers.filter((a) => a.status < 300).length,
  conflicts: answers.filter((a) => a.status === 409).length,
  other: answers.filter((a) => a.status >= 300 && a.status !== 409).map((a) => a.status),
});

describe('fifty writers at once', () => {
  it('on one security profile: one new version, 49 conflicts, no answer lost', async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const path = `/companies/${company.companyId}/security-profile`;
    expect(
      (
        await api.request('PUT', `/companies/${company.companyId}/account-info`, {
          token: poc.token,
          body: accountInfoFor(0),
        })
      ).status,
    ).toBe(200);
    const answers = completeAnswers('importer');
    expect((await api.request('PUT', path, { token: poc.token, body: { version: 0, answers } })).status).toBe(201);

    // Each writer changes one answer of its own, all from version 1.
    const writes = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => {
        const [section, questions] = Object.entries(answers)[0]!;
        const question = Object.keys(questions).find((q) => typeof questions[q] === 'string')!;
        return api.request('PUT', path, {
          token: poc.token,
          body: {
            version: 1,
            answers: { ...answers, [section]: { ...questions, [question]: `Writer ${i} was here.` } },
          },
        });
      }),
    );
    const t = tally(writes);
    console.log(
      `[concurrency] security profile: ${WRITERS} writers, ${t.won} saved, ${t.conflicts} conflicts, ${t.other.length} other answers`,
    );
    expect(t).toEqual({ won: 1, conflicts: WRITERS - 1, other: [] });
    const winner = writes.find((w) => w.status === 201)!;
    const current = await api.request('GET', path, { token: poc.token });
    expect(current.body.version).toBe(2);
    expect(current.body.answers).toEqual(winner.body.answers);
    expect((await api.request('GET', `${path}/versions`, { token: poc.token })).body.items).toHaveLength(2);
    const audits = (await auditRecordsOf(company.companyId)).filter((a) => a.action === 'security-profile.saved');
    expect(audits).toHaveLength(2);
  });

  it('on one user list: fifty users added at once are all there; fifty edits of one user from one version leave one', async () => {
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const path = `/companies/${company.companyId}/users`;
    // Each addition as the portal's own client sends it (decision 69): with an Idempotency-Key, sent
    // again with the same key after a 503 or 504 (cognito-local, one process writing one file, can
    // take longer than its bound with fifty at once) or while the first is still running (409
    // request_in_progress). The answer counted is the last.
    const addOnce = async (i: number): Promise<ApiResponse> => {
      const headers = { 'idempotency-key': randomUUID() };
      const body = {
        email: uniqueEmail(`crowd${i}`),
        name: `Crowd ${i}`,
        permissions: { editProfile: false, authorizeSharing: false },
      };
      // As the client does, a key still held is waited out (for up to two minutes here), not counted.
      const until = Date.now() + 120_000;
      for (let attempt = 1; ; ) {
        const answer = await api.request('POST', path, { token: poc.token, headers, body });
        const held = answer.status === 409 && answer.body?.error?.code === 'request_in_progress';
        if (!held) attempt += 1;
        const again = held || answer.status === 503 || answer.status === 504;
        if (!again || attempt > 30 || Date.now() > until) return answer;
        await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(answer.headers.get('retry-after') ?? 1)));
      }
    };
    const adds = await Promise.all(Array.from({ length: WRITERS }, (_, i) => addOnce(i)));
    const added = tally(adds);
    const list = await api.request('GET', `${path}?limit=100`, { token: poc.token });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const listed = list.body.items;
    console.log(
      `[concurrency] user list: ${WRITERS} additions at once, ${added.won} created, ${listed.length - 1} listed besides the POC`,
    );
    const refused = adds.filter((a) => a.status >= 300).map((a) => `${a.status} ${a.body?.error?.code ?? ''}`);
    expect(added, refused.join(', ')).toEqual({ won: WRITERS, conflicts: 0, other: [] });
    expect(listed).toHaveLength(WRITERS + 1);

    const target = adds[0]!.body.userId;
    const edits = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api.request('PATCH', `${path}/${target}`, {
          token: poc.token,
          body: { version: 1, permissions: { editProfile: i % 2 === 0, authorizeSharing: i % 3 === 0 } },
        }),
      ),
    );
    const edited = tally(edits);
    console.log(
      `[concurrency] one user: ${WRITERS} edits from version 1, ${edited.won} applied, ${edited.conflicts} conflicts`,
    );
    expect(edited).toEqual({ won: 1, conflicts: WRITERS - 1, other: [] });
    const stored = await api.request('GET', `${path}/${target}`, { token: poc.token });
    expect(stored.body).toMatchObject({
      version: 2,
      permissions: edits.find((e) => e.status === 200)!.body.permissions,
    });
  });

  it('on one deadline policy: one revision, 49 conflicts, the history holds exactly it', async () => {
    const before = (await api.request('GET', '/deadlines', { token: admin })).body.items.find(
      (p: { category: string }) => p.category === 'third-party-logistics',
    );
    const revisions = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api.request('PUT', '/deadlines/third-party-logistics', {
          token: admin,
          body: {
            revision: before.revision,
            deadline: null,
            newEnrolleeDays: 60 + i,
            reminderDays: [30, 7],
            reason: `Writer ${i}.`,
          },
        }),
      ),
    );
    const t = tally(revisions);
    console.log(
      `[concurrency] deadline policy: ${WRITERS} revisions of revision ${before.revision}, ${t.won} kept, ${t.conflicts} conflicts`,
    );
    expect(t).toEqual({ won: 1, conflicts: WRITERS - 1, other: [] });
    const history = (await api.request('GET', '/deadlines/third-party-logistics/history', { token: admin })).body.items;
    const winner = revisions.find((r) => r.status === 200)!.body;
    expect(history.filter((h: { revision: number }) => h.revision > before.revision)).toEqual([
      expect.objectContaining({ revision: before.revision + 1, newEnrolleeDays: winner.newEnrolleeDays }),
    ]);
  });

  it('twenty account requests for one email make one account and one invitation', async () => {
    const company = await enrollCompany(api, admin);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request('POST', '/auth/signup', {
          body: { email: company.pocEmail },
          headers: { 'x-forwarded-for': `10.9.0.${i}` },
        }),
      ),
    );
    const accounts = (await membersOf(company.companyId)).length;
    const invitations = (await waitForMail(company.pocEmail, 1)).length;
    console.log(
      `[concurrency] account requests: 20 at once for one email, ${accounts} account, ${invitations} invitation`,
    );
    expect(answers.every((a) => a.status === 202 || a.status === 429)).toBe(true);
    expect(accounts).toBe(1);
    expect(invitations).toBe(1);
  });
});
