/**
 * The write-once audit archive (issue 20 item 2, decisions 79 and 83) against DynamoDB Local and the
 * S3 emulator. Records written to the trail reach the archive through the table's changes, as the
 * `archiveAuditRecords` consumer of the table's Kinesis data stream gets them (locally the stream
 * poller reads DynamoDB Local's stream and hands them over as Kinesis records), each as the
 * canonical JSON the company's chain hashes. The data module, run as that consumer: a record's
 * copy goes in under `audit/<companyId>/<at>_<auditId>.json` with a SHA-256 checksum (S3 refuses
 * a put into an Object Lock bucket without one), a second identical put is harmless, and the
 * local IAM stand-in refuses the writer anything but the put. s3rver has no Object Lock
 * (docs/emulators.md): that the bucket keeps every copy is the CDK assertions' part.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { auditItem } from '../../functions/domain/audit.ts';
import { canonicalRecord } from '../../functions/domain/audit-chain.ts';
import { STREAM_CONSUMERS } from '../../functions/definitions/stream-consumers.ts';
import type { AuditRecord } from '../../functions/schemas/audit.ts';
import { runAs, takeRefusals, type FunctionIdentity } from '../../lib/local/iam.ts';
import { LOCAL_BUCKETS } from '../../lib/local/emulators.ts';
import { streamPoller } from '../support/stream.ts';
import { auditRecordsOf } from '../support/table.ts';

const archive = () => import('../../functions/data/audit-archive.ts');
const client = async () => (await import('../../functions/clients/s3.ts')).s3;

/** The archive's consumer as the stream-consumer table declares it: it reads the changes and puts copies. */
const consumer = STREAM_CONSUMERS.find((c) => c.id === 'archiveAuditRecords')!;
const archiver: FunctionIdentity = { name: `stream consumer ${consumer.id}`, access: consumer.access };

/** One audit record as the chain would hash it, with its position (its sort key `<at>#<auditId>`). */
const aRecord = () => {
  const companyId = randomUUID();
  const record = auditItem(
    { userId: randomUUID(), companyId, role: 'primary-poc', sourceIp: '192.0.2.10' },
    { companyId, action: 'profile.saved', objectType: 'profile', objectId: companyId, changes: { note: 'seal log' } },
    new Date('2026-12-07T15:22:18.123Z'),
    randomUUID(),
  );
  return { companyId, position: `${record.at}#${record.auditId}`, body: JSON.stringify(record) };
};

/** An HTTP request as the SDK sends it. */
interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

/** The HTTP requests `work` sends through the portal's S3 client, as they leave (signed, checksummed). */
const requestsOf = async (work: () => Promise<void>): Promise<SentRequest[]> => {
  const s3 = await client();
  const sent: SentRequest[] = [];
  const name = `capture-${randomUUID()}`;
  s3.middlewareStack.add(
    (next) => async (args) => {
      sent.push(args.request as SentRequest);
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name },
  );
  try {
    await work();
  } finally {
    s3.middlewareStack.remove(name);
  }
  return sent;
};

describe('the audit trail reaching the archive through the table changes', () => {
  it('puts each record written to the trail, as its canonical JSON, once the change is read; the chainer takes no part', async () => {
    const audits = await import('../../functions/data/audit-store.ts');
    const { archivedRecord } = await archive();
    const companyId = randomUUID();
    const actor = { userId: randomUUID(), companyId, role: 'primary-poc', sourceIp: '192.0.2.10' };
    // Twelve at once, as requests write them (each in its own write), none waiting on the archive.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        audits.record(
          auditItem(
            actor,
            { companyId, action: 'profile.saved', objectType: 'profile', objectId: `p${i}`, changes: { n: i } },
            new Date(),
            randomUUID(),
          ),
        ),
      ),
    );
    await streamPoller().settled();
    expect(streamPoller().takeGivenUp()).toEqual([]);
    const stored: AuditRecord[] = await auditRecordsOf(companyId);
    expect(stored).toHaveLength(12);
    for (const record of stored)
      expect(await archivedRecord(companyId, `${record.at}#${record.auditId}`), record.objectId).toBe(
        canonicalRecord(record),
      );
    // Other items' changes are not the archive's: a company with no trail has no copy.
    expect(await archivedRecord(randomUUID(), `${stored[0]!.at}#${stored[0]!.auditId}`)).toBeNull();
  });
});

