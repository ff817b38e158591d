import { gunzipSync } from 'node:zlib';
import { publicHandler } from '../http/public-handler.ts';
import { ok } from '../http/response.ts';
import { OPENAPI_GZIP_BASE64 } from '../generated/openapi-document.ts';

// Built from the route table's zod schemas at build time (bin/openapi.ts), unpacked once per cold start.
const document = JSON.parse(gunzipSync(Buffer.from(OPENAPI_GZIP_BASE64, 'base64')).toString('utf8')) as unknown;

export const handler = publicHandler(async () => ok(document));
