import * as z from 'zod/v4';

/**
 * What SES publishes to a configuration set's event destination for a bounce or a complaint
 * (the "event publishing" format), as EventBridge delivers it: the SES event is the `detail`.
 * Only the fields the portal reads are checked; SES adds more, and other event types pass by.
 */
const Recipient = z.object({ emailAddress: z.string() });

export const SesFeedbackEvent = z.object({
  eventType: z.string(),
  mail: z.object({ messageId: z.string(), timestamp: z.string(), destination: z.array(z.string()) }),
  bounce: z
    .object({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      bouncedRecipients: z.array(Recipient),
      timestamp: z.string(),
    })
    .optional(),
  complaint: z
    .object({
      complainedRecipients: z.array(Recipient),
      complaintFeedbackType: z.string().optional(),
      timestamp: z.string(),
    })
    .optional(),
});
export type SesFeedbackEvent = z.infer<typeof SesFeedbackEvent>;

/** The EventBridge envelope (`source: aws.ses`, `detail-type: Email Bounced` or `Email Complaint Received`). */
export const SesEventBridgeEvent = z.object({
  source: z.literal('aws.ses'),
  'detail-type': z.string(),
  detail: SesFeedbackEvent,
});
