/**
 * No more than each reader may see (issue 17, items 1 and 3): a hand-over leaves the former
 * primary POC only the powers it names; a company reads another party's records without that
 * party's user ids; user-management details in the trail are for the primary POC and CBP; and
 * no answer tells a company another company's legal name or status unless that company shared
 * it with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollCompany,
  reauthenticate,
  startTestApi,
  uniqueEmail,
  userWithRole,
  type TestApi,
} from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { testClock } from '../support/deadlines.ts';
import { downloadExport } from '../support/export.ts';

testClock('2026-12-01T12:00:00.000Z');
let api: TestApi;
let admin: string;
let officer: string;
let officerId: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  ({ token: officer, userId: officerId } = await userWithRole(api, 'cbp-officer'));
});
afterAll(() => api.close());

/** An enrolled company with its primary POC signed in. */
const company = async (overrides: Parameters<typeof enrollCompany>[2] = {}) => {
  const c = await enrollCompany(api, admin, overrides);
  return { ...c, poc: await userWithRole(api, 'primary-poc', c.companyId, c.pocEmail) };
};
const grantTo = (ownerId: string, token: string, granteeId: string, scope = 'status') =>
  api.request('POST', `/companies/${ownerId}/grants`, {
    token,
    body: { grantee: { type: 'company', companyId: granteeId }, scope, expiresOn: '2027-06-30' },
  });

