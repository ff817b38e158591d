/**
 * Faults across the main flows (issue 8, item 6). DynamoDB throttling and transaction conflicts
 * and Cognito throttling are injected at the SDK boundary on a share of calls while companies
 * are enrolled, fill in their records, add users, write to CBP, share and acknowledge alerts.
 * Every request ends in success or a clean retryable error (429 or 503 with Retry-After) that
 * changed nothing; once the faults stop, running the refused requests again completes
 * everything. The test prints requests tried, refused cleanly, and data lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollmentInput,
  startTestApi,
  uniqueEmail,
  userWithRole,
  type ApiResponse,
  type TestApi,
} from '../support/api.ts';
import { accountInfoFor, completeAnswers } from '../support/profile.ts';
import { allItems, allItemsExcept, isOfKind } from '../support/table.ts';
import { streamPoller } from '../support/stream.ts';
import { injectDynamoFaults } from '../support/dynamo-faults.ts';
import { injectCognitoFaults } from '../support/cognito-faults.ts';

const COMPANIES = 6;
let api: TestApi;
let officer: string;
let partnerId: string;

beforeAll(async () => {
  api = await startTestApi();
  officer = (await userWithRole(api, 'cbp-officer')).token;
  const partner = await api.request('POST', '/companies', { token: officer, body: enrollmentInput() });
  partnerId = partner.body.companyId;
});
afterAll(() => api.close());

/** The table without what a refused request may legitimately leave: nothing. Compared as sorted JSON. */
/** Everything stored but the abuse limits' counters: a refused request may still have counted against its sender's limit. */
const tableState = async () =>
  JSON.stringify((await allItemsExcept('rateCounter')).map((i) => `${i.pk}|${i.sk}|${JSON.stringify(i)}`).sort());

/** Cognito's users, by email, from the emulator (not through the portal's faulty client). */
const cognitoUsers = async (): Promise<string[]> => {
  const { CognitoIdentityProviderClient, ListUsersCommand } = await import('@aws-sdk/client-cognito-identity-provider');
  const client = new CognitoIdentityProviderClient({});
  const emails: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListUsersCommand({ UserPoolId: process.env.USER_POOL_ID, PaginationToken: token }),
    );
    for (const u of page.Users ?? []) emails.push(u.Attributes?.find((a) => a.Name === 'email')?.Value ?? '');
    token = page.PaginationToken;
  } while (token);
  client.destroy();
  return emails.sort();
};

interface Step {
  readonly name: string;
  /** Builds the request from what earlier steps answered (a fresh version each time). */
  readonly run: () => Promise<ApiResponse>;
}

