/**
 * Export files in the private exports bucket (SSE-KMS, public access blocked, SSL only, every
 * object expired by the bucket's lifecycle a day after it is written). Key:
 * `<companyId>/<exportId>.json`, the company id leading as in every tenant key of the table.
 */
import { Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3 } from '../clients/s3.ts';
import { requireEnv } from '../clients/env.ts';

/** The bucket's name; set by the CDK stack and the local runtime. */
export const EXPORTS_BUCKET = requireEnv('EXPORTS_BUCKET');

/** Which file: the company it is about, its id, and the name it downloads as. */
export interface ExportFile {
  readonly companyId: string;
  readonly exportId: string;
  readonly fileName: string;
}

const objectKey = (file: ExportFile) => `${file.companyId}/${file.exportId}.json`;
const attachment = (file: ExportFile) => `attachment; filename="${file.fileName}"`;

/**
 * S3's smallest part: the upload holds at most `PART_BYTES * QUEUE` of the file at once, however
 * large it grows; a file smaller than one part goes up in one PutObject.
 */
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE = 2;

/**
 * Writes the file from its text chunks as they are made, in parts, never holding it whole;
 * answers its size in bytes. A failed upload is aborted (its parts removed) before the error goes on.
 */
export const save = async (file: ExportFile, chunks: AsyncIterable<string>): Promise<number> => {
  let bytes = 0;
  const body = Readable.from(
    (async function* () {
      for await (const chunk of chunks) {
        const buffer = Buffer.from(chunk, 'utf8');
        bytes += buffer.length;
        yield buffer;
      }
    })(),
  );
  const upload = new Upload({
    client: s3,
    params: {
      Bucket: EXPORTS_BUCKET,
      Key: objectKey(file),
      Body: body,
      ContentType: 'application/json; charset=utf-8',
      ContentDisposition: attachment(file),
    },
    partSize: PART_BYTES,
    queueSize: QUEUE,
    leavePartsOnError: false,
  });
  await upload.done();
  return bytes;
};

/** A link that downloads the file (as an attachment, by its name) for `seconds`, signed with the function's role. */
export const link = (file: ExportFile, seconds: number): Promise<string> =>
  getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: EXPORTS_BUCKET,
      Key: objectKey(file),
      ResponseContentDisposition: attachment(file),
    }),
    { expiresIn: seconds },
  );
