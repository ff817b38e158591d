import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OPENAPI_GZIP_BASE64 } from '../../functions/generated/openapi-document.ts';
import { openApiDocument } from '../../functions/openapi.ts';

describe('the OpenAPI document the /openapi.json function serves', () => {
  it('is the route table as it is now (run `npm run openapi` after changing a route or a schema)', () => {
    const served = JSON.parse(gunzipSync(Buffer.from(OPENAPI_GZIP_BASE64, 'base64')).toString('utf8'));
    expect(served).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
