/**
 * An alert's fan-out at its edges (issue 6 review): pages that stay within DynamoDB's 100 items
 * per transaction however many users a company has, audiences that repeat a company or a
 * category, named companies DynamoDB answers only in part, and one broken fan-out that does not
 * hold up the others.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useClock } from '../../functions/domain/clock.ts';
import { recordSent } from '../support/confidential-log.ts';
import { callerFor, fixedClock } from '../support/factories.ts';
import { injectDynamoFaults } from '../support/dynamo-faults.ts';
import { deliveries, inboxItems } from '../support/table.ts';
import { putAlert, putCompanies, putFanOut, putMembers } from '../support/items.ts';
import type { CategoryId } from '../../functions/definitions/categories.ts';
import type { Audience } from '../../functions/schemas/requests/alerts.ts';

const clock = fixedClock('2016-03-01T12:00:00.000Z');
useClock(clock);
let removeFaults: (() => void) | undefined;
afterEach(() => removeFaults?.());

/** A company with `users` active users (and one disabled), written straight to the table. */
const companyWithUsers = async (category: CategoryId, users: number, status: 'active' | 'removed' = 'active') => {
  const companyId = randomUUID();
  recordSent('POST', '/companies', { legalName: `Company ${companyId}` });
  await putCompanies([
    {
      companyId,
      legalName: `Company ${companyId}`,
      category,
      pocEmail: `poc-${companyId}@example.com`,
      identifiers: {},
      status,
      enrolledAt: '2016-01-01T00:00:00.000Z',
      enrolledBy: 'test',
      version: 1,
    },
  ]);
  const member_ = (u: number, state: 'active' | 'disabled') => ({
    companyId,
    userId: randomUUID(),
    email: `${state}${u}-${companyId}@fanout.example.com`,
    name: `User ${u}`,
    role: u === 0 ? ('primary-poc' as const) : ('company-user' as const),
    status: state,
    permissions: { editProfile: true, authorizeSharing: false },
    createdAt: '2016-01-01T00:00:00.000Z',
    version: 1,
  });
  const members = [...Array.from({ length: users }, (_, u) => member_(u, 'active')), member_(users, 'disabled')];
  await putMembers(members);
  return { companyId, emails: members.filter((m) => m.status === 'active').map((m) => m.email) };
};

const deps = async () => (await import('../../lib/local/all-ports.ts')).allPorts;

const publish = async (audience: Audience) => {
  const { publish } = await import('../../functions/domain/alerts.ts');
  const input = {
    kind: 'cargo-security-alert',
    title: 'Fan-out edges',
    body: 'Body of the fan-out alert.',
    severity: 'medium',
    audience,
  } as const;
  recordSent('POST', '/alerts', input);
  return publish(await deps(), callerFor('cbp-officer'), input);
};

const runFanOut = async (only?: string) =>
  (await import('../../functions/domain/fan-out.ts')).run(await deps(), () => clock.now(), 120_000, only);

/** Every recipient of the alert's deliveries, and every company whose inbox has it. */
const delivered = async (alertId: string) => {
  const ofAlert = (await deliveries()).filter((d) => d.reason === `alert:${alertId}`);
  const inbox = (await inboxItems()).filter((i) => i.alertId === alertId);
  return {
    deliveries: ofAlert,
    recipients: ofAlert.flatMap((d) => d.recipients.map((r) => r.email)),
    inbox: inbox.map((i) => i.companyId),
  };
};

