/**
 * Status-verification codes (issue 21 item 4, decision 85): each company gets one at enrollment,
 * unique across the portal; a partner is named by its code in a grant and in a grant request; a
 * code that names nobody answers as an unknown company id does; companies enrolled before codes
 * existed get theirs from the one-off assignment.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { putCompanies } from '../support/items.ts';
import { auditRecordsOf, itemsOfKind, storedItem } from '../support/table.ts';
import { isSviCode, sviCodeOf } from '../../functions/schemas/svi-code.ts';
import { codeKey, companyKey } from '../../functions/data/company-store.ts';
import type { Company } from '../../functions/schemas/company.ts';

let api: TestApi;
let admin: string;
let owner: Company;
let ownerPoc: string;
let partner: Company;
let partnerPoc: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  owner = await enrollCompany(api, admin);
  partner = await enrollCompany(api, admin);
  ownerPoc = (await userWithRole(api, 'primary-poc', owner.companyId, owner.pocEmail)).token;
  partnerPoc = (await userWithRole(api, 'primary-poc', partner.companyId, partner.pocEmail)).token;
});
afterAll(() => api.close());

/** A well-formed code (its check character right) that no company holds. */
const unheldCode = async (): Promise<string> => {
  const held = new Set((await itemsOfKind<{ sviCode: string }>('sviCode')).map((c) => c.sviCode));
  for (const body of ['ZZZZZZZ', 'YYYYYYY', 'XXXXXXX']) if (!held.has(sviCodeOf(body))) return sviCodeOf(body);
  throw new Error('every test code is held');
};

const grantTo = (grantee: object, token = ownerPoc) =>
  api.request('POST', `/companies/${owner.companyId}/grants`, {
    token,
    body: { grantee, scope: 'status', expiresOn: '2027-06-30' },
  });

