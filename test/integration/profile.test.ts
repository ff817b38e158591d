import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { enrollCompany, reauthenticate, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { forgetLastCertification, setNextCertificationDue, setStoredAnsweredCount } from '../support/fixtures.ts';
import { auditRecordsOf } from '../support/table.ts';
import { MAX_TEXT_ANSWER, questionsFor } from '../../functions/definitions/criteria.ts';
import { addYears, programDate, programDayStart } from '../../functions/definitions/program-time.ts';
import { windowOpensAt } from '../../functions/domain/certification-rules.ts';

let api: TestApi;
let officer: Awaited<ReturnType<typeof userWithRole>>;

beforeAll(async () => {
  api = await startTestApi();
  officer = await userWithRole(api, 'cbp-officer');
});
afterAll(() => api.close());

const companyWithPoc = async (category: 'importer' | 'customs-broker' = 'importer') => {
  const identifiers = category === 'importer' ? { iorNumber: '12-3456789AB', ein: '12-3456789' } : { filerCode: 'LB7' };
  const company = await enrollCompany(api, officer.token, { category, identifiers });
  const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  const base = `/companies/${company.companyId}`;
  return { company, poc, base };
};

describe('Portal Account Information', () => {
  it("is saved whole with the category's identifiers, versioned, and refused with field errors", async () => {
    const { company, poc, base } = await companyWithPoc();
    expect((await api.request('GET', `${base}/account-info`, { token: poc.token })).status).toBe(404);

    const bad = await api.request('PUT', `${base}/account-info`, {
      token: poc.token,
      body: {
        ...accountInfoFor(0),
        contacts: [{ name: 'A', title: 'B', email: 'nope', phone: '555-1234' }],
        identifiers: { ein: '12-3456789' },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'contacts.0.email',
      'contacts.0.phone',
    ]);

    const missingIor = await api.request('PUT', `${base}/account-info`, {
      token: poc.token,
      body: { ...accountInfoFor(0), identifiers: { ein: '12-3456789' } },
    });
    expect(missingIor.status).toBe(400);
    expect(missingIor.body.error.details).toEqual([
      { field: 'identifiers.iorNumber', message: 'is required for category importer' },
    ]);

    const saved = await api.request('PUT', `${base}/account-info`, { token: poc.token, body: accountInfoFor(0) });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, updatedBy: poc.userId, companyId: company.companyId });
    const stale = await api.request('PUT', `${base}/account-info`, { token: poc.token, body: accountInfoFor(0) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details[0].message).toBe('current version is 1');

    const byCbp = await api.request('GET', `${base}/account-info`, { token: officer.token });
    expect(byCbp.body.contacts[0].name).toBe('Dana Reyes');
    expect(
      (await api.request('PUT', `${base}/account-info`, { token: officer.token, body: accountInfoFor(1) })).status,
    ).toBe(403);
  });
});

describe('Supply Chain Security Profile', () => {
  it('lists exactly the missing required answers of an incomplete save, and a complete save marks the requirement met', async () => {
    const { company, poc, base } = await companyWithPoc();
    expect(
      (await api.request('PUT', `${base}/account-info`, { token: poc.token, body: accountInfoFor(0) })).status,
    ).toBe(200);

    const full = completeAnswers('importer');
    const partial = structuredClone(full);
    delete partial['personnel-security']!['background-checks'];
    delete partial['information-technology-security']!['mfa']; // optional: not reported missing
    delete partial['physical-security'];
    const first = await api.request('PUT', `${base}/security-profile`, {
      token: poc.token,
      body: { version: 0, answers: partial },
    });
    expect(first.status).toBe(201);
    expect(first.body.completeness.complete).toBe(false);
    const requiredPhysical = questionsFor('importer')
      .find((s) => s.id === 'physical-security')!
      .questions.filter((q) => q.required)
      .map((q) => `physical-security.${q.id}`);
    expect(
      first.body.completeness.missing
        .map((m: { section: string; question: string }) => `${m.section}.${m.question}`)
        .sort(),
    ).toEqual(['personnel-security.background-checks', ...requiredPhysical].sort());
    expect((await api.request('GET', base, { token: poc.token })).body.portalUpdateCompletedAt).toBeUndefined();

    const second = await api.request('PUT', `${base}/security-profile`, {
      token: poc.token,
      body: { version: 1, answers: full },
    });
    expect(second.status).toBe(201);
    expect(second.body.completeness).toMatchObject({ complete: true, missing: [] });
    // `full` answers the optional questions too; they do not count towards the required ones.
    expect(second.body.completeness.answered).toBe(second.body.completeness.required);
    expect(first.body.completeness.answered).toBe(
      first.body.completeness.required - first.body.completeness.missing.length,
    );
    // A version stored when optional answers were counted ("30 of 26") reads back with the required count.
    await setStoredAnsweredCount(company.companyId, 2, second.body.completeness.required + 4);
    const versions = await api.request('GET', `${base}/security-profile/versions`, { token: officer.token });
    expect(versions.body.items.map((v: { completeness: { answered: number } }) => v.completeness.answered)).toEqual([
      second.body.completeness.required,
      first.body.completeness.answered,
    ]);
    expect(
      (await api.request('GET', `${base}/security-profile`, { token: poc.token })).body.completeness.answered,
    ).toBe(second.body.completeness.required);
    expect(
      (await api.request('GET', `${base}/security-profile/versions/2`, { token: poc.token })).body.completeness
        .answered,
    ).toBe(second.body.completeness.required);
    const marked = (await api.request('GET', base, { token: officer.token })).body.portalUpdateCompletedAt;
    expect(marked).toBe(second.body.savedAt);
    expect((await auditRecordsOf(company.companyId)).filter((a) => a.action === 'security-profile.saved')).toHaveLength(
      2,
    );
  });

  it('marks the requirement met even when the two completing saves race: one must re-read and retry', async () => {
    const { poc, base } = await companyWithPoc();
    const save = {
      info: () => api.request('PUT', `${base}/account-info`, { token: poc.token, body: accountInfoFor(0) }),
      profile: () =>
        api.request('PUT', `${base}/security-profile`, {
          token: poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        }),
    };
    const [info, profile] = await Promise.all([save.info(), save.profile()]);
    const succeeded = [info.status, profile.status].filter((s) => s < 300).length;
    expect(succeeded).toBeGreaterThanOrEqual(1);
    if (info.status >= 300) expect((await save.info()).status).toBe(200);
    if (profile.status >= 300) expect((await save.profile()).status).toBe(201);
    expect((await api.request('GET', base, { token: poc.token })).body.portalUpdateCompletedAt).toEqual(
      expect.any(String),
    );
  });

  it('asks only the questions of the company category, and refuses answers of the wrong kind', async () => {
    const { poc, base } = await companyWithPoc('customs-broker');
    const res = await api.request('PUT', `${base}/security-profile`, {
      token: poc.token,
      body: {
        version: 0,
        answers: {
          'container-trailer-security': { 'iso-17712-seals': true },
          'personnel-security': { 'background-checks': true },
          nope: { x: true },
        },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'answers.container-trailer-security.iso-17712-seals',
      'answers.nope',
      'answers.personnel-security.background-checks',
    ]);
  });

  it('never overwrites silently: of two edits of one version one wins, the other gets 409 and appears only after saving on the new version', async () => {
    const { poc, base } = await companyWithPoc();
    const answers = completeAnswers('importer');
    expect(
      (await api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 0, answers } }))
        .status,
    ).toBe(201);

    const editA = structuredClone(answers);
    editA['security-training']!['training-frequency'] = 'quarterly';
    const editB = structuredClone(answers);
    editB['physical-security']!['fencing'] = false;
    const [a, b] = await Promise.all([
      api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 1, answers: editA } }),
      api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 1, answers: editB } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('version_conflict');

    let versions = await api.request('GET', `${base}/security-profile/versions`, { token: poc.token });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // The loser re-reads, re-applies its change on version 2, and now both changes are kept.
    const current = (await api.request('GET', `${base}/security-profile`, { token: poc.token })).body;
    const merged = structuredClone(current.answers);
    if (a.status === 409) merged['security-training']['training-frequency'] = 'quarterly';
    else merged['physical-security']['fencing'] = false;
    expect(
      (
        await api.request('PUT', `${base}/security-profile`, {
          token: poc.token,
          body: { version: 2, answers: merged },
        })
      ).status,
    ).toBe(201);
    versions = await api.request('GET', `${base}/security-profile/versions`, { token: poc.token });
    expect(versions.body.items.map((v: { version: number; changed: string[] }) => [v.version, v.changed])).toEqual([
      [3, [a.status === 409 ? 'security-training.training-frequency' : 'physical-security.fencing']],
      [2, [a.status === 409 ? 'physical-security.fencing' : 'security-training.training-frequency']],
      [1, expect.any(Array)],
    ]);
    const latest = (await api.request('GET', `${base}/security-profile`, { token: poc.token })).body.answers;
    expect(latest['security-training']['training-frequency']).toBe('quarterly');
    expect(latest['physical-security']['fencing']).toBe(false);
  });

  it('diffs two versions section by section, naming the changed answers', async () => {
    const { poc, base } = await companyWithPoc();
    const v1 = completeAnswers('importer');
    const v2 = structuredClone(v1);
    v2['business-partners']!['partner-review-frequency'] = 'annually';
    delete v2['physical-access-controls']!['mail-screening'];
    expect(
      (await api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 0, answers: v1 } }))
        .status,
    ).toBe(201);
    expect(
      (await api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 1, answers: v2 } }))
        .status,
    ).toBe(201);

    const diff = await api.request('GET', `${base}/security-profile/diff?from=1&to=2`, { token: officer.token });
    expect(diff.status).toBe(200);
    expect(diff.body.sections).toEqual([
      {
        section: 'business-partners',
        title: 'Business partner requirements',
        changes: [
          {
            question: 'partner-review-frequency',
            text: 'How often are partners re-assessed?',
            from: 'quarterly',
            to: 'annually',
          },
        ],
      },
      {
        section: 'physical-access-controls',
        title: 'Physical access controls',
        changes: [
          {
            question: 'mail-screening',
            text: 'Describe how incoming mail and packages are screened.',
            from: v1['physical-access-controls']!['mail-screening'],
            to: null,
          },
        ],
      },
    ]);
    expect(diff.body.sections).toHaveLength(2);
    const version1 = await api.request('GET', `${base}/security-profile/versions/1`, { token: poc.token });
    expect(version1.body.answers).toEqual(v1);
    expect((await api.request('GET', `${base}/security-profile/versions/9`, { token: poc.token })).status).toBe(404);
  });

  it('keeps the largest allowed profile (every answer at its longest) well inside the DynamoDB item limit', async () => {
    const { poc, base } = await companyWithPoc();
    const largest = completeAnswers('importer', MAX_TEXT_ANSWER);
    const bytes = Buffer.byteLength(JSON.stringify(largest));
    const saved = await api.request('PUT', `${base}/security-profile`, {
      token: poc.token,
      body: { version: 0, answers: largest },
    });
    expect(saved.status).toBe(201);
    expect(
      (await api.request('GET', `${base}/security-profile/versions/1`, { token: poc.token })).body.answers,
    ).toEqual(largest);
    // The current copy and each version item hold the answers once, plus small metadata.
    console.log(`[profile] largest profile: ${bytes} bytes of answers, against a 400 KB item limit`);
    expect(bytes).toBeLessThan(200 * 1024);
    const tooLong = completeAnswers('importer', MAX_TEXT_ANSWER + 1);
    expect(
      (
        await api.request('PUT', `${base}/security-profile`, {
          token: poc.token,
          body: { version: 1, answers: tooLong },
        })
      ).status,
    ).toBe(400);
  });
});

