import { describe, expect, it } from 'vitest';
import {
  confidentialIn,
  findLeaks,
  leakReport,
  meaningful,
  summary,
  type CheckedEmail,
} from '../support/email-leaks.ts';

const PROGRAM = 'ctpat-program@cbp.example.gov';
const email = (to: string, subject: string, text: string, html = `<p>${text}</p>`): CheckedEmail => ({
  destination: { to: [to], cc: [], bcc: [] },
  subject,
  body: { text, html },
});

describe('confidentialIn', () => {
  it("takes an alert's title and text, a message's subject and text, and a company's name and identifiers", () => {
    expect(
      confidentialIn('POST', '/alerts', {
        kind: 'cargo-security-alert',
        title: 'Hollow axles',
        body: 'Seen at yard 14.',
        severity: 'medium',
        audience: { scope: 'all' },
      }),
    ).toEqual([
      { kind: 'content', value: 'Hollow axles' },
      { kind: 'content', value: 'Seen at yard 14.' },
    ]);
    expect(
      confidentialIn('POST', '/companies/c1/threads', {
        subject: 'Seal discrepancy',
        body: 'Container MSCU1234567',
      }).map((v) => v.value),
    ).toEqual(['Seal discrepancy', 'Container MSCU1234567']);
    expect(
      confidentialIn('POST', '/companies', {
        legalName: 'Acme Imports LLC',
        category: 'importer',
        pocEmail: 'poc@acme.example.com',
        pocName: 'Dana Reyes',
        identifiers: { ein: '12-3456789' },
      }),
    ).toEqual([
      { kind: 'company-name', value: 'Acme Imports LLC' },
      { kind: 'content', value: '12-3456789' },
    ]);
  });

  it("takes every answer of the account information and the profile, but not the recipients' addresses", () => {
    const values = confidentialIn('PUT', '/companies/c1/account-info', {
      version: 0,
      contacts: [
        { name: 'Dana Reyes', title: 'Security manager', email: 'dana@acme.example.com', phone: '+12025550143' },
      ],
      headquarters: { line1: '1 Harbor Way', city: 'Newark', country: 'US' },
      facilities: [],
      identifiers: { ein: '12-3456789' },
    }).map((v) => v.value);
    expect(values).toEqual(['Dana Reyes', 'Security manager', '+12025550143', '1 Harbor Way', 'Newark', '12-3456789']);
    expect(
      confidentialIn('PUT', '/companies/c1/security-profile', {
        version: 1,
        answers: { personnel: { screening: 'Background checks every two years', badge: true } },
      }).map((v) => v.value),
    ).toEqual(['Background checks every two years']);
  });

  it('takes nothing from a body without confidential fields', () => {
    expect(
      confidentialIn('POST', '/companies/c1/users', {
        email: 'new@acme.example.com',
        name: 'New User',
        role: 'company-user',
      }),
    ).toEqual([]);
  });
});

describe('findLeaks', () => {
  const values = [
    { kind: 'content' as const, value: 'Smuggling method: hollow axles' },
    { kind: 'content' as const, value: 'Container MSCU1234567 seal 88231 was found cut' },
    { kind: 'company-name' as const, value: 'Harbor Home Goods Inc.' },
    { kind: 'content' as const, value: 'Body.' },
    { kind: 'content' as const, value: 'secure message' },
  ];

  it("finds a planted alert title in a subject, whatever its case and spacing, with the email's recipient and subject", () => {
    const leaking = email(
      'poc@b.example.com',
      'C-TPAT bulletin (medium): Smuggling   method: HOLLOW axles',
      'Sign in.',
    );
    const leaks = findLeaks(
      [email('a@x.com', 'C-TPAT: a new cargo security alert', 'Sign in.'), leaking],
      values,
      PROGRAM,
    );
    expect(leaks).toEqual([
      { to: ['poc@b.example.com'], subject: leaking.subject, value: 'Smuggling method: hollow axles', kind: 'content' },
    ]);
    expect(leakReport(leaks)).toContain(
      'to poc@b.example.com, subject "C-TPAT bulletin (medium): Smuggling   method: HOLLOW axles": carries content "Smuggling method: hollow axles"',
    );
  });

  it('finds a value in the HTML part alone, even with its characters escaped', () => {
    const leaks = findLeaks(
      [
        email(
          'a@x.com',
          'Notice',
          'Nothing here.',
          '<p>Harbor Home Goods Inc. &amp; a <b>Container MSCU1234567 seal 88231 was found cut</b></p>',
        ),
      ],
      values,
      PROGRAM,
    );
    expect(leaks.map((l) => l.value)).toEqual([
      'Container MSCU1234567 seal 88231 was found cut',
      'Harbor Home Goods Inc.',
    ]);
    const escaped = findLeaks(
      [email('a@x.com', 'Notice', 'x', '<p>O&#x27;Brien &amp; Sons</p>')],
      [{ kind: 'company-name', value: "O'Brien & Sons" }],
      PROGRAM,
    );
    expect(escaped).toHaveLength(1);
  });

  it("lets a company's name, and only its name, reach CBP's program mailbox", () => {
    const toProgram = email(
      PROGRAM,
      'C-TPAT portal: Company removed',
      'Company removed: Harbor Home Goods Inc. (importer). Container MSCU1234567 seal 88231 was found cut',
    );
    expect(findLeaks([toProgram], values, PROGRAM).map((l) => l.value)).toEqual([
      'Container MSCU1234567 seal 88231 was found cut',
    ]);
    expect(
      findLeaks(
        [{ ...toProgram, destination: { to: ['poc@harbor.example.com'], cc: [], bcc: [] } }],
        values,
        PROGRAM,
      ).map((l) => l.value),
    ).toContain('Harbor Home Goods Inc.');
  });

  it('ignores values too short to mean anything and words every email says anyway', () => {
    expect(meaningful('Body.')).toBe(false);
    expect(meaningful('secure message')).toBe(false);
    expect(meaningful('Smuggling method: hollow axles')).toBe(true);
    expect(
      findLeaks([email('a@x.com', 'C-TPAT: a new secure message from CBP', 'Body. Sign in.')], values, PROGRAM),
    ).toEqual([]);
  });

  it('counts the emails and the distinct values it looked for', () => {
    expect(summary(3, [...values, values[0]!], [])).toBe(
      '[test] email content check: 3 emails, 3 confidential values, 0 leaks',
    );
  });
});
