import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mailTo } from '../support/mail.ts';
import { uniqueEmail } from '../support/api.ts';
import { deliveryAsStored, writeItem } from '../support/table.ts';
import { sendOutboxJob } from '../support/functions.ts';

describe('the email outbox against DynamoDB Local and the SES emulator', () => {
  it('sends a pending delivery once, however often and however concurrently the sender runs', async () => {
    const outbox = await import('../../functions/data/outbox-store.ts');
    const { newDelivery } = await import('../../functions/domain/deliveries.ts');
    const handler = await sendOutboxJob();
    const emails = [uniqueEmail('outbox'), uniqueEmail('outbox'), uniqueEmail('outbox')];
    const item = newDelivery({
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
    await writeItem(outbox.deliveryOp(item));

    const reports = await Promise.all([handler(), handler(), handler()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    await handler();
    for (const email of emails) {
      const mail = await mailTo(email);
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
});
