/**
 * The write-once audit archive (issue 20 item 2, decision 79): one copy of each audit record, as
 * the canonical JSON the company's hash chain hashes, put by the chainer job before it chains the
 * record. In AWS the bucket has Object Lock in compliance mode: each version is kept, undeletable,
 * for the retention period, whatever anyone later does. Key: `audit/<companyId>/<at>_<auditId>.json`
 * from the record's position (its sort key `<at>#<auditId>`): AWS's key-naming guidelines list `#`
 * among the characters to avoid (tools that take keys in URLs cut it as a fragment), so it becomes
 * `_`, which neither an ISO instant nor a UUID holds; the instant's `:` stays (the SDK encodes it).
 */
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../clients/s3.ts';
import { requireEnv } from '../clients/env.ts';

/** The bucket's name; set by the CDK stack (for `archive:write`) and the local runtime. */
export const AUDIT_ARCHIVE_BUCKET = requireEnv('AUDIT_ARCHIVE_BUCKET');

const objectKey = (companyId: string, position: string) => `audit/${companyId}/${position.replaceAll('#', '_')}.json`;

/**
 * One audit record's copy, as the canonical JSON the chain hashes; idempotent (same key, same body:
 * on AWS a repeat adds an identical version, both locked). S3 refuses a put into an Object Lock
 * bucket without a checksum: the SHA-256 is named here rather than left to the client's default.
 */
export const archiveRecord = async (companyId: string, position: string, body: string): Promise<void> => {
  await s3.send(
    new PutObjectCommand({
      Bucket: AUDIT_ARCHIVE_BUCKET,
      Key: objectKey(companyId, position),
      Body: body,
      ContentType: 'application/json; charset=utf-8',
      ChecksumAlgorithm: 'SHA256',
    }),
  );
};

/** The copy as archived (tests, and `npm run audit:verify` later). null when there is none. */
export const archivedRecord = async (companyId: string, position: string): Promise<string | null> => {
  try {
    const answer = await s3.send(
      new GetObjectCommand({ Bucket: AUDIT_ARCHIVE_BUCKET, Key: objectKey(companyId, position) }),
    );
    return (await answer.Body?.transformToString('utf8')) ?? null;
  } catch (error) {
    if (error instanceof NoSuchKey) return null;
    throw error;
  }
};
