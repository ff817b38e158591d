/**
 * No dead ends (issue 16, items 1 and 2): a company removed before its POC ever had an account
 * comes back from zero, and a lost or expired invitation is replaced by asking again, by
 * "forgot password", or by a resend from the primary POC or a CBP administrator. Every email is
 * read back from the SES emulator's store; time comes from the injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, uniqueEmail, userWithRole, type TestApi } from '../support/api.ts';
import { mailTo, temporaryPasswordIn, waitForMail, type StoredEmail } from '../support/mail.ts';
import { sweepOn, testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import { PROGRAM_MAILBOX } from '../../lib/local/bootstrap.ts';
import { ACCOUNT_REQUEST_ANSWER } from '../../functions/domain/accounts.ts';
import { INVITATION_EXPIRED, PASSWORD_RESET_ANSWER } from '../../functions/domain/auth.ts';

let api: TestApi;
let admin: string;
let officer: string;
const clock = testClock('2006-05-01T16:00:00.000Z');
const NEW_PASSWORD = 'a passphrase of my very own 2006';

beforeAll(async () => {
  api = await startTestApi();
  admin = (await userWithRole(api, 'cbp-admin')).token;
  officer = (await userWithRole(api, 'cbp-officer')).token;
});
afterAll(() => api.close());

const isInvitation = (m: StoredEmail) => m.subject === 'Your C-TPAT Portal account';
/** The invitations sent to `email`, once `expected` of them have been sent. */
const invitations = async (email: string, expected: number): Promise<StoredEmail[]> =>
  (await waitForMail(email, expected, isInvitation)).filter(isInvitation);

/** A first sign-in with the invitation's temporary password, then the person's own password: answers the ID token. */
const firstSignIn = async (email: string, temporaryPassword: string): Promise<string> => {
  const challenge = await api.request('POST', '/auth/login', { body: { email, password: temporaryPassword } });
  expect(challenge.status, JSON.stringify(challenge.body)).toBe(200);
  expect(challenge.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
  const done = await api.request('POST', '/auth/new-password', {
    body: { email, session: challenge.body.session, newPassword: NEW_PASSWORD },
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body.tokens.idToken as string;
};

describe('a company removed before its point of contact ever signed in', () => {
  it('comes back from zero: removed with both notices, the POC asks for the account, signs in, sees the removal, reapplies and is accepted', async () => {
    clock.set('2006-05-01T16:00:00.000Z');
    const company = await enrollCompany(api, admin);
    await sweepOn(clock, '2006-07-02');
    expect((await api.request('GET', `/companies/${company.companyId}`, { token: officer })).body.status).toBe(
      'removed',
    );
    const removalNotice = (await mailTo(company.pocEmail)).find(
      (m) => m.subject === 'C-TPAT: your company has been removed from the program',
    );
    expect(removalNotice?.body.text).toContain('the primary point of contact can apply there to rejoin the program');
    expect((await mailTo(PROGRAM_MAILBOX)).filter((m) => m.body.text?.includes(company.legalName))).toHaveLength(1);

    // The POC never had an account: asking for it now works, with the usual answer.
    clock.set('2006-07-05T14:00:00.000Z');
    const asked = await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } });
    expect(asked).toMatchObject({ status: 202, body: ACCOUNT_REQUEST_ANSWER });
    const [invitation] = await invitations(company.pocEmail, 1);
    expect(invitation, 'the invitation is in the SES emulator').toBeDefined();
    const token = await firstSignIn(company.pocEmail, temporaryPasswordIn(invitation!));

    const me = await api.request('GET', '/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      role: 'primary-poc',
      company: { companyId: company.companyId, status: 'removed' },
    });
    const own = await api.request('GET', `/companies/${company.companyId}`, { token });
    expect(own.body).toMatchObject({ status: 'removed', removal: { reason: 'enrollment-deadline-missed' } });
    // A removed company's POC reads messages and reapplies, nothing else.
    expect((await api.request('GET', '/deadlines', { token })).status).toBe(403);

    const applied = await api.request('POST', `/companies/${company.companyId}/reapplication`, {
      token,
      body: { statement: 'We have a new security officer; the profile is being rewritten.' },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const accepted = await api.request('POST', `/companies/${company.companyId}/reapplication/decision`, {
      token: officer,
      body: { decision: 'accept', deadline: '2006-09-01' },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'active', deadlineExtendedTo: '2006-09-01' });
    expect((await api.request('GET', '/deadlines', { token })).status).toBe(200);
    expect((await auditRecordsOf(company.companyId)).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'company.removed',
        'account.created',
        'company.reapplied',
        'company.reapplication-accepted',
      ]),
    );
  });

  it("answers an account request alike for a removed company's POC, an unknown email and a POC with an account", async () => {
    const removed = await enrollCompany(api, admin);
    expect(
      (
        await api.request('POST', `/companies/${removed.companyId}/removal`, {
          token: officer,
          body: { version: 1, reason: 'Removed to test.' },
        })
      ).status,
    ).toBe(200);
    const answers = await Promise.all(
      [removed.pocEmail, uniqueEmail('nobody'), (await userWithRole(api, 'primary-poc', removed.companyId)).email].map(
        (email) => api.request('POST', '/auth/signup', { body: { email } }),
      ),
    );
    for (const answer of answers) expect(answer).toMatchObject({ status: 202, body: ACCOUNT_REQUEST_ANSWER });
  });
});

