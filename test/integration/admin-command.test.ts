/**
 * `npm run admin -- create`: its core runs against the test stack's emulators as the command runs
 * against a deployment, with the functions' environment (the integration setup's, as a stack's
 * outputs or `npm start`'s runtime file give it). The first administrator gets what `POST /staff`
 * gives (a staff-pool identity, membership, audit record, invitation) and can sign in and act.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi, uniqueEmail } from '../support/api.ts';
import { mailTo, temporaryPasswordIn } from '../support/mail.ts';
import { auditRecordsOf, deliveryAsStored, emailClaimOf, membersOf } from '../support/table.ts';
import { totp } from '../../lib/local/totp.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';
import type { CreateAdministratorInput } from '../../lib/admin/create-administrator.ts';

const run = promisify(execFile);
const cognito = new CognitoIdentityProviderClient({});
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
  cognito.destroy();
});

const create = async (input: Partial<CreateAdministratorInput> & { email: string }) => {
  const { createAdministrator } = await import('../../lib/admin/create-administrator.ts');
  const lines: string[] = [];
  const result = await createAdministrator(
    { name: 'Pat Admin', operator: 'ops.lee', host: 'ops-laptop', another: false, ...input },
    (line) => lines.push(line),
  );
  return { ...result, lines };
};

/** The user's status in a pool, or null when the pool has no such user. */
const statusIn = async (userPoolId: string, email: string): Promise<string | null> =>
  cognito
    .send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }))
    .then((u) => u.UserStatus ?? 'unknown')
    .catch((error: Error) => {
      if (error.name === 'UserNotFoundException') return null;
      throw error;
    });

const staffPool = () => process.env.STAFF_USER_POOL_ID!;
const participantsPool = () => process.env.USER_POOL_ID!;

const first = uniqueEmail('first-admin');

