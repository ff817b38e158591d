import { describe, expect, it } from 'vitest';
import { attempt, backoffMs, drain, MAX_ATTEMPTS, sendNew, type OutboxDeps } from '../../functions/domain/outbox.ts';
import { newDelivery } from '../../functions/domain/deliveries.ts';
import { laneOf, type Delivery, type Lane, type SendResult } from '../../functions/schemas/outbox.ts';
import { fixedClock } from '../support/factories.ts';

/** An in-memory outbox with the same lease semantics as the conditional updates. */
const memoryOutbox = (items: Delivery[]) => {
  const store = new Map(items.map((d) => [d.deliveryId, d]));
  return {
    store,
    get: async (id: string) => store.get(id) ?? null,
    claim: async (current: Delivery, now: string, leaseUntil: string) => {
      const item = store.get(current.deliveryId)!;
      if (
        item.attempts !== current.attempts ||
        item.nextAttemptAt > now ||
        !['pending', 'sending'].includes(item.status)
      )
        return null;
      const claimed = { ...item, status: 'sending' as const, nextAttemptAt: leaseUntil, attempts: item.attempts + 1 };
      store.set(item.deliveryId, claimed);
      return claimed;
    },
    /** Like the conditional update: only while still leased to this attempt. */
    record: async (claimed: Delivery, outcome: Pick<Delivery, 'status' | 'results' | 'nextAttemptAt'>) => {
      const item = store.get(claimed.deliveryId)!;
      if (item.attempts !== claimed.attempts || item.status !== 'sending') throw new Error('ConditionalCheckFailed');
      store.set(claimed.deliveryId, { ...item, ...outcome });
    },
    progress: async (claimed: Delivery, results: Delivery['results']) => {
      const item = store.get(claimed.deliveryId)!;
      if (item.attempts === claimed.attempts && item.status === 'sending')
        store.set(claimed.deliveryId, { ...item, results });
    },
    due: async function* (now: string, lane?: Lane) {
      yield* [...store.values()].filter(
        (d) => ['pending', 'sending'].includes(d.status) && d.nextAttemptAt <= now && (!lane || laneOf(d) === lane),
      );
    },
  };
};

/** A mailer that fails the listed addresses `failTimes` times each, and records every send. */
const flakyMailer = (failing: Record<string, number>) => {
  const sent: string[] = [];
  return {
    sent,
    sendTemplated: async (_t: string, recipients: readonly { email: string }[]): Promise<SendResult[]> =>
      recipients.map((r) => {
        if ((failing[r.email] ?? 0) > 0) {
          failing[r.email]! -= 1;
          return { email: r.email, ok: false, error: 'Throttled', kind: 'throttled' as const };
        }
        sent.push(r.email);
        return { email: r.email, ok: true, messageId: `m-${r.email}` };
      }),
  };
};

const delivery = (id: string, emails: string[], now: string) =>
  newDelivery({
    deliveryId: id,
    template: 't',
    recipients: emails.map((email) => ({ email, data: {} })),
    defaultData: {},
    reason: 'test',
    now,
  });

