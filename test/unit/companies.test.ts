import { describe, expect, it } from 'vitest';
import * as companies from '../../functions/domain/companies.ts';
import { Forbidden, NotFound } from '../../functions/errors.ts';
import { Benefits, type Company } from '../../functions/schemas/company.ts';
import { companyView } from '../../functions/domain/companies.ts';
import type { Obligation } from '../../functions/schemas/obligations.ts';
import { callerFor, fixedClock, sequentialIds } from '../support/factories.ts';
import { CodeTaken } from '../../functions/errors.ts';
import { isSviCode, sviCodeOf } from '../../functions/schemas/svi-code.ts';
import type { CodeSource } from '../../functions/domain/svi-codes.ts';

/** Codes drawn in order from `bodies` (seven characters each). */
const codesOf = (...bodies: string[]): CodeSource => {
  let n = 0;
  return { next: () => sviCodeOf(bodies[n++ % bodies.length]!) };
};

const input = {
  legalName: 'Acme Imports LLC',
  category: 'importer' as const,
  pocEmail: 'Dana.Reyes@Acme.example.com',
  identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
};

const fakeStore = () => {
  const saved: { record: Company; enrollment: Obligation; audit: Record<string, unknown> }[] = [];
  return {
    saved,
    enroll: async (record: Company, enrollment: Obligation, audit: any) => {
      if (saved.some((s) => s.record.sviCode === record.sviCode)) throw new CodeTaken();
      saved.push({ record, enrollment, audit });
    },
    get: async (companyId: string) => saved.find((s) => s.record.companyId === companyId)?.record ?? null,
  };
};

describe('enroll', () => {
  it('records the company as enrolled by the officer, with its POC email lower-cased, and the audit entry in the same write', async () => {
    const store = fakeStore();
    const deps = {
      clock: fixedClock('2006-05-01T12:00:00Z'),
      ids: sequentialIds(),
      codes: codesOf('Q7KP4MX'),
      companies: store,
    };
    const company = await companies.enroll(deps, callerFor('cbp-officer'), input);

    expect(company).toEqual({
      companyId: 'id-1',
      legalName: 'Acme Imports LLC',
      category: 'importer',
      pocEmail: 'dana.reyes@acme.example.com',
      identifiers: input.identifiers,
      status: 'active',
      programStatus: 'applicant',
      enrolledAt: '2006-05-01T12:00:00.000Z',
      enrolledBy: 'user-cbp-officer',
      sviCode: sviCodeOf('Q7KP4MX'),
      version: 1,
      benefits: 'none',
    });
    expect(isSviCode(company.sviCode!)).toBe(true);
    expect(store.saved).toHaveLength(1);
    // Benefits follow the status: shown, never stored.
    expect(store.saved[0]!.record).not.toHaveProperty('benefits');
    expect(store.saved[0]!.record.programStatus).toBe('applicant');
    expect(store.saved[0]!.audit).toMatchObject({
      companyId: 'id-1',
      auditId: 'id-2',
      action: 'company.enrolled',
      objectType: 'company',
      objectId: 'id-1',
      at: '2006-05-01T12:00:00.000Z',
      day: '2006-05-01',
      actorId: 'user-cbp-officer',
      actorRole: 'cbp-officer',
      actorCompanyId: 'CBP',
      sourceIp: '203.0.113.7',
    });
    // The enrollment deadline opens in the same write, due at once so the next sweep schedules it.
    expect(store.saved[0]!.enrollment).toMatchObject({
      companyId: 'id-1',
      kind: 'enrollment',
      dueAt: '2006-05-01T12:00:00.000Z',
      enrolledAt: '2006-05-01T12:00:00.000Z',
    });
  });

  it('draws another status-verification code when the first is taken, keeping the same ids', async () => {
    const store = fakeStore();
    const deps = { clock: fixedClock('2006-05-01T12:00:00Z'), ids: sequentialIds(), companies: store };
    await companies.enroll({ ...deps, codes: codesOf('Q7KP4MX') }, callerFor('cbp-officer'), input);
    const second = await companies.enroll({ ...deps, codes: codesOf('Q7KP4MX', 'ABCDEFG') }, callerFor('cbp-officer'), {
      ...input,
      pocEmail: 'other@acme.example.com',
    });
    expect(second.sviCode).toBe(sviCodeOf('ABCDEFG'));
    expect(store.saved.map((s) => s.record.companyId)).toEqual(['id-1', 'id-3']);
    expect(store.saved[1]!.audit).toMatchObject({ auditId: 'id-4', changes: { after: { sviCode: second.sviCode } } });
  });

  it('gives up after three taken codes rather than loop on a broken source', async () => {
    const store = fakeStore();
    const deps = { clock: fixedClock('2006-05-01T12:00:00Z'), ids: sequentialIds(), companies: store };
    await companies.enroll({ ...deps, codes: codesOf('Q7KP4MX') }, callerFor('cbp-officer'), input);
    await expect(
      companies.enroll({ ...deps, codes: codesOf('Q7KP4MX') }, callerFor('cbp-officer'), input),
    ).rejects.toBeInstanceOf(CodeTaken);
    expect(store.saved).toHaveLength(1);
  });

  it.each(['primary-poc', 'company-user'] as const)(
    'refuses a %s even if the route check were bypassed',
    async (role) => {
      const store = fakeStore();
      const deps = {
        clock: fixedClock('2006-05-01T12:00:00Z'),
        ids: sequentialIds(),
        codes: codesOf('Q7KP4MX'),
        companies: store,
      };
      await expect(companies.enroll(deps, callerFor(role), input)).rejects.toBeInstanceOf(Forbidden);
      expect(store.saved).toHaveLength(0);
    },
  );
});

