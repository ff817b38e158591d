/**
 * The local S3: s3rver (the maintained @20minutes fork, docs/emulators.md) run as its own process,
 * `node lib/local/s3-emulator.mjs --port N --directory DIR --access-key K --secret-key S --bucket NAME`.
 *
 * Two things s3rver does not do by itself, both as S3 does them for the portal's buckets:
 * - it verifies SigV4 signatures (and presigned URLs' expiry) only for its own built-in key, so
 *   the key the local SDK clients sign with is registered with it;
 * - it has no ACLs or bucket policies and serves an unsigned request, where S3 refuses one to a
 *   bucket with Block Public Access and no policy (every bucket the stack makes): here an
 *   unsigned request is refused with S3's 403 AccessDenied before s3rver sees it.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account.js');

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    directory: { type: 'string' },
    'access-key': { type: 'string' },
    'secret-key': { type: 'string' },
    bucket: { type: 'string', multiple: true, default: [] },
    echo: { type: 'boolean', default: false },
  },
});
if (!values.port || !values.directory || !values['access-key'] || !values['secret-key'])
  throw new Error('s3-emulator: --port, --directory, --access-key and --secret-key are required');

AWSAccount.DUMMY_ACCOUNT.createKeyPair(values['access-key'], values['secret-key']);
const s3rver = new S3rver({
  directory: values.directory,
  silent: !values.echo,
  vhostBuckets: false,
  // Made here, as the stack makes them: s3rver computes a bucket-level request's signature without
  // the trailing slash the SDK signs (`PUT /bucket/`), so CreateBucket through the SDK is refused.
  configureBuckets: values.bucket.map((name) => ({ name, configs: [] })),
});

/** Whether a request carries any of S3's three ways of signing (header, v2 or v4 query). */
const signed = (req) => {
  if (req.headers.authorization) return true;
  const query = new URL(req.url ?? '/', 'http://local').searchParams;
  return query.has('X-Amz-Algorithm') || query.has('Signature');
};

const ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>';

const app = s3rver.callback();
const server = createServer((req, res) => {
  // OPTIONS is CORS's preflight, which S3 answers unsigned.
  if (req.method === 'OPTIONS' || signed(req)) return app(req, res);
  res.writeHead(403, { 'content-type': 'application/xml' });
  res.end(ACCESS_DENIED);
});
await s3rver.configureBuckets();
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`s3-emulator listening on 127.0.0.1:${values.port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