describe('a lost or expired invitation', () => {
  it('is refused after three days on the portal clock, and asking for the account again sends a new temporary password that works', async () => {
    clock.set('2006-08-01T15:00:00.000Z');
    const company = await enrollCompany(api, admin);
    expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).status).toBe(202);
    const first = temporaryPasswordIn((await invitations(company.pocEmail, 1))[0]!);
    // Asking again within minutes, or "forgot password", sends no copy: the first one is on its way.
    clock.set('2006-08-01T15:09:00.000Z');
    expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).status).toBe(202);
    expect((await api.request('POST', '/auth/forgot-password', { body: { email: company.pocEmail } })).status).toBe(
      202,
    );
    expect(await invitations(company.pocEmail, 1)).toHaveLength(1);

    // Four days later the invitation has expired: refused, saying how to get a new one.
    clock.set('2006-08-05T15:00:00.000Z');
    const late = await api.request('POST', '/auth/login', { body: { email: company.pocEmail, password: first } });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toBe(INVITATION_EXPIRED);

    // Asking for the account again: the same answer, and a new invitation.
    expect(await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).toMatchObject({
      status: 202,
      body: ACCOUNT_REQUEST_ANSWER,
    });
    const mail = await invitations(company.pocEmail, 2);
    expect(mail).toHaveLength(2);
    const second = temporaryPasswordIn(mail[1]!);
    expect(second).not.toBe(first);
    const token = await firstSignIn(company.pocEmail, second);
    expect((await api.request('GET', '/me', { token })).body.role).toBe('primary-poc');
    expect((await auditRecordsOf(company.companyId)).filter((a) => a.action === 'user.reinvited')).toHaveLength(1);

    // Once a password of their own exists, asking again sends nothing more.
    expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).status).toBe(202);
    expect(await invitations(company.pocEmail, 2)).toHaveLength(2);
  });

  it('is replaced by "forgot password" for a user the POC added, with the same answer as for anyone', async () => {
    clock.set('2006-08-10T15:00:00.000Z');
    const company = await enrollCompany(api, admin);
    const poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
    const email = uniqueEmail('analyst');
    expect(
      (
        await api.request('POST', `/companies/${company.companyId}/users`, {
          token: poc.token,
          body: { email, name: 'Robin Analyst', permissions: { editProfile: false, authorizeSharing: false } },
        })
      ).status,
    ).toBe(201);
    clock.set('2006-08-20T15:00:00.000Z');
    const reset = await api.request('POST', '/auth/forgot-password', { body: { email } });
    expect(reset).toMatchObject({ status: 202, body: PASSWORD_RESET_ANSWER });
    expect(
      await api.request('POST', '/auth/forgot-password', { body: { email: uniqueEmail('nobody') } }),
    ).toMatchObject({ status: 202, body: PASSWORD_RESET_ANSWER });
    const mail = await invitations(email, 2);
    expect(mail).toHaveLength(2);
    expect(mail[1]!.body.text).toContain('The temporary password expires in 3 days');
    await firstSignIn(email, temporaryPasswordIn(mail[1]!));
    // No reset code was sent: Cognito gives none to someone who never chose a password.
    expect((await mailTo(email)).filter((m) => m.subject.includes('reset code'))).toHaveLength(0);
  });

  it('can be resent by the primary POC for their users and by a CBP administrator for a POC, never by others', async () => {
    clock.set('2006-09-01T15:00:00.000Z');
    const company = await enrollCompany(api, admin);
    expect((await api.request('POST', '/auth/signup', { body: { email: company.pocEmail } })).status).toBe(202);
    const pocId = (await api.request('GET', `/companies/${company.companyId}/users`, { token: admin })).body.items[0]
      .userId as string;

    const resent = await api.request('POST', `/companies/${company.companyId}/users/${pocId}/invitation`, {
      token: admin,
    });
    expect(resent.status, JSON.stringify(resent.body)).toBe(202);
    expect(resent.body.message).toContain(company.pocEmail);
    expect(
      (await api.request('POST', `/companies/${company.companyId}/users/${pocId}/invitation`, { token: officer }))
        .status,
    ).toBe(403);
    const pocToken = await firstSignIn(
      company.pocEmail,
      temporaryPasswordIn((await invitations(company.pocEmail, 2))[1]!),
    );

    // The POC has a password now: nothing to resend.
    const again = await api.request('POST', `/companies/${company.companyId}/users/${pocId}/invitation`, {
      token: admin,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('has_password');

    const email = uniqueEmail('added');
    const added = await api.request('POST', `/companies/${company.companyId}/users`, {
      token: pocToken,
      body: { email, name: 'Sam Added', permissions: { editProfile: true, authorizeSharing: false } },
    });
    expect(
      (
        await api.request('POST', `/companies/${company.companyId}/users/${added.body.userId}/invitation`, {
          token: pocToken,
        })
      ).status,
    ).toBe(202);
    // A CBP administrator resends a POC's invitation; a company's other users are the POC's to manage.
    expect(
      (
        await api.request('POST', `/companies/${company.companyId}/users/${added.body.userId}/invitation`, {
          token: admin,
        })
      ).status,
    ).toBe(403);
    const other = await userWithRole(api, 'primary-poc', (await enrollCompany(api, admin)).companyId);
    expect(
      (
        await api.request('POST', `/companies/${company.companyId}/users/${added.body.userId}/invitation`, {
          token: other.token,
        })
      ).status,
    ).toBe(404);
    expect(await invitations(email, 2)).toHaveLength(2);
    const audit = (await auditRecordsOf(company.companyId)).filter((a) => a.action === 'user.reinvited');
    expect(audit.map((a) => a.objectId).sort()).toEqual([pocId, added.body.userId].sort());
  });
});

describe('a password reset', () => {
  it('sends the code through the custom email sender to the SES emulator, and the code sets the new password', async () => {
    const user = await userWithRole(api, 'company-user', (await enrollCompany(api, admin)).companyId);
    expect(await api.request('POST', '/auth/forgot-password', { body: { email: user.email } })).toMatchObject({
      status: 202,
      body: PASSWORD_RESET_ANSWER,
    });
    const [mail] = (await mailTo(user.email)).filter((m) => m.subject === 'Your C-TPAT Portal password reset code');
    expect(mail, 'the reset code is in the SES emulator').toBeDefined();
    const code = /Your reset code is (\d+)/.exec(mail!.body.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(mail!.from).toContain('no-reply@ctpat.local');
    const confirmed = await api.request('POST', '/auth/confirm-forgot-password', {
      body: { email: user.email, code, newPassword: NEW_PASSWORD },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(
      (await api.request('POST', '/auth/login', { body: { email: user.email, password: NEW_PASSWORD } })).body.tokens,
    ).toBeDefined();
  });
});
