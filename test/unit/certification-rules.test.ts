import { describe, expect, it } from 'vitest';
import { certificationWindow, statementFor, windowNotOpenMessage } from '../../functions/domain/certification-rules.ts';

const at = (iso: string) => new Date(iso);

describe('certification rules (decision 20)', () => {
  it('let a company that never certified certify at once, though its portal update set a first due date', () => {
    expect(certificationWindow({}, at('2006-07-01T12:00:00Z'))).toEqual({ kind: 'first' });
    expect(
      certificationWindow({ nextCertificationDueAt: '2007-07-01T12:00:00.000Z' }, at('2006-07-02T12:00:00Z')),
    ).toEqual({ kind: 'first' });
  });

  it('let a certification CBP sent back be resubmitted at once', () => {
    expect(
      certificationWindow(
        { nextCertificationDueAt: '2007-07-01T12:00:00.000Z', certificationStatus: 'returned' },
        at('2006-07-02T12:00:00Z'),
      ),
    ).toEqual({ kind: 'returned' });
  });

  it('open a later certification 90 days before its due date (00:00 Eastern), and say so in the same words the pages use', () => {
    const company = { nextCertificationDueAt: '2007-07-01T04:00:00.000Z', certificationStatus: 'approved' } as const;
    // 2007-04-02 starts at 04:00Z in Washington (EDT).
    const before = certificationWindow(company, at('2007-04-02T03:59:59Z'));
    expect(before).toEqual({ kind: 'not-yet', dueOn: '2007-07-01', opensOn: '2007-04-02' });
    expect(certificationWindow(company, at('2007-04-02T04:00:00Z'))).toEqual({
      kind: 'open',
      dueOn: '2007-07-01',
      opensOn: '2007-04-02',
    });
    expect(windowNotOpenMessage(before as { dueOn: string; opensOn: string })).toBe(
      'Your next certification is due on 2007-07-01. You can certify from 2007-04-02, 90 days before it is due.',
    );
  });

  it('ask for the re-confirmation exactly when the profile version is the one last certified', () => {
    const last = { certificationId: 'c1', profileVersion: 4, certifiedAt: '2006-07-01T12:00:00.000Z' };
    expect(statementFor(4, undefined)).toBe('profile-current');
    expect(statementFor(5, last)).toBe('profile-current');
    expect(statementFor(4, last)).toBe('reviewed-unchanged');
  });
});
