/**
 * Serves the built web portal (web/dist) on loopback the way CloudFront does in AWS: static
 * files, `index.html` for any other path (the client routes in the browser), `/config.json`
 * naming the API, and the same security headers (lib/web-headers.ts). Text files are compressed
 * as CloudFront compresses them (Brotli, else gzip, for a browser that accepts it; 1 KB and up),
 * so the local page's transfer sizes and load times mean what they will mean in AWS.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { WEB_DIST } from './paths.ts';
import { webSecurityHeaders } from '../web-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/** What CloudFront compresses: text, from 1,000 bytes (it compresses up to 10 MB). */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
const MIN_COMPRESSED = 1_000;

/** The encoding CloudFront would choose for this Accept-Encoding (Brotli first), if any. */
const encodingFor = (accept: string | undefined) => {
  const offered = new Set((accept ?? '').split(',').map((e) => e.split(';')[0]!.trim().toLowerCase()));
  return offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : undefined;
};

export interface WebServerProps {
  /** The API's base URL, given to the client in /config.json. */
  readonly apiUrl: string;
  readonly port: number;
  readonly host?: string;
}

export interface WebServer {
  readonly url: string;
  readonly server: Server;
}

export const startWebServer = async (props: WebServerProps): Promise<WebServer> => {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) throw new Error(`The web portal is not built (${index} is missing): run npm run build:web`);
  const headers = webSecurityHeaders(new URL(props.apiUrl).origin);
  const config = JSON.stringify({ apiUrl: props.apiUrl });
  // Each file is compressed once per encoding and build (its size and time of change).
  const compressed = new Map<string, Buffer>();
  const body = (file: string, encoding: 'br' | 'gzip' | undefined) => {
    if (!encoding) return readFileSync(file);
    const { size, mtimeMs } = statSync(file);
    const key = `${file}:${size}:${mtimeMs}:${encoding}`;
    let done = compressed.get(key);
    if (!done) {
      const raw = readFileSync(file);
      done = encoding === 'br' ? brotliCompressSync(raw) : gzipSync(raw);
      compressed.set(key, done);
    }
    return done;
  };
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/config.json') {
      res
        .writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store', ...headers })
        .end(req.method === 'HEAD' ? undefined : config);
      return;
    }
    const file = normalize(join(WEB_DIST, path));
    const inside = file.startsWith(WEB_DIST + sep);
    const found = inside && existsSync(file) && statSync(file).isFile();
    // Hashed assets never change; the page itself is always fetched fresh.
    const target = found ? file : index;
    const missingAsset = !found && path.startsWith('/assets/');
    if (missingAsset) {
      res.writeHead(404, { 'content-type': TYPES['.txt']!, ...headers }).end('Not found');
      return;
    }
    // Pages (the portal's and the API reference) are entry files; the rest is content-hashed.
    const cache = extname(target) === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable';
    const compressible = COMPRESSIBLE.has(extname(target));
    const encoding =
      compressible && statSync(target).size >= MIN_COMPRESSED ? encodingFor(req.headers['accept-encoding']) : undefined;
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': cache,
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...(compressible ? { vary: 'accept-encoding' } : {}),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body(target, encoding));
  });
  const host = props.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(props.port, host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : props.port;
  return { url: `http://${host}:${port}`, server };
};
