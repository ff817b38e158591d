/**
 * The local stream poller's filter (`lib/local/stream-filter.ts`), applied to records shaped as
 * Lambda hands them over, with the stream consumers' own filters: what passes locally is what
 * the event source mapping passes in AWS (`test/cdk/portal-stack.test.ts` asserts the same
 * patterns in the template).
 */
import { describe, expect, it } from 'vitest';
import { assertSupported, passes } from '../../lib/local/stream-filter.ts';
import { STREAM_CONSUMERS, type FilterPattern } from '../../functions/definitions/stream-consumers.ts';

const { filters } = STREAM_CONSUMERS.find((c) => c.id === 'sendNewDeliveries')!;
const record = (eventName: string, pk: string, sk: string) => ({
  eventName,
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } }, NewImage: { pk: { S: pk }, sk: { S: sk } } },
});

describe("the outbox's stream filter, as the local poller applies it", () => {
  it('passes a new delivery item and nothing else: not its later changes, not other items', () => {
    expect(passes(filters, record('INSERT', 'OUTBOX#1f0c', 'DELIVERY'))).toBe(true);
    expect(passes(filters, record('MODIFY', 'OUTBOX#1f0c', 'DELIVERY'))).toBe(false);
    expect(passes(filters, record('REMOVE', 'OUTBOX#1f0c', 'DELIVERY'))).toBe(false);
    expect(passes(filters, record('INSERT', 'COMPANY#c1', 'DELIVERY'))).toBe(false);
    expect(passes(filters, record('INSERT', 'OUTBOX#1f0c', 'OTHER'))).toBe(false);
    expect(passes(filters, record('INSERT', 'X#OUTBOX#1f0c', 'DELIVERY'))).toBe(false);
    // A key that is not a string (the filter names the S type) does not match.
    expect(
      passes(filters, { eventName: 'INSERT', dynamodb: { Keys: { pk: { N: '1' }, sk: { S: 'DELIVERY' } } } }),
    ).toBe(false);
    expect(passes(filters, { eventName: 'INSERT' })).toBe(false);
  });

  it("passes the archive a new audit record and nothing else: not a chain's link, not a delivery, not a change", () => {
    const archive = STREAM_CONSUMERS.find((c) => c.id === 'archiveAuditRecords')!.filters;
    const change = (eventName: string, image: Record<string, string>) => ({
      eventName,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        NewImage: Object.fromEntries(Object.entries(image).map(([name, value]) => [name, { S: value }])),
      },
    });
    const auditRecord = {
      pk: 'COMPANY#c1#AUDIT',
      sk: '2026-12-07T18:00:00.000Z#a1',
      gsi1pk: 'AUDIT#2026-12-07',
      gsi1sk: '2026-12-07T18:00:00.000Z#a1',
    };
    expect(passes(archive, change('INSERT', auditRecord))).toBe(true);
    expect(passes(archive, change('MODIFY', auditRecord))).toBe(false);
    expect(passes(archive, change('REMOVE', auditRecord))).toBe(false);
    // A chain's link, in the chain partition, is not on the trail's index.
    expect(passes(archive, change('INSERT', { pk: 'COMPANY#c1#CHAIN#AUDIT', sk: 'SEQ#000000000001' }))).toBe(false);
    expect(passes(archive, change('INSERT', { pk: 'OUTBOX#1f0c', sk: 'DELIVERY', gsi1pk: 'OUTBOX' }))).toBe(false);
    expect(passes(archive, change('INSERT', { ...auditRecord, gsi1pk: 'X#AUDIT#2026-12-07' }))).toBe(false);
  });

  it('refuses filter syntax it does not apply, so nothing can match differently than in AWS', () => {
    for (const pattern of STREAM_CONSUMERS.flatMap((c): readonly FilterPattern[] => c.filters))
      expect(() => assertSupported(pattern)).not.toThrow();
    const numeric = {
      dynamodb: { NewImage: { attempts: { N: [{ numeric: ['>', 0] }] } } },
    } as unknown as FilterPattern;
    expect(() => assertSupported(numeric)).toThrow(/dynamodb.NewImage.attempts.N uses/);
    const exists = { dynamodb: { Keys: { pk: [{ exists: true }] } } } as unknown as FilterPattern;
    expect(() => assertSupported(exists)).toThrow(/exact strings and prefix only/);
  });
});
