/**
 * An export larger than a Lambda answer may be (6 MB), through the S3 emulator (issue 19 item 3):
 * the route writes the file to the exports bucket and answers a presigned link; the link
 * downloads the whole file, which parses as the export document with every audit record; the
 * object is private; the export is audited; and a failed upload records nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditItem } from '../../functions/domain/audit.ts';
import { CompanyExport } from '../../functions/schemas/sharing.ts';
import { enrollCompany, startTestApi, userWithRole, type TestApi } from '../support/api.ts';
import { downloadExport, type DownloadedExport } from '../support/export.ts';
import { putAuditRecords } from '../support/items.ts';
import { auditRecordsOf } from '../support/table.ts';

const LAMBDA_ANSWER_LIMIT = 6 * 1024 * 1024;
/** Records of about 2 KB each: a trail of years, written straight to the table through the audit store's keys. */
const SEEDED = 3_300;
const NOTE = 'Reviewed the container seal log and the gate camera footage for the week. '.repeat(26);

let api: TestApi;
let companyId: string;
let poc: { userId: string; token: string };
let exported: DownloadedExport;
let trailBefore: number;

beforeAll(async () => {
  api = await startTestApi();
  const admin = (await userWithRole(api, 'cbp-admin')).token;
  const company = await enrollCompany(api, admin);
  companyId = company.companyId;
  poc = await userWithRole(api, 'primary-poc', companyId, company.pocEmail);
  const before = (await auditRecordsOf(companyId)).length;
  const start = Date.parse('2019-01-01T00:00:00.000Z');
  const actor = { userId: poc.userId, companyId, role: 'primary-poc', sourceIp: '192.0.2.10' };
  const records = Array.from({ length: SEEDED }, (_, i) =>
    auditItem(
      actor,
      { companyId, action: 'profile.saved', objectType: 'profile', objectId: companyId, changes: { note: NOTE, i } },
      new Date(start + i * 3_600_000),
      randomUUID(),
    ),
  );
  await putAuditRecords(records);
  trailBefore = before + SEEDED;
  exported = await downloadExport(api, companyId, poc.token);
}, 180_000);
afterAll(() => api.close());

/** The company's newest audit records, newest first (reading the whole trail of years takes DynamoDB Local seconds). */
const newestRecords = async (count: number) => {
  const { ofCompany } = await import('../../functions/data/audit-store.ts');
  return (await ofCompany(companyId, {}, null, count)).items;
};

describe('an export larger than a Lambda answer', () => {
  it('is answered with a five-minute link to the S3 emulator and its size, not with the file', () => {
    expect(exported.status).toBe(200);
    expect(Object.keys(exported.link).sort()).toEqual(['bytes', 'expiresAt', 'exportedAt', 'fileName', 'url']);
    expect(exported.link.bytes).toBeGreaterThan(LAMBDA_ANSWER_LIMIT);
    const url = new URL(exported.link.url);
    expect(url.origin).toBe(inject('backends').env.AWS_ENDPOINT_URL_S3);
    expect(url.pathname.startsWith(`/ctpat-portal-exports/${companyId}/`)).toBe(true);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(Date.parse(exported.link.expiresAt) - Date.parse(exported.link.exportedAt)).toBe(300_000);
    expect(exported.link.fileName).toBe(`ctpat-export-${companyId}-${exported.link.exportedAt.slice(0, 10)}.json`);
  });

  it('downloads whole through the link, as an attachment, and parses with every audit record', () => {
    expect(Buffer.byteLength(exported.text)).toBe(exported.link.bytes);
    expect(exported.disposition).toBe(`attachment; filename="${exported.link.fileName}"`);
    const document = CompanyExport.parse(exported.body);
    expect(document.company).toMatchObject({ companyId });
    expect(document.auditTrail).toHaveLength(trailBefore);
    const seeded = document.auditTrail.filter((r) => r.action === 'profile.saved');
    expect(seeded).toHaveLength(SEEDED);
    // Oldest first, each whole.
    expect(seeded.map((r) => (r.changes as { i: number }).i)).toEqual(Array.from({ length: SEEDED }, (_, i) => i));
    for (const r of seeded) expect((r.changes as { note: string }).note).toBe(NOTE);
  });

  it('is private: the object without a signature, with a forged one or past its expiry is refused', async () => {
    const url = new URL(exported.link.url);
    expect((await fetch(`${url.origin}${url.pathname}`)).status).toBe(403);
    const forged = new URL(url);
    forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await fetch(forged)).status).toBe(403);
    const otherFile = new URL(url);
    otherFile.pathname = url.pathname.replace(/[^/]+\.json$/, `${randomUUID()}.json`);
    expect((await fetch(otherFile)).status).toBe(403);
    // A link signed ten minutes ago for five: what the emulator answers once the real one has lapsed.
    const { s3 } = await import('../../functions/clients/s3.ts');
    const { GetObjectCommand } = await import('@aws-sdk/client-s3');
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const [bucket, ...key] = url.pathname.slice(1).split('/');
    const lapsed = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key.join('/') }), {
      expiresIn: 300,
      signingDate: new Date(Date.now() - 600_000),
    });
    const answer = await fetch(lapsed);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('Request has expired');
  });

  it('is audited once, with what it held and its size', async () => {
    const [record, previous] = await newestRecords(2);
    expect(previous?.action).not.toBe('company.exported');
    expect(record).toMatchObject({
      action: 'company.exported',
      actorId: poc.userId,
      actorRole: 'primary-poc',
      objectId: companyId,
      changes: { auditRecords: trailBefore, profileVersions: 0, threads: 0, bytes: exported.link.bytes },
    });
  });
});

describe('an export whose upload fails', () => {
  it('answers a generic server error, aborts the upload it began and records no export', async () => {
    const { s3 } = await import('../../functions/clients/s3.ts');
    const name = `failUploads-${randomUUID()}`;
    // The file's first part fails, once 5 MB of it is made: the upload is aborted, not left half-made.
    const sent: { command: string; uploadId: string | undefined }[] = [];
    let began: string | undefined;
    s3.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { UploadId?: string };
        sent.push({ command: String(context.commandName), uploadId: input.UploadId });
        if (context.commandName === 'UploadPartCommand') throw new Error('injected: S3 unavailable');
        const result = await next(args);
        if (context.commandName === 'CreateMultipartUploadCommand')
          began = (result.output as { UploadId?: string }).UploadId;
        return result;
      },
      { step: 'initialize', name },
    );
    try {
      const [before] = await newestRecords(1);
      const answer = await api.request('GET', `/companies/${companyId}/export`, { token: poc.token });
      expect(answer.status).toBe(500);
      expect(JSON.stringify(answer.body)).not.toContain('injected');
      expect(sent.map((s) => s.command)).toContain('UploadPartCommand');
      expect(began, 'a multipart upload was begun').toBeTruthy();
      // Sent with the upload's id; s3rver has no AbortMultipartUpload (docs/emulators.md), so that
      // the parts are removed is AWS's part, backed by the bucket's one-day abort rule (test/cdk).
      expect(sent.filter((s) => s.command === 'AbortMultipartUploadCommand')).toEqual([
        { command: 'AbortMultipartUploadCommand', uploadId: began },
      ]);
      expect(sent.map((s) => s.command)).not.toContain('CompleteMultipartUploadCommand');
      expect((await newestRecords(1))[0]).toEqual(before);
    } finally {
      s3.middlewareStack.remove(name);
    }
  });
});
