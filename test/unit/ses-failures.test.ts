/**
 * SES's answers sorted into failure kinds (issue 25, item 4): per-recipient statuses of a bulk
 * send and the exceptions a whole call fails with, as AWS names them and as the SES emulator
 * answers them (an error body the SDK cannot name, known by its HTTP status).
 */
import { describe, expect, it } from 'vitest';
import { kindOfError, kindOfStatus } from '../../functions/data/ses-failures.ts';
import { FAILURE_KINDS } from '../../functions/definitions/email-failures.ts';

const sdkError = (name: string, message: string, httpStatusCode: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode }, ...extra });

describe('SES failure kinds', () => {
  it('sorts per-recipient statuses: throttling passes, a missing template or a rejected address needs someone', () => {
    expect(kindOfStatus('ACCOUNT_THROTTLED')).toBe('throttled');
    expect(kindOfStatus('TRANSIENT_FAILURE')).toBe('unavailable');
    expect(kindOfStatus('TEMPLATE_DOES_NOT_EXIST')).toBe('template-missing');
    expect(kindOfStatus('MESSAGE_REJECTED')).toBe('address-rejected');
    expect(kindOfStatus('FAILED', 'Invalid recipient address')).toBe('address-rejected');
    expect(kindOfStatus('FAILED', 'something else')).toBe('unknown');
  });

  it('sorts whole-call exceptions, a 404 without a known name (the emulator) as a missing template', () => {
    expect(kindOfError(sdkError('NotFoundException', 'Template ctpat-standing does not exist', 404))).toBe(
      'template-missing',
    );
    expect(kindOfError(sdkError('NotFoundException', 'Configuration set portal does not exist', 404))).toBe(
      'configuration-set-missing',
    );
    expect(kindOfError(sdkError('Unknown', "The resource you attempted to access doesn't exist.", 404))).toBe(
      'template-missing',
    );
    expect(kindOfError(sdkError('MessageRejected', 'Email address is not verified.', 400))).toBe('sender-not-verified');
    expect(kindOfError(sdkError('MessageRejected', 'Address blacklisted.', 400))).toBe('address-rejected');
    expect(kindOfError(sdkError('SendingPausedException', 'paused', 400))).toBe('sending-paused');
    expect(kindOfError(sdkError('AccessDeniedException', 'denied', 403))).toBe('request-refused');
    expect(
      kindOfError(sdkError('TooManyRequestsException', 'slow down', 429, { $retryable: { throttling: true } })),
    ).toBe('throttled');
    expect(kindOfError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe('unavailable');
    expect(kindOfError('a string')).toBe('unknown');
  });

  it('treats exactly the kinds that need someone as permanent', () => {
    const permanent = Object.entries(FAILURE_KINDS)
      .filter(([, k]) => k.permanent)
      .map(([name]) => name);
    expect(permanent).not.toContain('throttled');
    expect(permanent).not.toContain('unavailable');
    expect(permanent).not.toContain('unknown');
    expect(permanent).toContain('template-missing');
  });
});
