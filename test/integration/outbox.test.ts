import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mailTo, waitForMail } from '../support/mail.ts';
import { uniqueEmail } from '../support/api.ts';
import { deliveryAsStored, writeItem } from '../support/table.ts';
import { sendOutboxJob } from '../support/functions.ts';
import { injectSesFaults } from '../support/ses-faults.ts';
import { streamPoller } from '../support/stream.ts';

const invitationTo = async (emails: readonly string[]) => {
  const { newDelivery } = await import('../../functions/domain/deliveries.ts');
  return newDelivery({
    deliveryId: randomUUID(),
    template: 'ctpat-invitation',
    recipients: emails.map((email) => ({
      email,
      data: { name: 'Test', email, temporaryPassword: 'not-a-real-one' },
    })),
    defaultData: { expiresDays: '3' },
    reason: 'test',
    now: new Date(Date.now() - 1000).toISOString(),
  });
};

describe('the email outbox against DynamoDB Local and the SES emulator', () => {
  it('sends a pending delivery once, however often and however concurrently the sender runs', async () => {
    const outbox = await import('../../functions/data/outbox-store.ts');
    const handler = await sendOutboxJob();
    const emails = [uniqueEmail('outbox'), uniqueEmail('outbox'), uniqueEmail('outbox')];
    const item = await invitationTo(emails);
    // The scheduled sender alone, as while the stream's mappings are disabled: its runs race each other.
    await streamPoller().pause();
    try {
      await writeItem(outbox.deliveryOp(item));
      const reports = await Promise.all([handler(), handler(), handler()]);
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
      await handler();
    } finally {
      // Enabled again, the stream's sender reads the delivery's record and finds it sent.
      streamPoller().resume();
    }
    for (const email of emails) {
      const mail = await waitForMail(email, 1);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.body.text).toContain(email);
    }
    const stored = await outbox.get(item.deliveryId);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
    expect(Object.values(stored!.results).every((r) => r.status === 'sent')).toBe(true);
    // The temporary password does not outlive the send.
    expect(JSON.stringify(stored)).not.toContain('not-a-real-one');
    // Finished, it has left the sparse due index (the raw item carries no index keys).
    const raw = (await deliveryAsStored(item.deliveryId))!;
    expect(raw.gsi2pk).toBeUndefined();
    expect(raw.gsi2sk).toBeUndefined();
  });

  it("sends a new delivery once when the stream's senders, three scheduled runs and a replayed stream batch race for it", async () => {
    const outbox = await import('../../functions/data/outbox-store.ts');
    const { sendNew } = await import('../../functions/domain/outbox.ts');
    const { systemClock } = await import('../../functions/domain/clock.ts');
    const mailer = await import('../../functions/data/email.ts');
    const handler = await sendOutboxJob();
    const emails = [uniqueEmail('race'), uniqueEmail('race')];
    const item = await invitationTo(emails);
    const faults = await injectSesFaults({});
    try {
      await writeItem(outbox.deliveryOp(item));
      // The stream hands the record to both its mappings while the safety net runs, and Lambda
      // may deliver a batch again after a timeout: the record's image once more, as the handler gets it.
      await Promise.all([
        handler(),
        handler(),
        handler(),
        sendNew({ clock: systemClock, outbox, mailer }, [item]),
        streamPoller().settled(),
      ]);
      await streamPoller().settled();
    } finally {
      faults.remove();
    }
    expect(emails.map((email) => faults.ledger.sent.get(email))).toEqual([1, 1]);
    for (const email of emails) expect(await mailTo(email)).toHaveLength(1);
    expect(await outbox.get(item.deliveryId)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
