/**
 * Confidentiality (issue 7): sharing grants and what a partner sees through them, grant
 * requests, the audit trail of confidential reads, and the company's export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { testClock } from '../support/deadlines.ts';
import { downloadExport } from '../support/export.ts';

const clock = testClock('2026-12-01T12:00:00.000Z');
let api: TestApi;
let admin: string;
let officer: { token: string; userId: string };
/** The owner, with its account information and two profile versions. */
let owner: { companyId: string; poc: { token: string; userId: string }; sharer: string; plainUser: string };
/** The partner, reading the owner through grants. */
let partner: { companyId: string; poc: { token: string; userId: string }; user: string };

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = await userWithRole(api, 'cbp-officer');
  const a = await enrollCompany(api, admin);
  const b = await enrollCompany(api, admin, { category: 'sea-carrier', identifiers: { scac: 'PTNR' } });
  const poc = await userWithRole(api, 'primary-poc', a.companyId, a.pocEmail);
  const designated = async (authorizeSharing: boolean) => {
    const u = await userWithRole(api, 'company-user', a.companyId, uniqueEmail('member'));
    expect(
      (
        await api.request('PATCH', `/companies/${a.companyId}/users/${u.userId}`, {
          token: poc.token,
          body: { version: 1, permissions: { editProfile: false, authorizeSharing } },
        })
      ).status,
    ).toBe(200);
    return u.token;
  };
  owner = { companyId: a.companyId, poc, sharer: await designated(true), plainUser: await designated(false) };
  expect(
    (await api.request('PUT', `/companies/${a.companyId}/account-info`, { token: poc.token, body: accountInfoFor(0) }))
      .status,
  ).toBe(200);
  const answers = completeAnswers('importer');
  expect(
    (
      await api.request('PUT', `/companies/${a.companyId}/security-profile`, {
        token: poc.token,
        body: { version: 0, answers },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await api.request('PUT', `/companies/${a.companyId}/security-profile`, {
        token: poc.token,
        body: { version: 1, answers },
      })
    ).status,
  ).toBe(201);
  partner = {
    companyId: b.companyId,
    poc: await userWithRole(api, 'primary-poc', b.companyId, b.pocEmail),
    user: (await userWithRole(api, 'company-user', b.companyId)).token,
  };
});
afterAll(() => api.close());

const grant = (
  token: string,
  scope: string,
  expiresOn = '2027-06-30',
  grantee: object = { type: 'company', companyId: partner.companyId },
) => api.request('POST', `/companies/${owner.companyId}/grants`, { token, body: { grantee, scope, expiresOn } });
const read = (token: string, scope?: string) =>
  api.request('GET', `/partners/${owner.companyId}${scope ? `?scope=${scope}` : ''}`, { token });
/** The owner's trail as CBP reads it (whole records), or as the owner's users do. */
const trail = async (action: string, token = officer.token) =>
  (await api.request('GET', `/companies/${owner.companyId}/audit?action=${action}&limit=100`, { token })).body
    .items as Record<string, any>[];
const revoke = (grantId: string) =>
  api.request('DELETE', `/companies/${owner.companyId}/grants/${grantId}`, { token: owner.poc.token });

