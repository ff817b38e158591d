import { describe, expect, it } from 'vitest';
import { createGrant, inForce, revokeGrant } from '../../functions/domain/sharing.ts';
import { callerFor, fixedClock } from '../support/factories.ts';
import { Forbidden } from '../../functions/errors.ts';

/** Dependencies that fail the test if the domain reaches them: the refusal must come first. */
const untouchable = new Proxy(
  {},
  {
    get: (_t, name) => {
      throw new Error(`the domain read ${String(name)} before refusing`);
    },
  },
) as never;

describe('sharing rules', () => {
  it("refuses CBP staff a grant or a revocation on a company's behalf, before reading anything", async () => {
    for (const role of ['cbp-officer', 'cbp-admin'] as const) {
      const attempt = createGrant(untouchable, callerFor(role), 'company-a', {
        grantee: { type: 'program', program: 'ca-pip' },
        scope: 'status',
        expiresOn: '2027-01-01',
      });
      await expect(attempt).rejects.toBeInstanceOf(Forbidden);
      await expect(attempt).rejects.toMatchObject({ code: 'company_only' });
      await expect(revokeGrant(untouchable, callerFor(role), 'company-a', 'g1')).rejects.toMatchObject({
        code: 'company_only',
      });
    }
  });

  it('keeps a grant in force through the end of its expiry day (UTC), and never once revoked', () => {
    const day = (iso: string) => fixedClock(iso).now();
    expect(inForce({ status: 'active', expiresOn: '2027-01-01' }, day('2027-01-01T23:59:59.999Z'))).toBe(true);
    expect(inForce({ status: 'active', expiresOn: '2027-01-01' }, day('2027-01-02T00:00:00.000Z'))).toBe(false);
    expect(inForce({ status: 'revoked', expiresOn: '2027-01-01' }, day('2026-06-01T00:00:00.000Z'))).toBe(false);
  });
});
