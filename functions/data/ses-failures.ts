/**
 * SES v2's answers, sorted into the portal's failure kinds (`definitions/email-failures.ts`): a
 * bulk send's per-recipient status (`BulkEmailEntryResult.Status`) or the exception a whole call
 * failed with. Only SES-specific knowledge lives here; what a kind means is in the definitions.
 */
import type { FailureKind } from '../definitions/email-failures.ts';
import { isRetryableSdkError, isThrottlingError } from '../errors.ts';

/** Per-recipient statuses of a bulk send. */
const BY_STATUS: Readonly<Record<string, FailureKind>> = {
  ACCOUNT_THROTTLED: 'throttled',
  ACCOUNT_DAILY_QUOTA_EXCEEDED: 'throttled',
  TRANSIENT_FAILURE: 'unavailable',
  TEMPLATE_DOES_NOT_EXIST: 'template-missing',
  CONFIGURATION_SET_DOES_NOT_EXIST: 'configuration-set-missing',
  MAIL_FROM_DOMAIN_NOT_VERIFIED: 'sender-not-verified',
  MESSAGE_REJECTED: 'address-rejected',
  ACCOUNT_SUSPENDED: 'sending-paused',
  ACCOUNT_SENDING_PAUSED: 'sending-paused',
  CONFIGURATION_SET_SENDING_PAUSED: 'sending-paused',
  INVALID_PARAMETER: 'request-refused',
  INVALID_SENDING_POOL_NAME: 'request-refused',
};

/** A recipient's status as a kind; `FAILED` with the emulator's reason for a bad address is a rejected address. */
export const kindOfStatus = (status: string | undefined, error?: string): FailureKind => {
  const known = status ? BY_STATUS[status] : undefined;
  if (known) return known;
  if (/recipient|address/i.test(error ?? '')) return 'address-rejected';
  return 'unknown';
};

/** Exceptions a whole bulk call fails with (their `name`). */
const BY_EXCEPTION: Readonly<Record<string, FailureKind>> = {
  MailFromDomainNotVerifiedException: 'sender-not-verified',
  AccountSuspendedException: 'sending-paused',
  SendingPausedException: 'sending-paused',
  BadRequestException: 'request-refused',
  AccessDeniedException: 'request-refused',
};

/** The kind of a failed call: throttling and faults of the network or of SES itself are transient. */
export const kindOfError = (error: unknown): FailureKind => {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const { name = '', message = '' } = error as { name?: string; message?: string };
  // SES answers a missing template or configuration set alike (404); the message tells which. An
  // answer the SDK cannot name (the SES emulator's error body) is known by its status alone.
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (name === 'NotFoundException' || status === 404)
    return /configuration set/i.test(message) ? 'configuration-set-missing' : 'template-missing';
  // MessageRejected is also SES's answer, in the sandbox, for an identity it has not verified.
  if (name === 'MessageRejected') return /not verified/i.test(message) ? 'sender-not-verified' : 'address-rejected';
  const known = BY_EXCEPTION[name];
  if (known) return known;
  if (isThrottlingError(error)) return 'throttled';
  return isRetryableSdkError(error) ? 'unavailable' : 'unknown';
};