describe('annual certification', () => {
  it('is refused before the review window, succeeds inside it and sets the next due date; CBP sends one back and the company resubmits', async () => {
    const { company, poc, base } = await companyWithPoc();
    const incomplete = await api.request('PUT', `${base}/security-profile`, {
      token: poc.token,
      body: { version: 0, answers: {} },
    });
    expect(incomplete.status).toBe(201);
    const notComplete = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 1, attestation: true },
    });
    expect(notComplete.status).toBe(400);

    expect(
      (
        await api.request('PUT', `${base}/security-profile`, {
          token: poc.token,
          body: { version: 1, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);
    await reauthenticate(api, poc.token);
    const first = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 2, attestation: true },
    });
    expect(first.status).toBe(201);
    // Due a calendar year after the day it was made in Washington, kept as the instant that day starts.
    const expectedDue = programDayStart(addYears(programDate(first.body.certifiedAt), 1));
    expect(first.body.nextDueAt).toBe(expectedDue.toISOString());
    expect((await api.request('GET', base, { token: poc.token })).body).toMatchObject({
      nextCertificationDueAt: expectedDue.toISOString(),
      certificationStatus: 'submitted',
    });

    await reauthenticate(api, poc.token);
    const early = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 2, attestation: true },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('window_not_open');
    expect(early.body.error.message).toBe(
      `Your next certification is due on ${expectedDue.toISOString().slice(0, 10)}. You can certify from ${windowOpensAt(expectedDue.toISOString()).toISOString().slice(0, 10)}, 90 days before it is due.`,
    );

    // A year later (the due date is now 30 days away), the window is open; the profile is unchanged, so the POC re-confirms it.
    await setNextCertificationDue(company.companyId, new Date(Date.now() + 30 * 86_400_000));
    await reauthenticate(api, poc.token);
    const second = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 2, attestation: true, reviewedUnchanged: true },
    });
    expect(second.status).toBe(201);

    const sentBack = await api.request('POST', `${base}/certifications/${second.body.certificationId}/review`, {
      token: officer.token,
      body: { decision: 'return' },
    });
    expect(sentBack.status).toBe(400);
    expect(sentBack.body.error.details[0].field).toBe('comments');
    const returned = await api.request('POST', `${base}/certifications/${second.body.certificationId}/review`, {
      token: officer.token,
      body: { decision: 'return', comments: 'Describe seal control at the Dundalk warehouse.' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      reviewedBy: officer.userId,
      comments: 'Describe seal control at the Dundalk warehouse.',
    });
    expect(
      (
        await api.request('POST', `${base}/certifications/${second.body.certificationId}/review`, {
          token: officer.token,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(409);

    // A sent-back certification must be resubmitted, window or not.
    await reauthenticate(api, poc.token);
    const resubmitted = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 2, attestation: true, reviewedUnchanged: true },
    });
    expect(resubmitted.status).toBe(201);
    const approved = await api.request('POST', `${base}/certifications/${resubmitted.body.certificationId}/review`, {
      token: officer.token,
      body: { decision: 'approve' },
    });
    expect(approved.body.status).toBe('approved');

    const list = await api.request('GET', `${base}/certifications`, { token: poc.token });
    expect(list.body.items.map((c: { status: string }) => c.status)).toEqual(['approved', 'returned', 'submitted']);
    const actions = (await auditRecordsOf(company.companyId))
      .filter((a) => a.action.startsWith('certification.'))
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual([
      'certification.approved',
      'certification.returned',
      'certification.submitted',
      'certification.submitted',
      'certification.submitted',
    ]);
  });

  it('re-confirms an unchanged profile only with the statement that it was reviewed and is still accurate, and keeps that statement', async () => {
    const { company, poc, base } = await companyWithPoc();
    // Each attempt signs, so each confirms the password first (decision 95).
    const certify = async (body: object) => {
      await reauthenticate(api, poc.token);
      return api.request('POST', `${base}/certifications`, {
        token: poc.token,
        body: { profileVersion: 1, attestation: true, ...body },
      });
    };
    expect(
      (
        await api.request('PUT', `${base}/security-profile`, {
          token: poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);

    // Nothing was certified before: there is nothing to re-confirm.
    const nothingBefore = await certify({ reviewedUnchanged: true });
    expect(nothingBefore.status).toBe(400);
    expect(nothingBefore.body.error.details).toEqual([
      { field: 'reviewedUnchanged', message: 'must be left out: nothing was certified before' },
    ]);
    const first = await certify({});
    expect(first.status).toBe(201);
    expect(first.body.statement).toBe('profile-current');
    expect(first.body).not.toHaveProperty('reconfirms');
    expect((await api.request('GET', base, { token: poc.token })).body.lastCertification).toEqual({
      certificationId: first.body.certificationId,
      profileVersion: 1,
      certifiedAt: first.body.certifiedAt,
    });

    // A year later, with no change to the profile (and a record from before the company named its last certification).
    await setNextCertificationDue(company.companyId, new Date(Date.now() + 30 * 86_400_000));
    await forgetLastCertification(company.companyId);
    const unstated = await certify({});
    expect(unstated.status).toBe(400);
    expect(unstated.body.error.code).toBe('statement_required');
    expect(unstated.body.error.details).toEqual([
      { field: 'reviewedUnchanged', message: 'must be true: the profile has not changed since the last certification' },
    ]);
    expect((await certify({ reviewedUnchanged: false })).body.error.details[0].field).toBe('reviewedUnchanged');
    expect((await api.request('GET', `${base}/certifications`, { token: poc.token })).body.items).toHaveLength(1);

    const reconfirmed = await certify({ reviewedUnchanged: true });
    expect(reconfirmed.status).toBe(201);
    const reconfirms = {
      certificationId: first.body.certificationId,
      profileVersion: 1,
      certifiedAt: first.body.certifiedAt,
    };
    expect(reconfirmed.body).toMatchObject({ profileVersion: 1, statement: 'reviewed-unchanged', reconfirms });

    // The record keeps the statement, for the company and for CBP, and so does the audit trail.
    for (const token of [poc.token, officer.token]) {
      const list = await api.request('GET', `${base}/certifications`, { token });
      expect(
        list.body.items.map((c: { statement: string; reconfirms?: object }) => [c.statement, c.reconfirms]),
      ).toEqual([
        ['reviewed-unchanged', reconfirms],
        ['profile-current', undefined],
      ]);
    }
    const submitted = (await auditRecordsOf(company.companyId)).filter(
      (a) => a.action === 'certification.submitted' && a.objectId === reconfirmed.body.certificationId,
    );
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.changes).toMatchObject({
      after: { statement: 'reviewed-unchanged', reconfirms, profileVersion: 1 },
    });

    // Once the profile changes, the usual statement applies and the re-confirmation is refused as untrue.
    expect(
      (
        await api.request('PUT', `${base}/security-profile`, {
          token: poc.token,
          body: {
            version: 1,
            answers: {
              ...completeAnswers('importer'),
              'information-technology-security': {
                ...completeAnswers('importer')['information-technology-security'],
                mfa: false,
              },
            },
          },
        })
      ).status,
    ).toBe(201);
    const returned = await api.request('POST', `${base}/certifications/${reconfirmed.body.certificationId}/review`, {
      token: officer.token,
      body: { decision: 'return', comments: 'Say whether remote access uses MFA.' },
    });
    expect(returned.status).toBe(200);
    const untrue = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 2, attestation: true, reviewedUnchanged: true },
    });
    expect(untrue.status).toBe(400);
    expect(untrue.body.error.details).toEqual([
      { field: 'reviewedUnchanged', message: 'must be left out: the profile changed since version 1' },
    ]);
    const changed = await api.request('POST', `${base}/certifications`, {
      token: poc.token,
      body: { profileVersion: 2, attestation: true },
    });
    expect(changed.status).toBe(201);
    expect(changed.body.statement).toBe('profile-current');
  });
});