describe('alert fan-out', () => {
  it('keeps every page within 100 transaction items, however many users a company has', async () => {
    const big = await companyWithUsers('exporter', 5_000);
    const others = await Promise.all(Array.from({ length: 39 }, () => companyWithUsers('exporter', 60)));
    const removed = await companyWithUsers('exporter', 3, 'removed');
    const faults = await injectDynamoFaults();
    removeFaults = faults.remove;

    const alert = await publish({ scope: 'categories', categories: ['exporter'] });
    await runFanOut(alert.alertId);
    const report = await runFanOut(alert.alertId);
    expect(report.fanOuts).toBe(0);

    const expected = [...big.emails, ...others.flatMap((o) => o.emails)];
    const { deliveries, recipients, inbox } = await delivered(alert.alertId);
    expect(recipients).toHaveLength(expected.length);
    expect(new Set(recipients)).toEqual(new Set(expected));
    expect(deliveries.every((d) => d.recipients.length >= 1 && d.recipients.length <= 50)).toBe(true);
    expect(inbox.sort()).toEqual([big.companyId, ...others.map((o) => o.companyId)].sort());
    expect(inbox).not.toContain(removed.companyId);
    expect(Math.max(...faults.ledger.transactionSizes)).toBeLessThanOrEqual(100);
    // The big company alone needs 100 deliveries and an inbox item, more than one transaction
    // holds: a page of 98 of its deliveries (and the fan-out's position) went first.
    expect(faults.ledger.transactionSizes).toContain(99);
    const { get } = await import('../../functions/data/alert-store.ts');
    expect(await get(alert.alertId)).toMatchObject({ companies: 40, recipients: expected.length });
    // A cap, not a figure: about 7,500 emails now really leave through the stream (decision 61).
  }, 300_000);

  it('refuses an audience that repeats a category or a company, and fans out a stored one that does once per company', async () => {
    const a = await companyWithUsers('mexican-long-haul-carrier', 2);
    const b = await companyWithUsers('third-party-logistics', 2);
    const { PublishAlert } = await import('../../functions/schemas/requests/alerts.ts');
    const base = { kind: 'cargo-security-alert', title: 'T', body: 'B', severity: 'low' } as const;
    expect(
      PublishAlert.safeParse({ ...base, audience: { scope: 'categories', categories: ['exporter', 'exporter'] } })
        .success,
    ).toBe(false);
    expect(
      PublishAlert.safeParse({ ...base, audience: { scope: 'companies', companyIds: [a.companyId, a.companyId] } })
        .success,
    ).toBe(false);

    // An alert stored before the schema refused repeats.
    const { START } = await import('../../functions/domain/fan-out.ts');
    for (const audience of [
      {
        scope: 'categories',
        categories: ['mexican-long-haul-carrier', 'mexican-long-haul-carrier', 'third-party-logistics'],
      },
      { scope: 'companies', companyIds: [b.companyId, a.companyId, b.companyId] },
    ] as Audience[]) {
      const alertId = randomUUID();
      const now = clock.now().toISOString();
      await putAlert({
        alertId,
        kind: 'cargo-security-alert',
        title: 'Old',
        body: 'B',
        severity: 'low',
        audience,
        status: 'published',
        createdBy: 'x',
        createdAt: now,
        publishedAt: now,
      });
      await putFanOut({ alertId, shard: '0', dueAt: now, cursor: START, pages: 0, companies: 0, recipients: 0 });
      expect((await runFanOut(alertId)).done).toBe(1);
      const { recipients, inbox } = await delivered(alertId);
      expect(inbox.sort()).toEqual([a.companyId, b.companyId].sort());
      expect(recipients.sort()).toEqual([...a.emails, ...b.emails].sort());
    }
  });

  it('asks again for named companies DynamoDB left unprocessed', async () => {
    const named = await Promise.all([1, 2, 3].map(() => companyWithUsers('customs-broker', 1)));
    const faults = await injectDynamoFaults({ unprocessedBatchGets: 2 });
    removeFaults = faults.remove;
    const alert = await publish({ scope: 'companies', companyIds: named.map((n) => n.companyId) });
    await runFanOut(alert.alertId);
    expect(faults.ledger.unprocessedKeys).toBeGreaterThan(0);
    const { inbox, recipients } = await delivered(alert.alertId);
    expect(inbox.sort()).toEqual(named.map((n) => n.companyId).sort());
    expect(recipients.sort()).toEqual(named.flatMap((n) => n.emails).sort());
  });

  it('runs the other fan-outs when one fails, and then fails the job so it is retried and alarmed', async () => {
    const good = await companyWithUsers('port-authority-terminal-operator', 1);
    const { START, FanOutIncomplete } = await import('../../functions/domain/fan-out.ts');
    // A fan-out whose alert is gone: its step throws.
    await putFanOut({
      alertId: randomUUID(),
      shard: '0',
      dueAt: '2016-01-01T00:00:00.000Z',
      cursor: START,
      pages: 0,
      companies: 0,
      recipients: 0,
    });
    const alert = await publish({ scope: 'categories', categories: ['port-authority-terminal-operator'] });

    const error = await runFanOut().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FanOutIncomplete);
    expect((error as InstanceType<typeof FanOutIncomplete>).report).toMatchObject({ failed: 1, done: 1 });
    expect((await delivered(alert.alertId)).inbox).toEqual([good.companyId]);
  });

  it('takes a burst of acknowledgements from 60 companies at once without a refusal, and lists only pending alerts', async () => {
    const companies = await Promise.all(Array.from({ length: 60 }, () => companyWithUsers('foreign-manufacturer', 1)));
    const { publish, acknowledge, acknowledgements, list } = await import('../../functions/domain/alerts.ts');
    const alert = await publish(await deps(), callerFor('cbp-officer'), {
      kind: 'cargo-security-alert',
      title: 'Burst',
      body: 'B',
      severity: 'critical',
      audience: { scope: 'categories', categories: ['foreign-manufacturer'] },
    });
    const low = await publish(await deps(), callerFor('cbp-officer'), {
      kind: 'cargo-security-alert',
      title: 'Low',
      body: 'B',
      severity: 'low',
      audience: { scope: 'categories', categories: ['foreign-manufacturer'] },
    });
    await runFanOut(alert.alertId);
    await runFanOut(low.alertId);
    const callerOf = (companyId: string) => callerFor('company-user', companyId, { userId: `user-${companyId}` });
    const first = companies[0]!.companyId;
    const pendingOf = async (companyId: string) =>
      (await list(await deps(), callerOf(companyId), null, 20)).pendingAcknowledgement!.map(
        (i: { alertId: string }) => i.alertId,
      );
    expect(await pendingOf(first)).toEqual([alert.alertId]);

    const d = await deps();
    const outcomes = await Promise.allSettled(
      companies.map((c) => acknowledge(d, callerOf(c.companyId), alert.alertId)),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const view = await acknowledgements(await deps(), callerFor('cbp-officer'), alert.alertId, null, 100);
    expect(view).toMatchObject({ companies: 60, acknowledgedCompanies: 60 });
    expect(await pendingOf(first)).toEqual([]);
    expect(
      (await list(await deps(), callerOf(first), null, 20)).items.map((i: { alertId: string }) => i.alertId).sort(),
    ).toEqual([alert.alertId, low.alertId].sort());
  });
});
