/**
 * The email outbox under injected SES faults (issue 6): throttled entries and a failing call
 * are retried until every recipient has had the alert exactly once, also with two senders
 * running at once after the stream's first attempt; a recipient SES always rejects ends marked
 * failed, which is what the alarm counts.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useClock } from '../../functions/domain/clock.ts';
import type { PublishAlert } from '../../functions/schemas/requests/alerts.ts';
import { recordSent } from '../support/confidential-log.ts';
import { callerFor, fixedClock } from '../support/factories.ts';
import { injectSesFaults } from '../support/ses-faults.ts';
import { waitForMail } from '../support/mail.ts';
import { streamPoller } from '../support/stream.ts';
import { deliveries } from '../support/table.ts';
import { putCompanies, putMembers } from '../support/items.ts';
import type { OutboxReport } from '../../functions/domain/outbox.ts';
import { sendOutboxJob } from '../support/functions.ts';

const clock = fixedClock('2016-03-01T12:00:00.000Z');
useClock(clock);
let removeFaults: (() => void) | undefined;
afterEach(() => removeFaults?.());

/** Companies of one category with active users, written straight to the table (no Cognito needed). */
const companiesWithUsers = async (category: 'air-carrier' | 'sea-carrier', companies: number, users: number) => {
  const emails: string[] = [];
  for (let c = 0; c < companies; c += 1) {
    const companyId = randomUUID();
    recordSent('POST', '/companies', { legalName: `Carrier ${c} of ${category}` });
    await putCompanies([
      {
        companyId,
        legalName: `Carrier ${c} of ${category}`,
        category,
        pocEmail: `poc-${companyId}@example.com`,
        identifiers: {},
        status: 'active',
        enrolledAt: '2016-01-01T00:00:00.000Z',
        enrolledBy: 'test',
        version: 1,
      },
    ]);
    const members = Array.from({ length: users }, (_, u) => {
      // Fixed addresses: the fake's throttling is decided per address, so the run is the same every time.
      const email = `user${u}-${category}-${c}@faults.example.com`;
      emails.push(email);
      return {
        companyId,
        userId: randomUUID(),
        email,
        name: `User ${u}`,
        role: u === 0 ? ('primary-poc' as const) : ('company-user' as const),
        status: 'active' as const,
        permissions: { editProfile: true, authorizeSharing: false },
        createdAt: '2016-01-01T00:00:00.000Z',
        version: 1,
      };
    });
    await putMembers(members);
  }
  return emails;
};

/** Publishes an alert to the category and runs its whole fan-out. */
const alertTo = async (category: 'air-carrier' | 'sea-carrier') => {
  const { publish } = await import('../../functions/domain/alerts.ts');
  const { run } = await import('../../functions/domain/fan-out.ts');
  const { allPorts } = await import('../../lib/local/all-ports.ts');
  const input: PublishAlert = {
    kind: 'cargo-security-alert',
    title: `Faults ${category}`,
    body: 'Body.',
    severity: 'medium',
    audience: { scope: 'categories', categories: [category] },
  };
  recordSent('POST', '/alerts', input);
  const alert = await publish(allPorts, callerFor('cbp-officer'), input);
  await run(allPorts, () => clock.now(), 60_000, alert.alertId);
  return alert.alertId;
};

/**
 * The stream's sender makes the first attempt at each new delivery; then two scheduled senders
 * at once, again and again, moving the clock past each backoff, until nothing is due.
 */
const sendUntilDone = async (stepMinutes: number): Promise<OutboxReport[]> => {
  await streamPoller().settled();
  const handler = await sendOutboxJob();
  const reports: OutboxReport[] = [];
  for (let round = 0; round < 12; round += 1) {
    clock.set(new Date(clock.now().getTime() + stepMinutes * 60_000).toISOString());
    const pair = await Promise.all([handler(), handler()]);
    reports.push(...pair);
    if (pair.every((r) => r.due === 0)) break;
  }
  return reports;
};

const deliveriesOf = async (alertId: string) => (await deliveries()).filter((d) => d.reason === `alert:${alertId}`);

describe('the outbox under SES faults', () => {
  it('retries throttled entries and a failed call until each of 120 recipients has the alert exactly once', async () => {
    const emails = await companiesWithUsers('air-carrier', 30, 4);
    const faults = await injectSesFaults({ throttleShare: 0.1, failingCalls: [2] });
    removeFaults = faults.remove;
    const alertId = await alertTo('air-carrier');
    const deliveries = await deliveriesOf(alertId);
    expect(deliveries.map((d) => d.recipients.length).sort()).toEqual([20, 50, 50]);

    await sendUntilDone(6);
    expect(faults.ledger.throttled).toBeGreaterThan(0);
    expect(faults.ledger.failedCalls).toBe(1);
    expect(faults.ledger.oversized).toBe(0);
    expect(faults.ledger.sent.size).toBe(120);
    expect([...faults.ledger.sent.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(emails)).toEqual(new Set(faults.ledger.sent.keys()));
    expect((await deliveriesOf(alertId)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
    for (const email of emails.slice(0, 8)) expect(await waitForMail(email, 1)).toHaveLength(1);
  });

  it('marks a recipient SES always rejects as failed after the last attempt, counted for the alarm, and sends the others once', async () => {
    const emails = await companiesWithUsers('sea-carrier', 1, 3);
    const faults = await injectSesFaults({ rejected: [emails[1]!] });
    removeFaults = faults.remove;
    const alertId = await alertTo('sea-carrier');

    const reports = await sendUntilDone(60);
    const [delivery] = await deliveriesOf(alertId);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 5 });
    expect(delivery!.results[emails[1]!]).toMatchObject({ status: 'failed', error: 'MESSAGE_REJECTED' });
    expect(faults.ledger.sent.get(emails[0]!)).toBe(1);
    expect(faults.ledger.sent.get(emails[2]!)).toBe(1);
    expect(faults.ledger.sent.has(emails[1]!)).toBe(false);
    // OutboxDeliveryFailed, the alarmed metric, is the drain's `failed` count.
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(1);
  });
});