describe('a hand-over', () => {
  it('leaves the former primary POC a company user with no permissions unless it names them', async () => {
    const c = await company();
    const partner = await company({ category: 'sea-carrier', identifiers: { scac: 'HNDO' } });
    const next = await userWithRole(api, 'company-user', c.companyId);
    const res = await api.request('POST', `/companies/${c.companyId}/primary-poc`, {
      token: c.poc.token,
      body: { userId: next.userId },
    });
    expect(res.status).toBe(200);
    expect(res.body.from).toMatchObject({
      role: 'company-user',
      permissions: { editProfile: false, authorizeSharing: false },
    });
    expect((await api.request('GET', '/me', { token: c.poc.token })).body).toMatchObject({
      role: 'company-user',
      permissions: { editProfile: false, authorizeSharing: false },
    });

    const shared = await grantTo(c.companyId, c.poc.token, partner.companyId, 'profile');
    expect(shared.status).toBe(403);
    expect(shared.body.error.code).toBe('not_designated');
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/security-profile`, {
          token: c.poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/account-info`, {
          token: c.poc.token,
          body: accountInfoFor(0),
        })
      ).status,
    ).toBe(403);
    // The users list (the new POC's view) agrees with what the API enforces.
    const listed = await api.request('GET', `/companies/${c.companyId}/users?limit=100`, { token: next.token });
    expect(listed.body.items.find((u: { userId: string }) => u.userId === c.poc.userId)).toMatchObject({
      role: 'company-user',
      permissions: { editProfile: false, authorizeSharing: false },
    });
  });

  it('keeps exactly the permissions the hand-over names', async () => {
    const c = await company();
    const partner = await company({ category: 'sea-carrier', identifiers: { scac: 'HNDP' } });
    const next = await userWithRole(api, 'company-user', c.companyId);
    const body = { userId: next.userId, formerPocPermissions: { editProfile: true, authorizeSharing: false } };
    const res = await api.request('POST', `/companies/${c.companyId}/primary-poc`, { token: c.poc.token, body });
    expect(res.status).toBe(200);
    expect(res.body.from.permissions).toEqual({ editProfile: true, authorizeSharing: false });
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/security-profile`, {
          token: c.poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);
    expect((await grantTo(c.companyId, c.poc.token, partner.companyId, 'profile')).status).toBe(403);

    const other = await company();
    const heir = await userWithRole(api, 'company-user', other.companyId);
    const sharing = { userId: heir.userId, formerPocPermissions: { editProfile: false, authorizeSharing: true } };
    expect(
      (
        await api.request('POST', `/companies/${other.companyId}/primary-poc`, {
          token: other.poc.token,
          body: sharing,
        })
      ).status,
    ).toBe(200);
    expect((await grantTo(other.companyId, other.poc.token, partner.companyId, 'profile')).status).toBe(201);
    expect(
      (
        await api.request('PUT', `/companies/${other.companyId}/security-profile`, {
          token: other.poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(403);
    const half = await api.request('POST', `/companies/${other.companyId}/primary-poc`, {
      token: heir.token,
      body: { userId: other.poc.userId, formerPocPermissions: { editProfile: true } },
    });
    expect(half.status).toBe(400);
  });
});

describe('what a company reads of another party', () => {
  it("keeps the other side's user ids out of grant requests: in the list, the decision's answer and the export", async () => {
    const owner = await company();
    const partner = await company({ category: 'sea-carrier', identifiers: { scac: 'RQST' } });
    const asked = await api.request('POST', `/partners/${owner.companyId}/grant-requests`, {
      token: partner.poc.token,
      body: { scope: 'status' },
    });
    expect(asked.status).toBe(201);
    const decided = await api.request(
      'POST',
      `/companies/${owner.companyId}/grant-requests/${asked.body.requestId}/decision`,
      { token: owner.poc.token, body: { decision: 'decline' } },
    );
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'declined', decidedBy: owner.poc.userId });
    expect(decided.body).not.toHaveProperty('requestedBy');
    const mine = await api.request('POST', `/partners/${partner.companyId}/grant-requests`, {
      token: owner.poc.token,
      body: { scope: 'status' },
    });
    const accepted = await api.request(
      'POST',
      `/companies/${partner.companyId}/grant-requests/${mine.body.requestId}/decision`,
      { token: partner.poc.token, body: { decision: 'accept', expiresOn: '2027-06-30' } },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).not.toHaveProperty('requestedBy');

    const exported = await downloadExport(api, owner.companyId, owner.poc.token);
    expect(exported.status).toBe(200);
    const byId = new Map(exported.body.grantRequests.map((r: { requestId: string }) => [r.requestId, r]));
    expect(byId.get(asked.body.requestId)).toMatchObject({ decidedBy: owner.poc.userId });
    expect(byId.get(asked.body.requestId)).not.toHaveProperty('requestedBy');
    expect(byId.get(mine.body.requestId)).toMatchObject({ requestedBy: owner.poc.userId, status: 'accepted' });
    expect(byId.get(mine.body.requestId)).not.toHaveProperty('decidedBy');
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(partner.poc.userId);
    // CBP reads whole records.
    const cbp = await api.request('GET', `/companies/${owner.companyId}/grant-requests`, { token: officer });
    expect(cbp.body.items[0]).toMatchObject({ requestedBy: partner.poc.userId, decidedBy: owner.poc.userId });
  });

  it('shows a company user who may not list users that user changes happened, not what they were or from where', async () => {
    const c = await company();
    const colleague = await userWithRole(api, 'company-user', c.companyId, uniqueEmail('colleague'));
    const reader = await userWithRole(api, 'company-user', c.companyId);
    const changed = await api.request('PATCH', `/companies/${c.companyId}/users/${colleague.userId}`, {
      token: c.poc.token,
      body: { version: 1, permissions: { editProfile: true, authorizeSharing: false } },
    });
    expect(changed.status).toBe(200);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/threads`, {
          token: reader.token,
          body: { subject: 'Own record', body: 'Mine.' },
        })
      ).status,
    ).toBe(201);
    const trail = async (token: string, action: string) =>
      (await api.request('GET', `/companies/${c.companyId}/audit?action=${action}&limit=100`, { token })).body
        .items as Record<string, unknown>[];

    for (const action of ['user.provisioned', 'user.updated']) {
      const seen = await trail(reader.token, action);
      expect(seen.length, action).toBeGreaterThan(0);
      for (const record of seen) {
        expect(record).toMatchObject({ action, at: expect.any(String), actorRole: expect.any(String) });
        expect(record, action).not.toHaveProperty('changes');
        expect(record, action).not.toHaveProperty('sourceIp');
      }
      expect(JSON.stringify(seen)).not.toContain(colleague.email);
    }
    // The primary POC and CBP see what changed, and from where.
    expect((await trail(c.poc.token, 'user.updated'))[0]).toMatchObject({
      changes: { set: { permissions: { editProfile: true } } },
      sourceIp: expect.any(String),
    });
    expect(JSON.stringify(await trail(c.poc.token, 'user.provisioned'))).toContain(colleague.email);
    expect((await trail(officer, 'user.updated'))[0]).toMatchObject({
      changes: expect.any(Object),
      sourceIp: expect.any(String),
    });
    // Other records keep what they changed; the reader's own keep their address.
    expect((await trail(reader.token, 'thread.started'))[0]).toMatchObject({
      actorId: reader.userId,
      sourceIp: expect.any(String),
      changes: expect.any(Object),
    });

    // After a hand-over the former POC reads like any other company user.
    const heir = await userWithRole(api, 'company-user', c.companyId);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/primary-poc`, {
          token: c.poc.token,
          body: { userId: heir.userId },
        })
      ).status,
    ).toBe(200);
    const handedOver = await trail(reader.token, 'company.primary-poc-handed-over');
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]).not.toHaveProperty('changes');
    expect((await trail(heir.token, 'company.primary-poc-handed-over'))[0]).toHaveProperty('changes');
  });
});

describe('what a company reads of CBP', () => {
  it("shows who wrote for CBP, or reviewed a certification, by side and name, never the officer's user id", async () => {
    const c = await company();
    const started = await api.request('POST', `/companies/${c.companyId}/threads`, {
      token: officer,
      body: { subject: 'Seal inspection follow-up', body: 'Please call us about the seals.' },
    });
    expect(started.status).toBe(201);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/threads/${started.body.threadId}/messages`, {
          token: c.poc.token,
          body: { body: 'Will do.' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/account-info`, {
          token: c.poc.token,
          body: accountInfoFor(0),
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.request('PUT', `/companies/${c.companyId}/security-profile`, {
          token: c.poc.token,
          body: { version: 0, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);
    await reauthenticate(api, c.poc.token);
    const cert = await api.request('POST', `/companies/${c.companyId}/certifications`, {
      token: c.poc.token,
      body: { profileVersion: 1, attestation: true },
    });
    expect(cert.status).toBe(201);
    expect(
      (
        await api.request('POST', `/companies/${c.companyId}/certifications/${cert.body.certificationId}/review`, {
          token: officer,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(200);

    const threads = await api.request('GET', `/companies/${c.companyId}/threads`, { token: c.poc.token });
    expect(threads.body.items[0]).toMatchObject({ startedBySide: 'cbp' });
    expect(threads.body.items[0]).not.toHaveProperty('startedBy');
    const messages = await api.request('GET', `/companies/${c.companyId}/threads/${started.body.threadId}/messages`, {
      token: c.poc.token,
    });
    // (Both were sent at the same instant on the test clock: their order is the ids'.)
    const bySide = Object.fromEntries(messages.body.items.map((m: { authorSide: string }) => [m.authorSide, m]));
    expect(bySide.cbp).toMatchObject({ authorName: expect.any(String) });
    expect(bySide.cbp).not.toHaveProperty('authorId');
    expect(bySide.company).toMatchObject({ authorId: c.poc.userId });
    const certifications = await api.request('GET', `/companies/${c.companyId}/certifications`, { token: c.poc.token });
    expect(certifications.body.items[0]).toMatchObject({ status: 'approved' });
    const trail = await api.request('GET', `/companies/${c.companyId}/audit?action=certification.approved`, {
      token: c.poc.token,
    });
    expect(trail.body.items[0]).toMatchObject({
      actorRole: 'cbp-officer',
      actorCompanyId: 'CBP',
      changes: { set: { status: 'approved' } },
    });
    const exported = (await downloadExport(api, c.companyId, c.poc.token)).body;
    const seen = [
      threads.body,
      messages.body,
      certifications.body,
      trail.body,
      exported.threads,
      exported.certifications,
      exported.auditTrail,
    ];
    for (const body of seen) expect(JSON.stringify(body)).not.toContain(officerId);
    // CBP sees its own people.
    const asCbp = (
      await api.request('GET', `/companies/${c.companyId}/threads/${started.body.threadId}/messages`, {
        token: officer,
      })
    ).body.items;
    expect(asCbp.find((m: { authorSide: string }) => m.authorSide === 'cbp')).toMatchObject({ authorId: officerId });
    expect(
      (await api.request('GET', `/companies/${c.companyId}/certifications`, { token: officer })).body.items[0],
    ).toMatchObject({ reviewedBy: officerId });
  });
});

describe("another company's name and status", () => {
  it('are not in the answer to a grant, the grants list or the export unless that company shared them', async () => {
    const owner = await company();
    const stranger = await company({ category: 'sea-carrier', identifiers: { scac: 'STRG' } });
    const removed = await company({ category: 'rail-carrier', identifiers: { scac: 'GONE' } });
    expect(
      (
        await api.request('POST', `/companies/${removed.companyId}/removal`, {
          token: officer,
          body: { version: 1, reason: 'Removed for the test.' },
        })
      ).status,
    ).toBe(200);

    const made = await grantTo(owner.companyId, owner.poc.token, stranger.companyId);
    expect(made.status).toBe(201);
    expect(JSON.stringify(made.body)).not.toContain(stranger.legalName);
    // A removed company is answered like an active one: its status is not the granting company's to learn.
    const toRemoved = await grantTo(owner.companyId, owner.poc.token, removed.companyId);
    expect(toRemoved.status).toBe(201);
    expect(Object.keys(toRemoved.body).sort()).toEqual(Object.keys(made.body).sort());
    expect(JSON.stringify(toRemoved.body)).not.toContain(removed.legalName);
    const askRemoved = await api.request('POST', `/partners/${removed.companyId}/grant-requests`, {
      token: owner.poc.token,
      body: { scope: 'status' },
    });
    const askStranger = await api.request('POST', `/partners/${stranger.companyId}/grant-requests`, {
      token: owner.poc.token,
      body: { scope: 'status' },
    });
    expect(askRemoved.status).toBe(askStranger.status);
    expect(JSON.stringify(askRemoved.body)).not.toContain(removed.legalName);
    // An unknown id is refused, naming the field and nobody.
    const unknown = await grantTo(owner.companyId, owner.poc.token, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ field: 'grantee.companyId', message: expect.any(String) }]);

    const lists = async () => [
      await api.request('GET', `/companies/${owner.companyId}/grants?limit=100`, { token: owner.poc.token }),
      await api.request('GET', `/companies/${owner.companyId}/grant-requests?direction=outgoing&limit=100`, {
        token: owner.poc.token,
      }),
      await downloadExport(api, owner.companyId, owner.poc.token),
      await api.request('GET', '/shared-with-me', { token: owner.poc.token }),
    ];
    for (const res of await lists()) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(stranger.legalName);
      expect(JSON.stringify(res.body)).not.toContain(removed.legalName);
    }
    // CBP sees whole records.
    const cbp = await api.request('GET', `/companies/${owner.companyId}/grants?limit=100`, { token: officer });
    expect(cbp.body.items.map((g: { granteeName?: string }) => g.granteeName).sort()).toEqual(
      [removed.legalName, stranger.legalName].sort(),
    );

    // Once the stranger shares with the owner, the owner may know its name.
    expect((await grantTo(stranger.companyId, stranger.poc.token, owner.companyId)).status).toBe(201);
    const named = (
      await api.request('GET', `/companies/${owner.companyId}/grants?limit=100`, { token: owner.poc.token })
    ).body.items;
    expect(named.find((g: { grantId: string }) => g.grantId === made.body.grantId)).toMatchObject({
      granteeName: stranger.legalName,
    });
    expect(named.find((g: { grantId: string }) => g.grantId === toRemoved.body.grantId)).not.toHaveProperty(
      'granteeName',
    );
  });

  it('is known from a request: a grant that answers it names the company that asked', async () => {
    const owner = await company();
    const asker = await company({ category: 'sea-carrier', identifiers: { scac: 'ASKR' } });
    const asked = await api.request('POST', `/partners/${owner.companyId}/grant-requests`, {
      token: asker.poc.token,
      body: { scope: 'status' },
    });
    const incoming = await api.request('GET', `/companies/${owner.companyId}/grant-requests`, {
      token: owner.poc.token,
    });
    expect(incoming.body.items[0]).toMatchObject({ requesterLegalName: asker.legalName });
    expect(
      (
        await api.request('POST', `/companies/${owner.companyId}/grant-requests/${asked.body.requestId}/decision`, {
          token: owner.poc.token,
          body: { decision: 'accept', expiresOn: '2027-06-30' },
        })
      ).status,
    ).toBe(200);
    const listed = (await api.request('GET', `/companies/${owner.companyId}/grants`, { token: owner.poc.token })).body
      .items;
    expect(listed[0]).toMatchObject({ granteeName: asker.legalName, requestId: asked.body.requestId });
  });
});
