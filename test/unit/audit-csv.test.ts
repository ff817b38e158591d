/**
 * The audit trail's CSV (issue 21, item 6): a day holding more matching records than one file
 * answers is refused naming the filters that narrow it, never cut short; one within the bound is
 * whole. Against a fake trail of synthetic records.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_MAX_RECORDS, portalTrailCsv } from '../../functions/domain/audit-trail.ts';
import { auditItem } from '../../functions/domain/audit.ts';
import { BadRequest } from '../../functions/errors.ts';
import { callerFor, fixedClock } from '../support/factories.ts';

/** A day of `total` records, served a page at a time as DynamoDB would (the cursor an offset). */
const dayOf = (total: number) => {
  const reads: number[] = [];
  const trail = {
    ofDay: async (_day: string, _action: string | undefined, cursor: string | null, limit: number) => {
      const from = Number(cursor ?? 0);
      const size = Math.min(limit, 1_000, total - from);
      reads.push(size);
      const items = Array.from({ length: size }, (_, i) =>
        auditItem(
          { userId: 'u', role: 'primary-poc', companyId: 'c1', sourceIp: '192.0.2.1' },
          { companyId: 'c1', action: 'profile.saved', objectType: 'company', objectId: 'c1' },
          new Date(Date.UTC(2006, 4, 1) + from + i),
          `a${from + i}`,
        ),
      );
      return { items, cursor: from + size < total ? String(from + size) : null };
    },
  };
  const deps = {
    auditTrail: trail,
    clock: fixedClock('2006-05-01T12:00:00.000Z'),
    directory: { names: async () => ({ people: [], companies: [{ companyId: 'c1', legalName: 'One, Inc.' }] }) },
    companies: { listedOfCategory: async () => [] },
  };
  return { deps, reads };
};

describe('the audit trail as CSV', () => {
  it('holds every record of a day within the bound, in order', async () => {
    const { deps } = dayOf(AUDIT_CSV_MAX_RECORDS);
    const { filename, rows } = await portalTrailCsv(deps, callerFor('cbp-officer'), {});
    expect(filename).toBe('ctpat-audit-2006-05-01.csv');
    expect(rows).toHaveLength(AUDIT_CSV_MAX_RECORDS + 1);
    expect(rows[1]!.slice(0, 4)).toEqual(['2006-05-01T00:00:00.000Z', 'profile.saved', 'One, Inc.', 'c1']);
    expect(rows.at(-1)!.at(-1)).toBe(`a${AUDIT_CSV_MAX_RECORDS - 1}`);
  });

  it('refuses a day past the bound, naming the day and how to narrow it, rather than cutting it short', async () => {
    const { deps } = dayOf(AUDIT_CSV_MAX_RECORDS + 1);
    const refused = await portalTrailCsv(deps, callerFor('cbp-officer'), { day: '2006-05-01' }).catch((e) => e);
    expect(refused).toBeInstanceOf(BadRequest);
    expect(refused.details).toEqual([
      { field: 'day', message: `more than ${AUDIT_CSV_MAX_RECORDS} records: filter by action or company` },
    ]);
  });

  it('is for CBP only', async () => {
    const { deps, reads } = dayOf(3);
    await expect(portalTrailCsv(deps, callerFor('primary-poc'), {})).rejects.toMatchObject({ status: 403 });
    expect(reads).toEqual([]);
  });
});