describe('status-verification codes', () => {
  it('are given at enrollment, shown to the company, and held by one claim each', async () => {
    expect(isSviCode(owner.sviCode!)).toBe(true);
    expect(owner.sviCode).not.toBe(partner.sviCode);
    const read = await api.request('GET', `/companies/${owner.companyId}`, { token: ownerPoc });
    expect(read.body.sviCode).toBe(owner.sviCode);
    expect(await storedItem(codeKey(owner.sviCode!))).toMatchObject({ companyId: owner.companyId });
    const [enrolled] = (await auditRecordsOf(owner.companyId)).filter((r) => r.action === 'company.enrolled');
    expect(enrolled!.changes).toMatchObject({ after: { sviCode: owner.sviCode } });
  });

  it("make a grant with the partner's code as a person types it, and show the owner the code", async () => {
    const typed = ` ${partner.sviCode!.toLowerCase().replace('-', ' ')}`;
    const made = await grantTo({ type: 'company', code: typed });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.grantee).toEqual({ type: 'company', companyId: partner.companyId, code: partner.sviCode });
    // The owner named a code; the partner's legal name is still the partner's to tell (decision 37).
    expect(made.body).not.toHaveProperty('granteeName');
    const shared = await api.request('GET', '/shared-with-me', { token: partnerPoc });
    expect(shared.body.items).toEqual([
      expect.objectContaining({ grantId: made.body.grantId, ownerCompanyId: owner.companyId }),
    ]);
    const [created] = (await auditRecordsOf(owner.companyId)).filter((r) => r.action === 'grant.created');
    expect(created!.changes).toMatchObject({ after: { grantee: { type: 'company', code: partner.sviCode } } });
  });

  it('refuse a code that names nobody as an unknown company id is refused, storing nothing', async () => {
    const before = (await itemsOfKind('grant')).length;
    const byCode = await grantTo({ type: 'company', code: await unheldCode() });
    const byId = await grantTo({ type: 'company', companyId: randomUUID() });
    expect(byCode.status).toBe(400);
    expect(byCode.body.error.details).toEqual([{ field: 'grantee.code', message: 'is not a participant company' }]);
    expect(byId.body.error.details).toEqual([{ field: 'grantee.companyId', message: 'is not a participant company' }]);
    expect(byCode.body.error.message).toBe(byId.body.error.message.replace('grantee.companyId', 'grantee.code'));
    expect((await itemsOfKind('grant')).length).toBe(before);
  });

  it('refuse a mistyped code, the company its own, and neither or both ways of naming a partner, naming the field', async () => {
    const last = partner.sviCode!.at(-1) === '2' ? '3' : '2';
    const typo = await grantTo({ type: 'company', code: `${partner.sviCode!.slice(0, -1)}${last}` });
    expect(typo.status).toBe(400);
    expect(typo.body.error.details).toEqual([
      { field: 'grantee.code', message: 'is not a valid code: check it for a mistyped character' },
    ]);
    const own = await grantTo({ type: 'company', code: owner.sviCode });
    expect(own.body.error.details).toEqual([{ field: 'grantee.code', message: 'must be another company' }]);
    for (const grantee of [
      { type: 'company' },
      { type: 'company', code: partner.sviCode, companyId: partner.companyId },
    ]) {
      const res = await grantTo(grantee);
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(['grantee.code']);
    }
  });

  it("ask a partner for a grant by its code; a code that names nobody answers as an unknown company's id", async () => {
    const asked = await api.request('POST', '/grant-requests', {
      token: ownerPoc,
      body: { partnerCode: partner.sviCode!.toLowerCase(), scope: 'profile-summary', message: 'Onboarding you.' },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({
      requesterCompanyId: owner.companyId,
      targetCompanyId: partner.companyId,
      scope: 'profile-summary',
      status: 'pending',
    });
    const incoming = await api.request('GET', `/companies/${partner.companyId}/grant-requests`, { token: partnerPoc });
    expect(incoming.body.items.map((r: { requestId: string }) => r.requestId)).toContain(asked.body.requestId);

    const before = (await itemsOfKind('grantRequest')).length;
    const byCode = await api.request('POST', '/grant-requests', {
      token: ownerPoc,
      body: { partnerCode: await unheldCode(), scope: 'status' },
    });
    const byId = await api.request('POST', `/partners/${randomUUID()}/grant-requests`, {
      token: ownerPoc,
      body: { scope: 'status' },
    });
    expect(byCode.status).toBe(404);
    expect(byCode.body).toEqual(byId.body);
    const own = await api.request('POST', '/grant-requests', {
      token: ownerPoc,
      body: { partnerCode: owner.sviCode, scope: 'status' },
    });
    expect(own.body.error.details).toEqual([{ field: 'partnerCode', message: 'must be another company' }]);
    const malformed = await api.request('POST', '/grant-requests', {
      token: ownerPoc,
      body: { partnerCode: 'Q7KP-4MX', scope: 'status' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([
      { field: 'partnerCode', message: 'must be 8 letters and digits, like Q7KP-4MXW' },
    ]);
    expect((await itemsOfKind('grantRequest')).length).toBe(before);
  });

  it('are given to companies enrolled before codes existed by the one-off assignment, once, each audited', async () => {
    const { assignMissingCodes, randomSviCodes } = await import('../../functions/domain/svi-codes.ts');
    const { operatorActor } = await import('../../functions/domain/staff.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    // Two companies as stored before codes existed: no code, no claim.
    const older = [randomUUID(), randomUUID()].map((companyId, i) => {
      const { sviCode: _code, ...rest } = { ...owner, companyId, legalName: `Older Importer ${i}` };
      return rest as Company;
    });
    await putCompanies(older);
    // Two runs at once, as two operators might: each company gets one code, with one record.
    const runs = await Promise.all(
      [1, 2].map(() => assignMissingCodes({ ...allPorts, codes: randomSviCodes }, operatorActor('ops', 'test'))),
    );
    expect(runs.reduce((n, r) => n + r.assigned, 0)).toBeGreaterThanOrEqual(older.length);
    for (const company of older) {
      const stored = (await storedItem(companyKey(company.companyId))) as Company;
      expect(isSviCode(stored.sviCode!)).toBe(true);
      expect(await storedItem(codeKey(stored.sviCode!))).toMatchObject({ companyId: company.companyId });
      const records = (await auditRecordsOf(company.companyId)).filter((r) => r.action === 'company.svi-code-assigned');
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ actorId: 'operator:ops', changes: { after: { sviCode: stored.sviCode } } });
    }
    const again = await assignMissingCodes({ ...allPorts, codes: randomSviCodes }, operatorActor('ops', 'test'));
    expect(again.assigned).toBe(0);
    // Codes claimed by companies: one claim per code, none left over by the losing run.
    const claims = await itemsOfKind<{ sviCode: string; companyId: string }>('sviCode');
    const companiesWithCodes = (await itemsOfKind<Company>('company')).filter((c) => c.sviCode);
    expect(claims.map((c) => c.sviCode).sort()).toEqual(companiesWithCodes.map((c) => c.sviCode).sort());
  });
});