describe('sharing grants', () => {
  it('shows a partner nothing without a grant', async () => {
    expect((await read(partner.poc.token)).status).toBe(404);
    expect((await api.request('GET', '/shared-with-me', { token: partner.poc.token })).body.items).toEqual([]);
  });

  it('lets only the primary POC and a designated user grant; never a plain user, CBP or another company', async () => {
    const plain = await grant(owner.plainUser, 'status');
    expect(plain.status).toBe(403);
    expect(plain.body.error.code).toBe('not_designated');
    expect((await grant(officer.token, 'status')).status).toBe(403);
    expect((await grant(partner.poc.token, 'status')).status).toBe(404);
    expect(
      (await api.request('GET', `/companies/${owner.companyId}/grants`, { token: owner.poc.token })).body.items,
    ).toEqual([]);

    const made = await grant(owner.sharer, 'status', '2027-01-31', { type: 'program', program: 'ca-pip' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      grantee: { type: 'program', program: 'ca-pip' },
      granteeName: 'Canada Partners in Protection',
      scope: 'status',
      status: 'active',
    });
    expect((await grant(owner.poc.token, 'status', '2026-11-30')).body.error.details).toEqual([
      { field: 'expiresOn', message: 'must not be in the past' },
    ]);
    expect(
      (await grant(owner.poc.token, 'status', '2026-12-01', { type: 'company', companyId: owner.companyId })).status,
    ).toBe(400);
  });

  it("shows a status grant the status and nothing of the profile; each read lands in the owner's trail", async () => {
    const made = await grant(owner.poc.token, 'status');
    expect(made.status).toBe(201);
    const seen = await read(partner.user);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      companyId: owner.companyId,
      scope: 'status',
      status: 'active',
      category: 'importer',
      grantId: made.body.grantId,
    });
    expect(seen.body).not.toHaveProperty('profile');
    expect(seen.body).not.toHaveProperty('certification');
    expect(seen.body).not.toHaveProperty('completeness');
    const wider = await read(partner.user, 'profile');
    expect(wider.status).toBe(403);
    expect(wider.body.error.code).toBe('outside_grant');
    expect(
      (await api.request('GET', `/companies/${owner.companyId}/security-profile`, { token: partner.user })).status,
    ).toBe(404);

    const shared = await api.request('GET', '/shared-with-me', { token: partner.user });
    expect(shared.body.items).toEqual([
      expect.objectContaining({ ownerCompanyId: owner.companyId, scope: 'status', expiresOn: '2027-06-30' }),
    ]);

    const reads = await trail('grant.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actorCompanyId: partner.companyId,
      actorRole: 'company-user',
      objectId: made.body.grantId,
      sourceIp: expect.any(String),
      at: expect.stringMatching(/Z$/),
    });
    // The owner's users see which company and role read, not the partner user's id or address.
    const ownView = (await trail('grant.read', owner.plainUser))[0]!;
    expect(ownView).toMatchObject({ actorCompanyId: partner.companyId, actorRole: 'company-user' });
    expect(ownView).not.toHaveProperty('sourceIp');
    expect(ownView).not.toHaveProperty('actorId');
    expect((await revoke(made.body.grantId)).status).toBe(204);
  });

  it('widens with the scope: a summary shows certification dates and completeness, a profile grant the answers', async () => {
    const summary = await grant(owner.poc.token, 'profile-summary');
    const seen = await read(partner.poc.token);
    expect(seen.body).toMatchObject({
      scope: 'profile-summary',
      certification: { lastCertifiedAt: null },
      completeness: { complete: true, incompleteSections: [] },
    });
    expect(seen.body).not.toHaveProperty('profile');
    expect((await read(partner.poc.token, 'status')).body).not.toHaveProperty('completeness');

    const full = await grant(owner.poc.token, 'profile');
    const profile = await read(partner.poc.token);
    expect(profile.body).toMatchObject({
      scope: 'profile',
      grantId: full.body.grantId,
      profile: { version: 2, answers: expect.any(Object) },
    });
    for (const id of [summary.body.grantId, full.body.grantId]) expect((await revoke(id)).status).toBe(204);
  });

  it('sees nothing after revocation, or after the expiry day', async () => {
    const made = await grant(owner.poc.token, 'profile', '2026-12-02');
    expect((await read(partner.poc.token)).status).toBe(200);
    clock.set('2026-12-02T23:59:00.000Z');
    expect((await read(partner.poc.token)).status).toBe(200);
    clock.set('2026-12-03T00:00:01.000Z');
    const late = await read(partner.poc.token);
    expect(late.status, JSON.stringify(late.body)).toBe(404);
    expect((await api.request('GET', '/shared-with-me', { token: partner.poc.token })).body.items).toEqual([]);
    const listed = (
      await api.request('GET', `/companies/${owner.companyId}/grants?limit=100`, { token: owner.poc.token })
    ).body.items;
    expect(listed.find((g: { grantId: string }) => g.grantId === made.body.grantId)).toMatchObject({
      status: 'expired',
    });
    // Revoked too, so that it stays out of force when the clock goes back for the next tests.
    expect((await revoke(made.body.grantId)).status).toBe(204);
    clock.set('2026-12-01T12:00:00.000Z');

    const again = await grant(owner.poc.token, 'status');
    expect((await read(partner.poc.token)).status).toBe(200);
    expect((await revoke(again.body.grantId)).status).toBe(204);
    expect((await read(partner.poc.token)).status).toBe(404);
    expect((await revoke(again.body.grantId)).status).toBe(409);
    const actions = (await trail('grant.revoked')).map((r) => r.objectId);
    expect(actions).toContain(again.body.grantId);
  });

  it('shows only the status of a removed company, which still sees and revokes its grants and reads its trail', async () => {
    const other = await enrollCompany(api, admin, { category: 'rail-carrier', identifiers: { scac: 'RMVD' } });
    const otherPoc = await userWithRole(api, 'primary-poc', other.companyId, other.pocEmail);
    const made = await api.request('POST', `/companies/${other.companyId}/grants`, {
      token: otherPoc.token,
      body: { grantee: { type: 'company', companyId: partner.companyId }, scope: 'profile', expiresOn: '2027-06-30' },
    });
    expect(made.status).toBe(201);
    expect(
      (
        await api.request('POST', `/companies/${other.companyId}/removal`, {
          token: officer.token,
          body: { version: 1, reason: 'Removed for the test.' },
        })
      ).status,
    ).toBe(200);
    const seen = await api.request('GET', `/partners/${other.companyId}`, { token: partner.poc.token });
    expect(seen.body).toMatchObject({ scope: 'status', status: 'removed' });
    expect(seen.body).not.toHaveProperty('profile');
    expect(
      (await api.request('GET', `/partners/${other.companyId}?scope=profile`, { token: partner.poc.token })).body.error
        .code,
    ).toBe('owner_removed');
    expect((await api.request('GET', `/companies/${other.companyId}/grants`, { token: otherPoc.token })).status).toBe(
      200,
    );
    expect(
      (await api.request('GET', `/companies/${other.companyId}/audit?action=grant.read`, { token: otherPoc.token }))
        .body.items,
    ).toHaveLength(1);
    expect(
      (
        await api.request('DELETE', `/companies/${other.companyId}/grants/${made.body.grantId}`, {
          token: otherPoc.token,
        })
      ).status,
    ).toBe(204);
    expect((await api.request('GET', `/partners/${other.companyId}`, { token: partner.poc.token })).status).toBe(404);
  });

  it('lets a company ask for a grant; the owner accepts (a grant is made) or declines', async () => {
    const asked = await api.request('POST', `/partners/${owner.companyId}/grant-requests`, {
      token: partner.poc.token,
      body: { scope: 'profile-summary', message: 'Onboarding you as a shipper.' },
    });
    expect(asked.status).toBe(201);
    const incoming = await api.request('GET', `/companies/${owner.companyId}/grant-requests`, {
      token: owner.poc.token,
    });
    expect(incoming.body.items).toEqual([
      expect.objectContaining({
        requestId: asked.body.requestId,
        status: 'pending',
        requesterCompanyId: partner.companyId,
      }),
    ]);
    expect(
      (
        await api.request('POST', `/companies/${owner.companyId}/grant-requests/${asked.body.requestId}/decision`, {
          token: owner.plainUser,
          body: { decision: 'decline' },
        })
      ).status,
    ).toBe(403);
    const accepted = await api.request(
      'POST',
      `/companies/${owner.companyId}/grant-requests/${asked.body.requestId}/decision`,
      { token: owner.sharer, body: { decision: 'accept', expiresOn: '2027-03-31' } },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', grantId: expect.any(String) });
    expect((await read(partner.poc.token)).body).toMatchObject({
      scope: 'profile-summary',
      grantId: accepted.body.grantId,
    });
    expect(
      (
        await api.request('POST', `/companies/${owner.companyId}/grant-requests/${asked.body.requestId}/decision`, {
          token: owner.poc.token,
          body: { decision: 'decline' },
        })
      ).status,
    ).toBe(409);

    const second = await api.request('POST', `/partners/${owner.companyId}/grant-requests`, {
      token: partner.poc.token,
      body: { scope: 'profile' },
    });
    const declined = await api.request(
      'POST',
      `/companies/${owner.companyId}/grant-requests/${second.body.requestId}/decision`,
      { token: owner.poc.token, body: { decision: 'decline' } },
    );
    expect(declined.body).toMatchObject({ status: 'declined' });
    const outgoing = await api.request('GET', `/companies/${partner.companyId}/grant-requests?direction=outgoing`, {
      token: partner.poc.token,
    });
    expect(outgoing.body.items.map((r: { status: string }) => r.status).sort()).toEqual(['accepted', 'declined']);
    expect((await revoke(accepted.body.grantId)).status).toBe(204);
  });
});

