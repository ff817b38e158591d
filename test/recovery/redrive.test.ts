/**
 * Permanent email failures and their re-drive (issue 25, item 4), against the SES emulator: a
 * missing template and a rejected address are each counted by kind at their first occurrence
 * (the metric the stack alarms), the deliveries give up after their retries, and once the cause is
 * fixed `npm run outbox -- redrive` (its core, as the command runs it) hands each failed
 * delivery's unsent recipients to a new one, audited, so that every recipient gets the email once,
 * however many re-drives run. In the recovery project: it deletes a template from the SES emulator.
 */
import { randomUUID } from 'node:crypto';
import { DeleteEmailTemplateCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';
import { PERMANENT_FAILURE_METRIC } from '../../functions/definitions/email-failures.ts';
import { useClock } from '../../functions/domain/clock.ts';
import { ensureEmailTemplates } from '../../lib/local/bootstrap.ts';
import { uniqueEmail } from '../support/api.ts';
import { sendOutboxJob } from '../support/functions.ts';
import { mailTo, waitForMail } from '../support/mail.ts';
import { captureMetrics } from '../support/metrics.ts';
import { injectSesFaults } from '../support/ses-faults.ts';
import { streamPoller } from '../support/stream.ts';
import { auditRecords, writeItem } from '../support/table.ts';

afterAll(() => ensureEmailTemplates(inject('backends').sesEndpoint));

const delivery = async (template: string, emails: readonly string[], defaultData: Record<string, string>) => {
  const { newDelivery } = await import('../../functions/domain/deliveries.ts');
  return newDelivery({
    deliveryId: randomUUID(),
    template,
    recipients: emails.map((email) => ({ email, data: {} })),
    defaultData: { portalUrl: 'https://portal.example.gov', ...defaultData },
    reason: `redrive-test:${template}`,
    now: new Date(Date.now() - 1000).toISOString(),
  });
};

describe('permanent email failures and the re-drive', () => {
  it('counts each kind at its first occurrence, and a re-drive run three times (two at once) sends each unsent recipient once', async () => {
    const outbox = await import('../../functions/data/outbox-store.ts');
    const { redriveOutbox } = await import('../../lib/admin/redrive-outbox.ts');
    const since = new Date().toISOString();
    const [sent1, rejected, sent2] = ['sent', 'rejected', 'sent'].map((p) => uniqueEmail(`redrive-${p}`));
    const orphans = [uniqueEmail('redrive-orphan'), uniqueEmail('redrive-orphan')];
    const notice = await delivery(EMAIL_TEMPLATES.messageNotice.name, [sent1!, rejected!, sent2!], { from: 'CBP' });
    const standing = await delivery(EMAIL_TEMPLATES.standing.name, orphans, {
      event: 'Your company was certified',
      date: '2026-12-07',
      next: 'Nothing to do.',
    });

    // Two causes that need someone: SES rejects one address, and a template is gone.
    const ses = new SESv2Client({ endpoint: inject('backends').sesEndpoint });
    await ses.send(new DeleteEmailTemplateCommand({ TemplateName: EMAIL_TEMPLATES.standing.name }));
    ses.destroy();
    const faults = await injectSesFaults({ rejected: [rejected!] });
    const metrics = captureMetrics();
    const send = await sendOutboxJob();
    try {
      await writeItem(outbox.deliveryOp(notice));
      await writeItem(outbox.deliveryOp(standing));
      await streamPoller().settled();
      // The stream's first attempt counted each kind at once, long before the outbox gives up.
      expect(metrics.total(PERMANENT_FAILURE_METRIC, { Kind: 'address-rejected' })).toBe(1);
      expect(metrics.total(PERMANENT_FAILURE_METRIC, { Kind: 'template-missing' })).toBe(2);
      expect(await outbox.get(notice.deliveryId)).toMatchObject({ status: 'pending', attempts: 1 });
      // The scheduled sender's retries, the clock moved past each backoff, until both give up.
      let ahead = 0;
      for (let round = 0; round < 8; round += 1) {
        const states = await Promise.all([outbox.get(notice.deliveryId), outbox.get(standing.deliveryId)]);
        if (states.every((d) => d?.status === 'failed')) break;
        ahead += 5 * 60_000;
        const offset = ahead;
        useClock({ now: () => new Date(Date.now() + offset) });
        await send();
      }
    } finally {
      useClock({ now: () => new Date() });
      metrics.restore();
      faults.remove();
    }
    const failedNotice = (await outbox.get(notice.deliveryId))!;
    expect(failedNotice).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failedNotice.results[sent1!]?.status).toBe('sent');
    expect(failedNotice.results[rejected!]).toMatchObject({ status: 'failed', kind: 'address-rejected' });
    expect((await outbox.get(standing.deliveryId))!.results[orphans[0]!]).toMatchObject({
      status: 'failed',
      kind: 'template-missing',
    });
    expect([sent1, sent2].map((e) => faults.ledger.sent.get(e!))).toEqual([1, 1]);

    // Fixed as the runbook says: the templates created again (`npm start` does it), the address
    // corrected (here: SES no longer rejects it). Then three re-drives, two of them at once.
    await ensureEmailTemplates(inject('backends').sesEndpoint);
    const input = { since, dryRun: false, operator: 'ops-duty', host: 'test', waitSeconds: 0 };
    const quiet = () => {};
    const dry = await redriveOutbox({ ...input, dryRun: true }, quiet);
    expect(dry).toMatchObject({ failed: 2, redriven: 2, recipients: 3, replacements: [] });
    const reports = await Promise.all([redriveOutbox(input, quiet), redriveOutbox(input, quiet)]);
    reports.push(await redriveOutbox(input, quiet));
    expect(reports.reduce((n, r) => n + r.redriven, 0)).toBe(2);
    expect(reports.reduce((n, r) => n + r.recipients, 0)).toBe(3);

    // Each recipient once: the two already sent are not in the re-drive.
    for (const email of [rejected!, ...orphans]) expect(await waitForMail(email, 1)).toHaveLength(1);
    expect([sent1, sent2].map((e) => faults.ledger.sent.get(e!))).toEqual([1, 1]);
    for (const email of [sent1!, sent2!]) expect(await mailTo(email)).toHaveLength(1);

    const [noticeAfter, standingAfter] = await Promise.all([
      outbox.get(notice.deliveryId),
      outbox.get(standing.deliveryId),
    ]);
    expect(noticeAfter).toMatchObject({ status: 'redriven' });
    expect(standingAfter).toMatchObject({ status: 'redriven' });
    const replacements = await Promise.all([
      outbox.get(noticeAfter!.redrivenTo!),
      outbox.get(standingAfter!.redrivenTo!),
    ]);
    expect(replacements.map((d) => [d?.status, d?.redriveOf, d?.recipients.map((r) => r.email)])).toEqual([
      ['sent', notice.deliveryId, [rejected]],
      ['sent', standing.deliveryId, orphans],
    ]);
    // One audit record per delivery handed over, naming the operator.
    const audits = (await auditRecords()).filter((a) => a.action === 'outbox.redriven');
    expect(audits.map((a) => [a.objectId, a.actorId]).sort()).toEqual(
      [
        [notice.deliveryId, 'operator:ops-duty'],
        [standing.deliveryId, 'operator:ops-duty'],
      ].sort(),
    );
  }, 300_000);
});
