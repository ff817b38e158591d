import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { publicHandler } from '../http/public-handler.ts';
import { header } from '../http/request.ts';
import { ok } from '../http/response.ts';
import { OPENAPI_GZIP_BASE64 } from '../generated/openapi-document.ts';

// Built from the route table's zod schemas at build time (bin/openapi.ts), unpacked once per cold start.
const document = JSON.parse(gunzipSync(Buffer.from(OPENAPI_GZIP_BASE64, 'base64')).toString('utf8')) as Record<
  string,
  unknown
>;

/**
 * The API's base URL as the caller reached it: API Gateway's domain (its own or a custom one) and
 * the stage or base path before `/openapi.json`; on the local stack, the dev server's host.
 */
const baseUrl = (event: APIGatewayProxyEvent): string | undefined => {
  const host = event.requestContext?.domainName ?? header(event, 'host');
  if (!host) return undefined;
  const path = event.requestContext?.path ?? event.path;
  return `${header(event, 'x-forwarded-proto') ?? 'http'}://${host}${path.replace(/\/openapi\.json$/, '')}`;
};

/** The document, naming the API it was fetched from as its server, so a client's calls go there. */
export const handler = publicHandler(async (event) => {
  const url = baseUrl(event);
  return ok(url ? { ...document, servers: [{ url, description: 'This API' }] } : document);
});
