import { SendBulkEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from '../clients/ses.ts';
import { SENDER_ADDRESS, EMAIL_CONFIGURATION_SET, PORTAL_URL } from '../clients/email-settings.ts';
import type { Recipient, SendResult } from '../schemas/outbox.ts';

export type { SendResult };

/**
 * One SES v2 bulk send of a template to up to 50 recipients, each with their own data merged
 * over the shared data (which always offers `portalUrl`, where to sign in). Answers one result per recipient; a call that fails as a whole (for
 * example throttled) answers every recipient as failed, to be retried.
 */
export const sendTemplated = async (
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
        : { email: r.email, ok: false, error: result?.Error ?? result?.Status ?? 'no result' };
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : 'send failed';
    return recipients.map((r) => ({ email: r.email, ok: false, error: reason }));
  }
};
