/**
 * No header or content injection through names (issue 17, item 2). Each payload that hides a
 * second line, a control character or a bidirectional override inside a single-line field is
 * refused by the real routes with a 400 naming the field, and nothing is stored or queued; the
 * invitation email carries nothing the inviter typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollCompany,
  enrollmentInput,
  startTestApi,
  uniqueEmail,
  userWithRole,
  type ApiResponse,
  type TestApi,
} from '../support/api.ts';
import { waitForMail } from '../support/mail.ts';
import { allItems } from '../support/table.ts';
import { INJECTION_PAYLOADS } from '../support/injection.ts';

let api: TestApi;
let admin: string;
let officer: string;
let poc: string;
let companyId: string;
let refused = 0;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
  companyId = (await enrollCompany(api, admin)).companyId;
  poc = (await userWithRole(api, 'primary-poc', companyId)).token;
});
afterAll(async () => {
  console.log(
    `[injection] ${INJECTION_PAYLOADS.length} payloads x ${FIELDS.length} fields: ${refused} of ${INJECTION_PAYLOADS.length * FIELDS.length} refused with a 400 naming the field, nothing stored, nothing sent`,
  );
  await api.close();
});

interface Field {
  /** Route and field, as the test names it. */
  readonly name: string;
  /** The field's dotted path in the error's details. */
  readonly field: string;
  /** Sends a body whose field holds `value`; `to` is an address that would get an email if it were accepted. */
  readonly send: (value: string, to: string) => Promise<ApiResponse>;
}

const FIELDS: readonly Field[] = [
  {
    name: 'add a user: name',
    field: 'name',
    send: (name, email) =>
      api.request('POST', `/companies/${companyId}/users`, {
        token: poc,
        body: { email, name, permissions: { editProfile: false, authorizeSharing: false } },
      }),
  },
  {
    name: 'add staff: name',
    field: 'name',
    send: (name, email) => api.request('POST', '/staff', { token: admin, body: { email, name, role: 'cbp-officer' } }),
  },
  {
    name: 'enroll: legalName',
    field: 'legalName',
    send: (legalName, pocEmail) =>
      api.request('POST', '/companies', { token: officer, body: enrollmentInput({ legalName, pocEmail }) }),
  },
  {
    name: 'enroll: pocName',
    field: 'pocName',
    send: (pocName, pocEmail) =>
      api.request('POST', '/companies', { token: officer, body: enrollmentInput({ pocName, pocEmail }) }),
  },
  {
    name: 'start a thread: subject',
    field: 'subject',
    send: (subject) =>
      api.request('POST', `/companies/${companyId}/threads`, {
        token: poc,
        body: { subject, body: 'An ordinary message.' },
      }),
  },
  {
    name: 'publish an alert: title',
    field: 'title',
    send: (title) =>
      api.request('POST', '/alerts', {
        token: officer,
        body: {
          kind: 'cargo-security-alert',
          title,
          body: 'An ordinary alert.',
          severity: 'low',
          audience: { scope: 'companies', companyIds: [companyId] },
        },
      }),
  },
  {
    name: 'change the POC: pocName',
    field: 'pocName',
    send: (pocName, pocEmail) =>
      api.request('POST', `/companies/${companyId}/poc-change`, {
        token: admin,
        body: { version: 1, pocEmail, pocName, reason: 'The POC left the company.' },
      }),
  },
  {
    name: 'name a secondary contact: name',
    field: 'name',
    send: (name, email) =>
      api.request('PUT', `/companies/${companyId}/secondary-contact`, {
        token: poc,
        body: { version: 1, name, email },
      }),
  },
];

describe.each(FIELDS.map((f) => [f.name, f] as const))('%s', (_name, field) => {
  it.each(INJECTION_PAYLOADS)(
    'refuses %s with a 400 naming the field; nothing stored, nothing sent',
    async (what, payload) => {
      const before = (await allItems()).length;
      const to = uniqueEmail('injected');
      const res = await field.send(payload, to);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      const detail = res.body.error.details.find((d: { field: string }) => d.field === field.field);
      expect(detail?.message, JSON.stringify(res.body.error.details)).toMatch(/^must (be a single line|not contain)/);
      expect((await allItems()).length).toBe(before);
      expect(await waitForMail(to, 0)).toEqual([]);
      refused += 1;
    },
  );
});

describe('ordinary names', () => {
  it('are accepted with accents, apostrophes, hyphens and other scripts; multi-line text keeps its lines', async () => {
    const added = await api.request('POST', `/companies/${companyId}/users`, {
      token: poc,
      body: {
        email: uniqueEmail('zoe'),
        name: "Zoë O'Brien-Núñez 山田",
        permissions: { editProfile: false, authorizeSharing: false },
      },
    });
    expect(added.status).toBe(201);
    expect(added.body.name).toBe("Zoë O'Brien-Núñez 山田");
    const thread = await api.request('POST', `/companies/${companyId}/threads`, {
      token: poc,
      body: { subject: 'Seal log, Dundalk', body: 'First line.\r\nSecond line.' },
    });
    expect(thread.status).toBe(201);
  });
});

describe('the invitation email', () => {
  it('carries nothing the inviter typed: no name, a generic greeting', async () => {
    const email = uniqueEmail('invited');
    const name = 'Quentin Marlowe-Ashby';
    const added = await api.request('POST', `/companies/${companyId}/users`, {
      token: poc,
      body: { email, name, permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(added.status).toBe(201);
    const [invitation, ...others] = await waitForMail(email, 1);
    expect(others).toEqual([]);
    expect(invitation!.subject).toBe('Your C-TPAT Portal account');
    for (const part of [invitation!.subject, invitation!.body.text ?? '', invitation!.body.html ?? '']) {
      expect(part).not.toContain('Quentin');
      expect(part).not.toContain('Marlowe');
    }
    expect(invitation!.body.text).toMatch(/^Hello,\n/);
  });
});