describe('the audit archive', () => {
  it('keeps a record as put, under audit/<companyId>/<at>_<auditId>.json, with its SHA-256, and none for another', async () => {
    const { archiveRecord, archivedRecord } = await archive();
    const { companyId, position, body } = aRecord();
    expect(await archivedRecord(companyId, position), 'nothing before the put').toBeNull();

    const [put, ...others] = await requestsOf(() => runAs(archiver, () => archiveRecord(companyId, position, body)));
    expect(others).toEqual([]);
    expect(put!.method).toBe('PUT');
    // The position's `#` becomes `_`; the SDK encodes the instant's `:`, and the emulator took it, signature and all.
    const [at, auditId] = position.split('#');
    expect(put!.path).toBe(
      `/${LOCAL_BUCKETS.auditArchive}/audit/${companyId}/${at!.replaceAll(':', '%3A')}_${auditId}.json`,
    );
    expect(put!.headers['x-amz-sdk-checksum-algorithm']).toBe('SHA256');
    expect(put!.headers['x-amz-checksum-sha256']).toBe(createHash('sha256').update(body).digest('base64'));

    expect(await archivedRecord(companyId, position)).toBe(body);
    // Another position of the same company (the id's last digit changed, whatever it was).
    const neighbour = `${position.slice(0, -1)}${position.endsWith('0') ? '1' : '0'}`;
    expect(await archivedRecord(companyId, neighbour)).toBeNull();
    expect(await archivedRecord(randomUUID(), position)).toBeNull();
  });

  it('takes a second identical put without harm: the same copy, no error', async () => {
    const { archiveRecord, archivedRecord } = await archive();
    const { companyId, position, body } = aRecord();
    await runAs(archiver, () => archiveRecord(companyId, position, body));
    await expect(runAs(archiver, () => archiveRecord(companyId, position, body))).resolves.toBeUndefined();
    expect(await archivedRecord(companyId, position)).toBe(body);
  });

  it('refuses archive:write a delete, a retention or legal-hold change and a read, and keeps the copy', async () => {
    const { archiveRecord, archivedRecord, AUDIT_ARCHIVE_BUCKET } = await archive();
    const s3 = await client();
    const { companyId, position, body } = aRecord();
    await runAs(archiver, () => archiveRecord(companyId, position, body));
    const Key = `audit/${companyId}/${position.replace('#', '_')}.json`;
    const Bucket = AUDIT_ARCHIVE_BUCKET;
    const commands = [
      new DeleteObjectCommand({ Bucket, Key }),
      new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key }] } }),
      new PutObjectRetentionCommand({ Bucket, Key, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date() } }),
      new PutObjectLegalHoldCommand({ Bucket, Key, LegalHold: { Status: 'OFF' } }),
      new GetObjectCommand({ Bucket, Key }),
    ];
    for (const command of commands)
      await expect(
        runAs(archiver, () => s3.send(command as never)),
        command.constructor.name,
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
      });
    expect(takeRefusals().map((r) => [r.function, r.command])).toEqual([
      [archiver.name, 'DeleteObject'],
      [archiver.name, 'DeleteObjects'],
      [archiver.name, 'PutObjectRetention'],
      [archiver.name, 'PutObjectLegalHold'],
      [archiver.name, 'GetObject'],
    ]);
    expect(await archivedRecord(companyId, position), 'the stand-in refused before the emulator saw it').toBe(body);
  });
});
