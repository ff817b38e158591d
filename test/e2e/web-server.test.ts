/**
 * The local web server serves the built portal as CloudFront does (issue 21, item 8): text
 * compressed with Brotli or gzip for a browser that accepts it, and not for one that does not;
 * small files as they are; fonts with their type. Local load figures then mean what they will in AWS.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../lib/local/paths.ts';
import { type WebServer, startWebServer } from '../../lib/local/web-server.ts';

let web: WebServer;
const asset = (pattern: RegExp) => {
  const name = readdirSync(join(WEB_DIST, 'assets')).find((f) => pattern.test(f));
  if (!name) throw new Error(`no ${pattern} in the build`);
  return name;
};

beforeAll(async () => {
  web = await startWebServer({ apiUrl: 'http://127.0.0.1:9/', port: 0 });
});
afterAll(() => new Promise<void>((resolve) => web.server.close(() => resolve())));

const get = (path: string, acceptEncoding?: string) =>
  fetch(`${web.url}${path}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the local web server', () => {
  it('compresses the script with Brotli, else gzip, as CloudFront does, and says so', async () => {
    const script = asset(/^index-.*\.js$/);
    const raw = readFileSync(join(WEB_DIST, 'assets', script));
    // fetch() would decode the body itself; the bytes on the wire are read through a raw request.
    const wire = async (encoding: string) => {
      const { request } = await import('node:http');
      return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${web.url}/assets/${script}`, { headers: { 'accept-encoding': encoding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
        })
          .on('error', reject)
          .end();
      });
    };
    const br = await wire('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);
    expect(br.body.length).toBeLessThan(raw.length / 2);
    const gz = await wire('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);
    const plain = await wire('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
  });

  it('leaves small files and fonts as they are, and gives a font its type', async () => {
    const robots = await get('/robots.txt', 'br');
    expect(robots.headers.get('content-encoding')).toBeNull();
    const font = await get(`/assets/${asset(/\.woff2$/)}`, 'br');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('content-encoding')).toBeNull();
  });
});
