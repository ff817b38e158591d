/**
 * Signed certifications (issue 22 item 6, decision 95): certifying needs the primary POC's
 * password confirmed within the last minutes, and records an electronic signature whose hash is
 * the certified profile version's. Through the API on DynamoDB Local and the Cognito emulator.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, reauthenticate, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import { CERTIFICATION_STATEMENTS } from '../../functions/definitions/certification-statements.ts';

let api: TestApi;
let admin: string;
const clock = testClock('2006-05-01T12:00:00.000Z');

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
});
afterAll(() => api.close());

/** A company whose POC completed the portal update (profile version 1). */
const readyToCertify = async () => {
  const c = await enrollCompany(api, admin);
  const poc = await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail);
  const base = `/companies/${c.companyId}`;
  expect((await api.request('PUT', `${base}/account-info`, { token: poc.token, body: accountInfoFor(0) })).status).toBe(
    200,
  );
  expect(
    (
      await api.request('PUT', `${base}/security-profile`, {
        token: poc.token,
        body: { version: 0, answers: completeAnswers('importer') },
      })
    ).status,
  ).toBe(201);
  return { c, poc, base };
};

const certify = (base: string, token: string) =>
  api.request<any>('POST', `${base}/certifications`, { token, body: { profileVersion: 1, attestation: true } });

describe('a signed certification', () => {
  it('is refused without a fresh re-authentication, and with a wrong password, and nothing is recorded', async () => {
    clock.set('2006-05-01T12:00:00.000Z');
    const { c, poc, base } = await readyToCertify();
    const unsigned = await certify(base, poc.token);
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.error.code).toBe('reauthentication_required');

    const wrong = await api.request<any>('POST', '/me/reauthentication', {
      token: poc.token,
      body: { password: 'not the password at all' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ field: 'password', message: 'is not your password' }]);
    expect((await certify(base, poc.token)).status).toBe(403);

    // Confirmed six minutes ago is too long ago.
    await reauthenticate(api, poc.token);
    clock.set('2006-05-01T12:06:00.000Z');
    const stale = await certify(base, poc.token);
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('reauthentication_required');
    expect((await api.request<any>('GET', `${base}/certifications`, { token: poc.token })).body.items).toEqual([]);
    expect((await auditRecordsOf(c.companyId)).filter((a) => a.action === 'certification.submitted')).toEqual([]);
  });

  it("records who signed, when, the statement's words and the hash of the version certified", async () => {
    clock.set('2006-06-01T12:00:00.000Z');
    const { c, poc, base } = await readyToCertify();
    await reauthenticate(api, poc.token);
    clock.set('2006-06-01T12:04:00.000Z');
    const signed = await certify(base, poc.token);
    expect(signed.status).toBe(201);
    const version = (await api.request<any>('GET', `${base}/security-profile/versions/1`, { token: poc.token })).body;
    const expected = `sha256:${createHash('sha256')
      .update(canonicalize({ companyId: c.companyId, version: 1, answers: version.answers })!)
      .digest('hex')}`;
    expect(signed.body.signature).toEqual({
      signedBy: poc.userId,
      signerName: expect.any(String),
      signedAt: '2006-06-01T12:04:00.000Z',
      reauthenticatedAt: '2006-06-01T12:00:00.000Z',
      statementText: CERTIFICATION_STATEMENTS['profile-current'],
      profileHash: expected,
    });
    // A changed answer would change the hash: the signature binds this version only.
    const altered = structuredClone(version.answers);
    const [section] = Object.keys(altered);
    const [question] = Object.keys(altered[section!]);
    altered[section!][question!] = 'changed after signing';
    expect(
      `sha256:${createHash('sha256')
        .update(canonicalize({ companyId: c.companyId, version: 1, answers: altered })!)
        .digest('hex')}`,
    ).not.toBe(expected);

    const trail = await auditRecordsOf(c.companyId);
    expect(trail.filter((a) => a.action === 'user.reauthenticated')).toHaveLength(1);
    expect(trail.find((a) => a.action === 'certification.submitted')?.changes).toMatchObject({
      after: { signature: { profileHash: expected } },
    });
    // CBP reads the same signature on the company's certifications.
    const asCbp = await api.request<any>('GET', `${base}/certifications`, { token: admin });
    expect(asCbp.body.items[0].signature.profileHash).toBe(expected);
  });
});
