import { SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../clients/ses.ts';
import { SENDER_ADDRESS, EMAIL_CONFIGURATION_SET, PORTAL_URL } from '../clients/email-settings.ts';
import type { Recipient, SendResult } from '../schemas/outbox.ts';
import { FAILURE_KINDS, PERMANENT_FAILURE_METRIC, type FailureKind } from '../definitions/email-failures.ts';
import { count } from '../clients/metrics.ts';
import { kindOfError, kindOfStatus } from './ses-failures.ts';

export type { SendResult };

/**
 * Counts the permanent failures of one call by kind: the first one raises that kind's alarm
 * (a template gone, a sender unverified), long before the outbox gives up on its retries.
 */
const countPermanent = (template: string, results: readonly SendResult[]) => {
  const byKind = new Map<FailureKind, number>();
  for (const r of results)
    if (!r.ok && FAILURE_KINDS[r.kind].permanent) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  for (const [kind, n] of byKind) count(PERMANENT_FAILURE_METRIC, { Kind: kind }, { template }, n);
};

/**
 * One SES v2 bulk send of a template to up to 50 recipients, each with their own data merged
 * over the shared data (which always offers `portalUrl`, where to sign in). Answers one result
 * per recipient, a failure with its kind; a call that fails as a whole (for example throttled)
 * answers every recipient as failed, to be retried.
 */
export const sendTemplated = async (
  template: string,
  recipients: readonly Recipient[],
  defaultData: Record<string, string>,
): Promise<SendResult[]> => {
  const results = await send(template, recipients, defaultData);
  countPermanent(template, results);
  return results;
};

const send = async (
  template: string,
  recipients: readonly Recipient[],
  defaultData: Record<string, string>,
): Promise<SendResult[]> => {
  try {
    const { BulkEmailEntryResults = [] } = await ses.send(
      new SendBulkEmailCommand({
        FromEmailAddress: SENDER_ADDRESS,
        ConfigurationSetName: EMAIL_CONFIGURATION_SET,
        DefaultContent: {
          Template: { TemplateName: template, TemplateData: JSON.stringify({ portalUrl: PORTAL_URL, ...defaultData }) },
        },
        BulkEmailEntries: recipients.map((r) => ({
          Destination: { ToAddresses: [r.email] },
          ReplacementEmailContent: { ReplacementTemplate: { ReplacementTemplateData: JSON.stringify(r.data) } },
        })),
      }),
    );
    return recipients.map((r, i) => {
      const result = BulkEmailEntryResults[i];
      return result?.Status === 'SUCCESS' && result.MessageId
        ? { email: r.email, ok: true, messageId: result.MessageId }
        : {
            email: r.email,
            ok: false,
            error: result?.Error ?? result?.Status ?? 'no result',
            kind: kindOfStatus(result?.Status, result?.Error),
          };
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'send failed';
    const kind = kindOfError(error);
    return recipients.map((r) => ({ email: r.email, ok: false, error: reason, kind }));
  }
};