describe('the audit trail', () => {
  it("records CBP reading a company's profile and account information, with who, role, time and source", async () => {
    expect(
      (await api.request('GET', `/companies/${owner.companyId}/security-profile`, { token: officer.token })).status,
    ).toBe(200);
    expect(
      (await api.request('GET', `/companies/${owner.companyId}/security-profile/versions/1`, { token: officer.token }))
        .status,
    ).toBe(200);
    expect(
      (await api.request('GET', `/companies/${owner.companyId}/account-info`, { token: officer.token })).status,
    ).toBe(200);
    const reads = await trail('profile.read');
    expect(reads.map((r) => r.objectId).sort()).toEqual(['v1', 'v2']);
    expect(reads[0]).toMatchObject({
      actorId: officer.userId,
      actorRole: 'cbp-officer',
      actorCompanyId: 'CBP',
      sourceIp: expect.any(String),
    });
    expect(await trail('account-info.read')).toHaveLength(1);
    // The company reading its own profile is not recorded.
    await api.request('GET', `/companies/${owner.companyId}/security-profile`, { token: owner.poc.token });
    expect(await trail('profile.read')).toHaveLength(2);
  });

  it('pages and filters a company trail by time, keeps it from other companies, and shows CBP the whole portal by day', async () => {
    const first = await api.request('GET', `/companies/${owner.companyId}/audit?limit=2`, { token: owner.plainUser });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await api.request(
      'GET',
      `/companies/${owner.companyId}/audit?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: owner.plainUser },
    );
    const four = await api.request('GET', `/companies/${owner.companyId}/audit?limit=4`, { token: owner.plainUser });
    const ids = (page: { body: { items: { auditId: string }[] } }) => page.body.items.map((r) => r.auditId);
    expect([...ids(first), ...ids(next)]).toEqual(ids(four));
    const filtered = await api.request('GET', `/companies/${owner.companyId}/audit?action=grant.revoked&limit=3`, {
      token: owner.poc.token,
    });
    expect(filtered.body.items).toHaveLength(3);
    expect(filtered.body.items.every((r: { action: string }) => r.action === 'grant.revoked')).toBe(true);
    const future = await api.request('GET', `/companies/${owner.companyId}/audit?from=2030-01-01T00:00:00.000Z`, {
      token: owner.poc.token,
    });
    expect(future.body.items).toEqual([]);
    expect((await api.request('GET', `/companies/${owner.companyId}/audit`, { token: partner.poc.token })).status).toBe(
      404,
    );
    const bad = await api.request('GET', `/companies/${owner.companyId}/audit?action=DROP TABLE`, {
      token: owner.poc.token,
    });
    expect(bad.status).toBe(400);

    const portal = await api.request('GET', '/audit?day=2026-12-01&action=company.enrolled&limit=100', {
      token: officer.token,
    });
    expect(portal.status).toBe(200);
    expect(portal.body.items.map((r: { companyId: string }) => r.companyId)).toEqual(
      expect.arrayContaining([owner.companyId, partner.companyId]),
    );
    expect((await api.request('GET', '/audit', { token: owner.poc.token })).status).toBe(403);
  });

  it('offers no way to change or remove a record: only the audit store names audit partitions, and it only creates', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../functions');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const namingAudit: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      // An audit data module, under any name it is imported as, is only ever asked to create.
      expect(text, file).not.toMatch(/\baudit\w*\s*\.\s*(patch|update|upsert|put|delete|remove)\s*\(/i);
      // Raw write commands are sent by the table toolkit alone, which every store goes through.
      if (file !== join('data', 'table-io.ts'))
        expect(text, file).not.toMatch(/\b(Put|Update|Delete|BatchWrite)(Item)?Command\b|ExecuteStatement|PartiQL/);
      if (/#AUDIT\b/.test(text)) namingAudit.push(file);
    }
    // The audit partition key is built in one store (and named in the table definition for IAM).
    expect(namingAudit.sort()).toEqual([join('data', 'audit-store.ts'), join('definitions', 'table.ts')]);
    const auditStore = readFileSync(join(root, 'data', 'audit-store.ts'), 'utf8');
    expect(auditStore).toMatch(/\bcreateOp\(/);
    expect(auditStore).not.toMatch(/\b(putOp|updateOp|patchOp|deleteOp|updateReturning|checkOp)\b/);
    // The hash chain's store writes into its chain partitions only by creating (its checkpoints,
    // which it overwrites, live outside them), and never updates or deletes anything.
    const chainStore = readFileSync(join(root, 'data', 'audit-chain-store.ts'), 'utf8');
    expect(chainStore).toMatch(/\bcreateOp\(\{ \.\.\.key\(cp,/);
    expect(chainStore).not.toMatch(/\b(updateOp|patchOp|deleteOp|updateReturning)\b/);
    expect(chainStore.match(/\bputOp\(/g)).toHaveLength(2);
    expect(chainStore).toMatch(/putOp\(\{ \.\.\.chainerKey,/);
    expect(chainStore).toMatch(/const item = \{ \.\.\.verifiedKey\(companyId\),/);
  });
});

describe('the export', () => {
  it('gives the primary POC every profile version, certifications, messages, grants and the trail, and is itself audited', async () => {
    expect(
      (
        await api.request('POST', `/companies/${owner.companyId}/threads`, {
          token: owner.poc.token,
          body: { subject: 'Export me', body: 'A message to export.' },
        })
      ).status,
    ).toBe(201);
    expect((await api.request('GET', `/companies/${owner.companyId}/export`, { token: owner.plainUser })).status).toBe(
      403,
    );
    expect((await api.request('GET', `/companies/${owner.companyId}/export`, { token: officer.token })).status).toBe(
      403,
    );
    const exported = await downloadExport(api, owner.companyId, owner.poc.token);
    expect(exported.status).toBe(200);
    expect(exported.link.bytes).toBe(Buffer.byteLength(exported.text));
    const body = exported.body;
    expect(body.company).toMatchObject({ companyId: owner.companyId });
    expect(body.accountInfo).toMatchObject({ companyId: owner.companyId, version: 1 });
    expect(body.profileVersions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(body.profileVersions[0].answers).toEqual(expect.any(Object));
    expect(body.threads).toEqual([
      expect.objectContaining({
        subject: 'Export me',
        messages: [expect.objectContaining({ body: 'A message to export.' })],
      }),
    ]);
    expect(body.grants.length).toBeGreaterThanOrEqual(5);
    expect(body.grantRequests).toHaveLength(2);
    expect(body.auditTrail.some((r: { action: string }) => r.action === 'grant.read')).toBe(true);
    const exports = await trail('company.exported');
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({
      actorId: owner.poc.userId,
      actorRole: 'primary-poc',
      changes: { profileVersions: 2, threads: 1, bytes: exported.link.bytes },
    });
  });
});
