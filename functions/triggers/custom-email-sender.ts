/**
 * Cognito's custom email sender trigger: Cognito hands over a password-reset code (encrypted
 * with the portal's KMS key) and the portal emails it with its own SES template, from its own
 * address, the same way in AWS and on the local stack (cognito-local calls this handler through
 * the local Lambda stand-in). The email carries the code and where to enter it, nothing else.
 */
import { decryptCode } from '../data/cognito-codes.ts';
import { sendTemplated } from '../data/email.ts';
import { EMAIL_TEMPLATES } from '../definitions/email-templates.ts';
import { logger } from '../log.ts';

/** The part of Cognito's CustomEmailSender event this handler reads. */
export interface CustomEmailSenderEvent {
  readonly triggerSource: string;
  readonly userName?: string;
  readonly request: { readonly code?: string | null; readonly userAttributes: Record<string, string | undefined> };
}

/** Minutes a reset code stays valid in Cognito (its fixed validity). */
const RESET_CODE_VALID_MINUTES = 60;

export const handler = async (event: CustomEmailSenderEvent): Promise<CustomEmailSenderEvent> => {
  const email = event.request.userAttributes.email;
  // The portal sends invitations itself (Cognito's are suppressed) and verifies no attribute by
  // code, so a reset code is the one message Cognito asks it to deliver.
  if (event.triggerSource !== 'CustomEmailSender_ForgotPassword' || !event.request.code || !email) {
    logger.warn('custom email sender: nothing to send', { triggerSource: event.triggerSource });
    return event;
  }
  const code = await decryptCode(event.request.code);
  const [result] = await sendTemplated(EMAIL_TEMPLATES.passwordReset.name, [{ email, data: {} }], {
    code,
    validMinutes: String(RESET_CODE_VALID_MINUTES),
  });
  // A failure makes Cognito's ForgotPassword fail too, so the person can ask again at once.
  if (!result?.ok)
    throw new Error(`The password-reset email could not be sent: ${result && !result.ok ? result.error : 'no result'}`);
  return event;
};
