/**
 * Fault injection at the SDK boundary: a middleware on the portal's own SES client that behaves
 * like SES v2 under pressure. It refuses a bulk send of more than 50 destinations, fails whole
 * calls on demand, throttles a share of entries, rejects chosen recipients for good, and passes
 * the rest on to the SES emulator. Its ledger counts what was really sent, per recipient.
 */
import { createHash } from 'node:crypto';
import type { SendBulkEmailCommandInput, SendBulkEmailCommandOutput } from '@aws-sdk/client-sesv2';

export interface SesFaults {
  /** Share of entries answered ACCOUNT_THROTTLED (decided per recipient and attempt). */
  readonly throttleShare?: number;
  /** Whole calls that throw TooManyRequestsException: the 1-based call numbers. */
  readonly failingCalls?: readonly number[];
  /** Recipients SES rejects every time. */
  readonly rejected?: readonly string[];
  /** Pass successful entries on to the SES emulator (default), or only count them. */
  readonly forward?: boolean;
}

export interface SesLedger {
  calls: number;
  /** Calls that carried more than 50 destinations (refused, as SES refuses them). */
  oversized: number;
  /** Calls that failed as a whole. */
  failedCalls: number;
  entries: number;
  throttled: number;
  /** email -> times it was really sent */
  readonly sent: Map<string, number>;
  /** The destinations of each call, in the order the calls were made. */
  readonly recipientsByCall: string[][];
}

const unit = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

export const injectSesFaults = async (faults: SesFaults): Promise<{ ledger: SesLedger; remove(): void }> => {
  const { ses } = await import('../../functions/clients/ses.ts');
  const ledger: SesLedger = {
    calls: 0,
    oversized: 0,
    failedCalls: 0,
    entries: 0,
    throttled: 0,
    sent: new Map(),
    recipientsByCall: [],
  };
  const attempts = new Map<string, number>();
  const name = `sesFaults-${Math.random()}`;
  ses.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'SendBulkEmailCommand') return next(args);
      const input = args.input as SendBulkEmailCommandInput;
      const entries = input.BulkEmailEntries ?? [];
      ledger.calls += 1;
      ledger.recipientsByCall.push(entries.map((entry) => entry.Destination?.ToAddresses?.[0] ?? ''));
      if (entries.length > 50) {
        ledger.oversized += 1;
        throw Object.assign(new Error('BulkEmailEntries may hold at most 50 destinations'), {
          name: 'BadRequestException',
        });
      }
      if (faults.failingCalls?.includes(ledger.calls)) {
        ledger.failedCalls += 1;
        throw Object.assign(new Error('Maximum sending rate exceeded.'), {
          name: 'TooManyRequestsException',
          $retryable: { throttling: true },
        });
      }
      ledger.entries += entries.length;
      const decided = entries.map((entry) => {
        const email = entry.Destination?.ToAddresses?.[0] ?? '';
        const attempt = (attempts.get(email) ?? 0) + 1;
        attempts.set(email, attempt);
        if (faults.rejected?.includes(email)) return { email, status: 'MESSAGE_REJECTED' };
        if (unit(`${email}#${attempt}`) < (faults.throttleShare ?? 0)) {
          ledger.throttled += 1;
          return { email, status: 'ACCOUNT_THROTTLED' };
        }
        return { email, status: 'SUCCESS' };
      });
      const passing = entries.filter((_, i) => decided[i]!.status === 'SUCCESS');
      let forwarded: SendBulkEmailCommandOutput['BulkEmailEntryResults'] = passing.map((_, i) => ({
        Status: 'SUCCESS',
        MessageId: `fake-${ledger.calls}-${i}`,
      }));
      if (passing.length && faults.forward !== false) {
        const result = await next({ ...args, input: { ...input, BulkEmailEntries: passing } });
        forwarded = (result.output as SendBulkEmailCommandOutput).BulkEmailEntryResults ?? [];
      }
      let k = 0;
      const results = decided.map((d) => {
        if (d.status !== 'SUCCESS') return { Status: d.status, Error: d.status };
        const r = forwarded![k++]!;
        if (r.Status === 'SUCCESS') ledger.sent.set(d.email, (ledger.sent.get(d.email) ?? 0) + 1);
        return r;
      });
      return { output: { BulkEmailEntryResults: results, $metadata: {} } as SendBulkEmailCommandOutput, response: {} };
    },
    { step: 'initialize', name },
  );
  return { ledger, remove: () => ses.middlewareStack.remove(name) };
};
