/**
 * Replay (issue 8, item 5; DESIGN section 8): every scheduled job, and the email sender, run
 * three times on the same input and then twice at once. A reminder, a removal, an alert's
 * inbox items and emails each happen once: no duplicate email, audit record or state change.
 * The test prints the counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { testClock } from '../support/deadlines.ts';
import type { PublishAlert } from '../../functions/schemas/requests/alerts.ts';
import { recordSent } from '../support/confidential-log.ts';
import { callerFor } from '../support/factories.ts';
import { allItems, isOfKind, type ItemKind } from '../support/table.ts';
import { mailTo, type StoredEmail } from '../support/mail.ts';
import { streamPoller } from '../support/stream.ts';
import { JOBS } from '../../functions/definitions/jobs.ts';
import type { Company } from '../../functions/schemas/company.ts';
import { loadJob } from '../../lib/local/scheduler.ts';

const clock = testClock('2006-05-01T12:00:00.000Z');
let api: TestApi;
let removed: Company;
let reminded: Company;
let alertUser: string;

beforeAll(async () => {
  api = await startTestApi();
  const admin = (await userWithRole(api, 'cbp-admin')).token;
  // Importers are due July 1, 2006 (removed on the 2nd); customs brokers August 1 (reminded 30 days ahead, on July 2).
  removed = await enrollCompany(api, admin, { category: 'importer' });
  reminded = await enrollCompany(api, admin, { category: 'customs-broker', identifiers: { filerCode: 'R7Y' } });
  alertUser = (await userWithRole(api, 'company-user', reminded.companyId)).email;
  clock.set('2006-07-02T06:00:00.000Z');
  const { publish } = await import('../../functions/domain/alerts.ts');
  const { allPorts } = await import('../../lib/local/all-ports.ts');
  // Published without its in-request pages, so the fan-out job has all of it to do.
  const input: PublishAlert = {
    kind: 'cargo-security-alert',
    title: 'Replay alert',
    body: 'Body of the replayed alert.',
    severity: 'high',
    audience: { scope: 'categories', categories: ['customs-broker'] },
  };
  recordSent('POST', '/alerts', input);
  await publish(allPorts, callerFor('cbp-officer'), input);
});
afterAll(() => api.close());

/**
 * What a replay could duplicate: audit records, emails, removals, inbox items, deliveries, sent
 * recipients; read once the table's stream has been handled (its sender sends new deliveries too).
 */
const snapshot = async () => {
  await streamPoller().settled();
  const items = await allItems();
  const of = (kind: ItemKind) => items.filter((i) => isOfKind(i, kind));
  const emails = async (address: string) => (await mailTo(address)).map((m: StoredEmail) => m.subject);
  return {
    audit: of('audit').length,
    removedCompanies: of('company').filter((c) => c.status === 'removed').length,
    inboxItems: of('inboxItem').length,
    deliveries: of('delivery').length,
    sentRecipients: of('delivery').reduce(
      (n, d) => n + Object.values(d.results ?? {}).filter((r: any) => r.status === 'sent').length,
      0,
    ),
    emailsToRemoved: (await emails(removed.pocEmail)).length,
    emailsToReminded: (await emails(reminded.pocEmail)).length,
    emailsToUser: (await emails(alertUser)).length,
  };
};

describe('replay', () => {
  it('runs every job three times in a row and twice at once: everything happens once', async () => {
    const runAll = async () => {
      for (const job of JOBS) {
        const run = await loadJob(job.id);
        const event = job.id === 'dailySweep' ? { asOf: '2006-07-02T06:00:00.000Z' } : undefined;
        for (let i = 0; i < 3; i += 1) await run(event);
        await Promise.all([run(event), run(event)]);
      }
    };
    await runAll();
    const first = await snapshot();
    // The effects the input calls for, once each: the importer's removal notice, the broker's
    // reminder (its POC has no account yet, so no alert email), the broker user's alert email.
    expect(first).toMatchObject({
      removedCompanies: 1,
      inboxItems: 1,
      emailsToRemoved: 1,
      emailsToReminded: 1,
      emailsToUser: 1,
    });
    expect(first.sentRecipients).toBeGreaterThanOrEqual(4);

    // The whole round again, same input: nothing changes at all.
    await runAll();
    const second = await snapshot();
    console.log(
      `[replay] ${JOBS.map((j) => j.id).join(', ')}: each run 5 times per round (3 in a row, 2 at once), 2 rounds; ` +
        `audit records ${first.audit} -> ${second.audit}, emails ${first.emailsToRemoved + first.emailsToReminded + first.emailsToUser} -> ${second.emailsToRemoved + second.emailsToReminded + second.emailsToUser}, ` +
        `removals ${first.removedCompanies} -> ${second.removedCompanies}, inbox items ${first.inboxItems} -> ${second.inboxItems}, deliveries ${first.deliveries} -> ${second.deliveries}`,
    );
    expect(second).toEqual(first);
  });
});