describe('npm run admin -- create (its core, on the local test stack)', () => {
  it('adds the first CBP administrator: staff-pool identity, membership, audit record and invitation', async () => {
    expect(await membersOf('CBP')).toEqual([]);
    const { user, deliveryId, existing, lines } = await create({ email: first.toUpperCase() });

    expect(existing).toEqual([]);
    expect(user).toMatchObject({ email: first, companyId: 'CBP', role: 'cbp-admin', status: 'active', version: 1 });
    const [member] = await membersOf('CBP');
    expect(member).toMatchObject({ userId: user.userId, email: first, role: 'cbp-admin', name: 'Pat Admin' });
    expect(await emailClaimOf(first)).toMatchObject({ companyId: 'CBP', userId: user.userId });
    expect(await statusIn(staffPool(), first)).toBe('FORCE_CHANGE_PASSWORD');
    expect(await statusIn(participantsPool(), first)).toBeNull();

    const audit = (await auditRecordsOf('CBP')).filter((r) => r.objectId === user.userId);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'user.created',
        objectType: 'user',
        actorId: 'operator:ops.lee',
        actorRole: 'operator',
        actorCompanyId: 'CBP',
        sourceIp: 'command line on ops-laptop',
        changes: { after: expect.objectContaining({ email: first, role: 'cbp-admin' }) },
      }),
    ]);
    const delivery = await deliveryAsStored(deliveryId!);
    expect(delivery).toMatchObject({
      template: EMAIL_TEMPLATES.invitation.name,
      recipients: [expect.objectContaining({ email: first })],
    });
    expect(lines.join('\n')).toMatch(/checking for CBP administrators[\s\S]*created .*staff user pool/);
  });

  it('lets that administrator sign in with the invitation, set up an authenticator app and manage staff', async () => {
    // The outbox sends it (and then forgets the password it held); the test reads it as they would.
    const [invitation] = await vi.waitFor(
      async () => {
        const mail = await mailTo(first);
        if (mail.length === 0) throw new Error(`no invitation to ${first} yet`);
        return mail;
      },
      { timeout: 20_000, interval: 200 },
    );
    const login = await api.request('POST', '/auth/login', {
      body: { email: first, password: temporaryPasswordIn(invitation!) },
    });
    expect(login.body.challenge).toBe('NEW_PASSWORD_REQUIRED');
    const chosen = await api.request('POST', '/auth/new-password', {
      body: { email: first, session: login.body.session, newPassword: 'first administrator passphrase 2006' },
    });
    expect(chosen.body.challenge).toBe('MFA_SETUP');
    const setup = await api.request('POST', '/auth/mfa-setup', {
      body: { email: first, session: chosen.body.session },
    });
    const verified = await api.request('POST', '/auth/mfa-setup/verify', {
      body: { email: first, session: setup.body.session, code: totp(setup.body.secretCode) },
    });
    expect(verified.status).toBe(200);
    const staff = await api.request('GET', '/staff', { token: verified.body.tokens.idToken });
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((s: { email: string }) => s.email)).toEqual([first]);
  });

  it('refuses another administrator without confirmation, naming those there are, and writes nothing', async () => {
    const { AdministratorsExist } = await import('../../functions/domain/staff.ts');
    const second = uniqueEmail('second-admin');
    const refused = await create({ email: second }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AdministratorsExist);
    expect((refused as InstanceType<typeof AdministratorsExist>).emails).toEqual([first]);
    expect((refused as Error).message).toContain(first);
    expect((await membersOf('CBP')).map((m) => m.email)).toEqual([first]);
    expect(await emailClaimOf(second)).toBeNull();
    expect(await statusIn(staffPool(), second)).toBeNull();
  });

  it('adds another when the operator confirms', async () => {
    const second = uniqueEmail('second-admin');
    const { user, existing } = await create({ email: second, another: true, operator: 'ops.kim' });
    expect(existing).toEqual([first]);
    expect((await membersOf('CBP')).map((m) => m.email).sort()).toEqual([first, second].sort());
    expect(await statusIn(staffPool(), second)).toBe('FORCE_CHANGE_PASSWORD');
    const audit = (await auditRecordsOf('CBP')).find((r) => r.objectId === user.userId);
    expect(audit).toMatchObject({ action: 'user.created', actorId: 'operator:ops.kim' });
  });

  it("refuses an email someone in the portal has with the domain's 409, leaving no identity behind", async () => {
    const { provisionUser } = await import('../../functions/domain/users.ts');
    const { allPorts } = await import('../../lib/local/all-ports.ts');
    const participant = uniqueEmail('participant');
    await provisionUser(allPorts, {
      email: participant,
      name: 'Company User',
      companyId: 'some-company',
      role: 'company-user',
      password: 'a participant passphrase 2006',
    });
    const before = await membersOf('CBP');
    for (const email of [first, participant]) {
      const refused = await create({ email, another: true }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 409, code: 'email_taken' });
      expect((refused as Error).message).toBe(
        'That email already belongs to someone in the portal; one email is one person.',
      );
    }
    expect(await membersOf('CBP')).toEqual(before);
    // The participant's identity is in the other pool; none was left in the staff pool.
    expect(await statusIn(staffPool(), participant)).toBeNull();
    expect(await statusIn(participantsPool(), participant)).toBe('CONFIRMED');
  });

  it('refuses a malformed email as POST /staff does, naming the field', async () => {
    const refused = await create({ email: 'not-an-email', another: true }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, details: [expect.objectContaining({ field: 'email' })] });
  });
});

describe('npm run admin (the command line)', () => {
  const admin = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'bin/admin.ts', ...args], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  it('refuses to run without --email, or with both --local and --stack, before reaching any stack', async () => {
    const missing = await admin('create');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--email is required');
    const both = await admin('create', '--email', 'a@cbp.example.gov', '--local', '--stack', 'Other');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--local acts on the local portal');
    const unknown = await admin('create', '--emial', 'a@cbp.example.gov');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--emial'");
  });
});