describe('outbox delivery', () => {
  it('sends every recipient once, retrying only the failed ones after the backoff', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const outbox = memoryOutbox([delivery('d1', ['a@x.com', 'b@x.com', 'c@x.com'], clock.now().toISOString())]);
    const mailer = flakyMailer({ 'b@x.com': 2 });
    const deps: OutboxDeps = { clock, outbox, mailer };

    expect(await attempt(deps, outbox.store.get('d1')!)).toBe('retrying');
    expect(mailer.sent).toEqual(['a@x.com', 'c@x.com']);
    // Not due again before the backoff has passed.
    expect((await drain(deps)).due).toBe(0);

    clock.set(new Date(clock.now().getTime() + backoffMs(1)).toISOString());
    expect((await drain(deps)).retrying).toBe(1);
    clock.set(new Date(clock.now().getTime() + backoffMs(2)).toISOString());
    expect((await drain(deps)).sent).toBe(1);
    expect(mailer.sent).toEqual(['a@x.com', 'c@x.com', 'b@x.com']);
    expect(outbox.store.get('d1')).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await drain(deps)).due).toBe(0);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and marks the delivery failed, keeping what was sent`, async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const outbox = memoryOutbox([delivery('d2', ['ok@x.com', 'bad@x.com'], clock.now().toISOString())]);
    const mailer = flakyMailer({ 'bad@x.com': 99 });
    const deps: OutboxDeps = { clock, outbox, mailer };
    const outcomes = [];
    for (let i = 0; i < MAX_ATTEMPTS + 2; i += 1) {
      outcomes.push(await drain(deps));
      clock.set(new Date(clock.now().getTime() + 2 * 60 * 60_000).toISOString());
    }
    expect(outcomes.reduce((n, r) => n + r.failed, 0)).toBe(1);
    expect(outbox.store.get('d2')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(outbox.store.get('d2')!.results['bad@x.com']).toMatchObject({ status: 'failed', error: 'Throttled' });
    expect(mailer.sent).toEqual(['ok@x.com']);
  });

  it('lets only one of two concurrent senders send a delivery', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const outbox = memoryOutbox([delivery('d3', ['a@x.com'], clock.now().toISOString())]);
    const mailer = flakyMailer({});
    const deps: OutboxDeps = { clock, outbox, mailer };
    const snapshot = outbox.store.get('d3')!;
    const outcomes = await Promise.all([attempt(deps, snapshot), attempt(deps, snapshot)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(mailer.sent).toEqual(['a@x.com']);
  });

  it('packs the retries of many deliveries of one message into full calls of 50, never mixing messages', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const now = clock.now().toISOString();
    // Ten deliveries of one alert, 50 recipients each; the first 6 recipients of each are throttled once.
    const alertDeliveries = Array.from({ length: 10 }, (_, d) =>
      newDelivery({
        deliveryId: `a${d}`,
        template: 'alert',
        recipients: Array.from({ length: 50 }, (_, r) => ({ email: `u${d}-${r}@x.com`, data: {} })),
        defaultData: { severity: 'high' },
        reason: 'alert',
        now,
      }),
    );
    const other = newDelivery({
      deliveryId: 'b0',
      template: 'alert',
      recipients: [{ email: 'other@x.com', data: {} }],
      defaultData: { severity: 'low' },
      reason: 'alert',
      now,
    });
    const outbox = memoryOutbox([...alertDeliveries, other]);
    const failing = Object.fromEntries(
      alertDeliveries.flatMap((d) => d.recipients.slice(0, 6).map((r) => [r.email, 1])),
    );
    const calls: { template: string; severity: string; size: number }[] = [];
    const mailer = flakyMailer(failing);
    const counting = {
      sendTemplated: async (
        template: string,
        recipients: readonly { email: string; data: Record<string, string> }[],
        data: Record<string, string>,
      ) => {
        calls.push({ template, severity: data.severity!, size: recipients.length });
        return mailer.sendTemplated(template, recipients);
      },
    };
    const deps: OutboxDeps = { clock, outbox, mailer: counting };

    await drain(deps);
    expect(calls.map((c) => `${c.severity}:${c.size}`).sort()).toEqual(
      [...Array.from({ length: 10 }, () => 'high:50'), 'low:1'].sort(),
    );
    clock.set(new Date(clock.now().getTime() + backoffMs(1)).toISOString());
    calls.length = 0;
    await drain(deps);
    // 60 throttled recipients from ten deliveries: two calls, not ten.
    expect(calls.map((c) => c.size)).toEqual([50, 10]);
    expect(new Set(mailer.sent).size).toBe(501);
    expect(mailer.sent).toHaveLength(501);
    expect([...outbox.store.values()].every((d) => d.status === 'sent')).toBe(true);
  });

  it('records after every call, so a sender that dies mid-batch resends at most the call in flight', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const now = clock.now().toISOString();
    // Retries of 30 recipients from each of ten deliveries: they pack into six calls, and a call spans two deliveries.
    const items = Array.from({ length: 10 }, (_, d) =>
      newDelivery({
        deliveryId: `k${d}`,
        template: 'alert',
        recipients: Array.from({ length: 30 }, (_, r) => ({ email: `k${d}-${r}@x.com`, data: {} })),
        defaultData: {},
        reason: 'alert',
        now,
      }),
    );
    const outbox = memoryOutbox(items);
    const mailer = flakyMailer({});
    let calls = 0;
    const dying = {
      // The third call reaches SES, then the sender's process is killed before anything after it runs.
      sendTemplated: async (
        template: string,
        recipients: readonly { email: string; data: Record<string, string> }[],
      ) => {
        const sent = await mailer.sendTemplated(template, recipients);
        calls += 1;
        if (calls === 3) throw new Error('killed');
        return sent;
      },
    };
    await expect(drain({ clock, outbox, mailer: dying })).rejects.toThrow('killed');
    expect(mailer.sent).toHaveLength(150);

    // After the lease runs out a healthy sender takes over.
    clock.set(new Date(clock.now().getTime() + 11 * 60_000).toISOString());
    await drain({ clock, outbox, mailer });
    const times = new Map<string, number>();
    for (const email of mailer.sent) times.set(email, (times.get(email) ?? 0) + 1);
    expect(times.size).toBe(300);
    const resent = [...times.values()].filter((n) => n > 1).length;
    // Exactly the 50 recipients of the killed call were sent twice; nobody else.
    expect(resent).toBe(50);
    expect([...times.values()].every((n) => n <= 2)).toBe(true);
    expect([...outbox.store.values()].every((d) => d.status === 'sent')).toBe(true);
  });

  it('sends new deliveries from the stream alerts first, and leaves one not yet due or already taken to its sender', async () => {
    const clock = fixedClock('2026-01-01T00:00:00Z');
    const now = clock.now().toISOString();
    const mail = delivery('m1', ['mail@x.com'], now);
    const alert = newDelivery({
      deliveryId: 'a1',
      template: 't',
      recipients: [{ email: 'alert@x.com', data: {} }],
      defaultData: {},
      reason: 'alert',
      now,
      lane: 'alert',
    });
    // A digest waits for its window; another delivery is already leased to the scheduled sender.
    const digest = newDelivery({
      deliveryId: 'g1',
      template: 't',
      recipients: [{ email: 'digest@x.com', data: {} }],
      defaultData: {},
      reason: 'digest',
      now,
      dueAt: '2026-01-01T00:05:00Z',
    });
    const taken = delivery('t1', ['taken@x.com'], now);
    const outbox = memoryOutbox([mail, alert, digest, taken]);
    await outbox.claim(taken, now, '2026-01-01T00:10:00Z');
    const mailer = flakyMailer({});

    // The stream hands them over in the order they were written: mail before the alert.
    const outcomes = await sendNew({ clock, outbox, mailer }, [mail, alert, digest, taken]);
    expect(mailer.sent).toEqual(['alert@x.com', 'mail@x.com']);
    expect(outcomes).toEqual(['sent', 'sent', 'skipped', 'skipped']);
    expect(outbox.store.get('g1')).toMatchObject({ status: 'pending', attempts: 0 });
    // The same records again (a retried batch) send nothing twice.
    expect(await sendNew({ clock, outbox, mailer }, [mail, alert])).toEqual(['skipped', 'skipped']);
    expect(mailer.sent).toHaveLength(2);
  });

  it('refuses a delivery of more than 50 recipients', () => {
    expect(() =>
      delivery(
        'd4',
        Array.from({ length: 51 }, (_, i) => `u${i}@x.com`),
        '2026-01-01T00:00:00Z',
      ),
    ).toThrow(/1 to 50/);
  });
});