describe('faults across the main flows', () => {
  it('answers success or a clean retryable refusal, changes nothing when refusing, and completes on a re-run', async () => {
    const counts = { tried: 0, succeeded: 0, refused: 0, unclean: [] as string[], halfApplied: [] as string[] };
    const pending: Step[] = [];
    const companies: { id: string; poc: string; pocEmail: string; newUser: string }[] = [];
    for (let c = 0; c < COMPANIES; c += 1) {
      const enrolled = await api.request('POST', '/companies', { token: officer, body: enrollmentInput() });
      const poc = await userWithRole(api, 'primary-poc', enrolled.body.companyId, enrolled.body.pocEmail);
      companies.push({
        id: enrolled.body.companyId,
        poc: poc.token,
        pocEmail: poc.email,
        newUser: uniqueEmail(`faulty${c}`),
      });
    }
    const version = async (path: string, token: string) =>
      (await api.request('GET', path, { token })).body?.version ?? 0;
    const stepsOf = (co: (typeof companies)[number]): Step[] => [
      { name: 'enroll', run: () => api.request('POST', '/companies', { token: officer, body: enrollmentInput() }) },
      {
        name: 'account info',
        run: async () =>
          api.request('PUT', `/companies/${co.id}/account-info`, {
            token: co.poc,
            body: accountInfoFor(await version(`/companies/${co.id}/account-info`, co.poc)),
          }),
      },
      {
        name: 'profile',
        run: async () =>
          api.request('PUT', `/companies/${co.id}/security-profile`, {
            token: co.poc,
            body: {
              version: await version(`/companies/${co.id}/security-profile`, co.poc),
              answers: completeAnswers('importer'),
            },
          }),
      },
      {
        name: 'add user',
        run: () =>
          api.request('POST', `/companies/${co.id}/users`, {
            token: co.poc,
            body: {
              email: co.newUser,
              name: 'Faulty User',
              permissions: { editProfile: false, authorizeSharing: false },
            },
          }),
      },
      {
        name: 'message',
        run: () =>
          api.request('POST', `/companies/${co.id}/threads`, {
            token: co.poc,
            body: { subject: 'Under faults', body: 'Hello.' },
          }),
      },
      {
        name: 'grant',
        run: () =>
          api.request('POST', `/companies/${co.id}/grants`, {
            token: co.poc,
            body: {
              grantee: { type: 'company', companyId: partnerId },
              scope: 'status',
              expiresOn: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
            },
          }),
      },
      {
        name: 'alert',
        run: () =>
          api.request('POST', '/alerts', {
            token: officer,
            body: {
              kind: 'cargo-security-alert',
              title: 'Faults',
              body: 'B',
              severity: 'high',
              audience: { scope: 'companies', companyIds: [co.id] },
            },
          }),
      },
    ];

    const dynamoFaults = await injectDynamoFaults({ failShare: 0.15, seed: 42 });
    const cognitoFaults = await injectCognitoFaults(0.3);
    try {
      for (const co of companies) {
        for (const step of stepsOf(co)) {
          // The stream's sender leases and records what earlier steps queued: let it finish first,
          // so the table changes only by this step's request.
          await streamPoller().settled();
          const [tableBefore, usersBefore] = [await tableState(), await cognitoUsers()];
          const res = await step.run();
          counts.tried += 1;
          if (res.status < 300) {
            counts.succeeded += 1;
            continue;
          }
          if ((res.status === 429 || res.status === 503) && res.headers.get('retry-after')) counts.refused += 1;
          else counts.unclean.push(`${step.name}: ${res.status} ${JSON.stringify(res.body)}`);
          if (
            (await tableState()) !== tableBefore ||
            JSON.stringify(await cognitoUsers()) !== JSON.stringify(usersBefore)
          )
            counts.halfApplied.push(step.name);
          pending.push(step);
        }
      }
    } finally {
      dynamoFaults.remove();
      cognitoFaults.remove();
    }

    // The faults stop: every refused request, run again in its order (as a client retries), completes.
    const rerun: ApiResponse[] = [];
    for (const step of pending) rerun.push(await step.run());
    const rerunFailed = rerun.filter((r) => r.status >= 300).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    const items = await allItems();
    const lost =
      companies.filter((co) => !items.some((i) => isOfKind(i, 'member') && i.email === co.newUser)).length +
      companies.filter((co) => !items.some((i) => isOfKind(i, 'grant') && i.ownerCompanyId === co.id)).length +
      companies.filter((co) => !items.some((i) => isOfKind(i, 'thread') && i.companyId === co.id)).length +
      companies.filter((co) => !items.some((i) => isOfKind(i, 'profileVersion') && i.companyId === co.id)).length;
    console.log(
      `[faults] DynamoDB ${dynamoFaults.ledger.injected} of ${dynamoFaults.ledger.calls} calls failed, Cognito ${cognitoFaults.ledger.injected} of ${cognitoFaults.ledger.calls}; ` +
        `requests tried ${counts.tried}, succeeded ${counts.succeeded}, refused cleanly (429/503 with Retry-After) ${counts.refused}, refused otherwise ${counts.unclean.length}, ` +
        `half-applied ${counts.halfApplied.length}; re-run ${pending.length}, failed again ${rerunFailed.length}; data lost ${lost}`,
    );
    if (counts.unclean.length || rerunFailed.length)
      console.log(JSON.stringify({ unclean: counts.unclean, rerunFailed }, null, 1));
    expect(dynamoFaults.ledger.injected).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.unclean).toEqual([]);
    expect(counts.halfApplied).toEqual([]);
    expect(rerunFailed).toEqual([]);
    expect(lost).toBe(0);
  });

  it('adopts an identity a failed attempt left behind (its write and its undo both throttled), so the retry creates the user', async () => {
    const enrolled = await api.request('POST', '/companies', { token: officer, body: enrollmentInput() });
    const poc = await userWithRole(api, 'primary-poc', enrolled.body.companyId, enrolled.body.pocEmail);
    const email = uniqueEmail('orphan');
    const { createIdentity } = await import('../../functions/data/cognito-users.ts');
    await createIdentity({
      email,
      name: 'Left behind',
      companyId: enrolled.body.companyId,
      role: 'company-user',
      password: 'a temporary passphrase 1',
      permanent: false,
    });
    expect(await cognitoUsers()).toContain(email);
    const added = await api.request('POST', `/companies/${enrolled.body.companyId}/users`, {
      token: poc.token,
      body: { email, name: 'Retried User', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(added.status).toBe(201);
    expect((await cognitoUsers()).filter((e) => e === email)).toHaveLength(1);
    // An email a membership holds is still refused.
    const again = await api.request('POST', `/companies/${enrolled.body.companyId}/users`, {
      token: poc.token,
      body: { email, name: 'Twice', permissions: { editProfile: false, authorizeSharing: false } },
    });
    expect(again.status).toBe(409);
  });
});