describe('get', () => {
  const seeded = async () => {
    const store = fakeStore();
    const company = await companies.enroll(
      {
        clock: fixedClock('2006-05-01T12:00:00Z'),
        ids: sequentialIds('c'),
        codes: codesOf('Q7KP4MX'),
        companies: store,
      },
      callerFor('cbp-admin'),
      input,
    );
    return { store, company };
  };

  it('lets CBP staff read any company', async () => {
    const { store, company } = await seeded();
    await expect(companies.get({ companies: store }, callerFor('cbp-officer'), company.companyId)).resolves.toEqual(
      company,
    );
  });

  it("lets a company's own user read it", async () => {
    const { store, company } = await seeded();
    await expect(
      companies.get({ companies: store }, callerFor('company-user', company.companyId), company.companyId),
    ).resolves.toEqual(company);
  });

  it('serves the company read with the membership without a second read, and still answers 404 when it was not found', async () => {
    const { store, company } = await seeded();
    const record = store.saved[0]!.record;
    const noReads = { ...store, get: async () => expect.unreachable('the company was read twice') };
    const prefetched = { companyId: company.companyId, record };
    await expect(
      companies.get(
        { companies: noReads },
        callerFor('primary-poc', company.companyId, { prefetched }),
        company.companyId,
      ),
    ).resolves.toEqual(company);
    await expect(
      companies.get({ companies: noReads }, callerFor('cbp-officer', 'CBP', { prefetched }), company.companyId),
    ).resolves.toEqual(company);
    const missing = { companyId: 'gone', record: null };
    await expect(
      companies.get({ companies: noReads }, callerFor('cbp-officer', 'CBP', { prefetched: missing }), 'gone'),
    ).rejects.toBeInstanceOf(NotFound);
    // Any other id goes to the store.
    await expect(
      companies.get({ companies: store }, callerFor('cbp-officer', 'CBP', { prefetched }), 'nope'),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("answers 404, not 403, to another company's user, so ids cannot be probed", async () => {
    const { store, company } = await seeded();
    await expect(
      companies.get({ companies: store }, callerFor('primary-poc', 'company-b'), company.companyId),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('answers 404 for an unknown company', async () => {
    const { store } = await seeded();
    await expect(companies.get({ companies: store }, callerFor('cbp-admin'), 'nope')).rejects.toBeInstanceOf(NotFound);
  });
});

describe('companyView', () => {
  it("shows a removed company's benefits as revoked, never as suspended (a lesser sanction in C-TPAT)", () => {
    const record: Company = {
      companyId: 'c1',
      ...input,
      status: 'removed',
      enrolledAt: '2006-05-01T12:00:00.000Z',
      enrolledBy: 'u',
      version: 2,
    };
    expect(companyView(record)).toMatchObject({ programStatus: 'removed', benefits: 'revoked' });
    // Removed while suspended: still removed, benefits revoked.
    expect(companyView({ ...record, programStatus: 'suspended' })).toMatchObject({
      programStatus: 'removed',
      benefits: 'revoked',
    });
    // A company enrolled before program statuses existed is a certified participant.
    expect(companyView({ ...record, status: 'active' })).toMatchObject({
      programStatus: 'certified',
      benefits: 'active',
    });
    expect(
      Object.fromEntries(
        (['applicant', 'certified', 'validated', 'suspended'] as const).map((s) => [
          s,
          companyView({ ...record, status: 'active', programStatus: s }).benefits,
        ]),
      ),
    ).toEqual({ applicant: 'none', certified: 'active', validated: 'active', suspended: 'suspended' });
    expect(Benefits.options).toEqual(['none', 'active', 'suspended', 'revoked']);
  });
});
