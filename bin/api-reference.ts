/**
 * Writes the API reference page into the built web portal (`npm run build:web` runs it after
 * Vite): web/dist/api-reference.html, the document `/openapi.json` serves rendered by Redoc
 * (through Redocly CLI's build-docs), so it is served by `npm start` and deployed with the portal.
 * The page keeps the portal's Content Security Policy (decision 73): Redocly's output is
 * one HTML file with inline scripts, styles and a data: font, so its script (Redoc and the
 * document) and the font go to content-hashed files in assets/ and the page itself is a shell
 * Redoc renders into in the browser.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { OPENAPI_GZIP_BASE64 } from '../functions/generated/openapi-document.ts';
import { ROOT, WEB_DIST } from '../lib/local/paths.ts';

export const REFERENCE_PAGE = 'api-reference.html';
const CLI = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

const hashed = (name: string, ext: string, content: string | Buffer) =>
  `assets/${name}-${createHash('sha256').update(content).digest('hex').slice(0, 10)}.${ext}`;

/** Redocly's standalone page, built from the served document. */
const redoclyPage = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'api-reference-'));
  try {
    const document = gunzipSync(Buffer.from(OPENAPI_GZIP_BASE64, 'base64')).toString('utf8');
    writeFileSync(join(dir, 'openapi.json'), document);
    execFileSync(
      process.execPath,
      [
        CLI,
        'build-docs',
        'openapi.json',
        '--output',
        'page.html',
        '--inlineBundle',
        '--config',
        join(ROOT, 'redocly.yaml'),
      ],
      {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    return readFileSync(join(dir, 'page.html'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Writes the page and its assets into `dist`; returns the files written, relative to it. */
export const writeApiReference = (dist: string = WEB_DIST): string[] => {
  const page = redoclyPage();
  const title = /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? 'API reference';
  // The module that renders the page: Redoc, the document and the call that renders it.
  const scripts = [...page.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  if (scripts.length !== 1 || !scripts[0]!.includes('hydrate('))
    throw new Error(
      `Redocly's page changed shape: expected one module script rendering Redoc, found ${scripts.length}`,
    );
  const written: string[] = [];
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dist, name), content);
    written.push(name);
  };
  mkdirSync(join(dist, 'assets'), { recursive: true });
  // Fonts as data: URLs would need `font-src data:`; each becomes a file of its own.
  const script = scripts[0]!.replace(
    /url\((['"]?)data:(?:application\/font-woff|font\/woff2?);base64,([A-Za-z0-9+/=]+)\1\)/g,
    (_match, _quote, base64: string) => {
      const font = Buffer.from(base64, 'base64');
      const name = hashed('api-reference', 'woff', font);
      write(name, font);
      return `url('/${name}')`;
    },
  );
  const scriptFile = hashed('api-reference', 'js', script);
  write(scriptFile, script);
  const style = 'body { margin: 0; padding: 0; }\n';
  const styleFile = hashed('api-reference', 'css', style);
  write(styleFile, style);
  write(
    REFERENCE_PAGE,
    [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '  <meta charset="utf-8">',
      '  <meta name="viewport" content="width=device-width, initial-scale=1">',
      `  <title>${title}</title>`,
      `  <link rel="stylesheet" href="/${styleFile}">`,
      `  <script type="module" src="/${scriptFile}"></script>`,
      '</head>',
      '<body>',
      '  <div id="redoc"></div>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  );
  return written;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = writeApiReference();
  console.log(`wrote ${REFERENCE_PAGE} and ${files.length - 1} assets into ${WEB_DIST}`);
}
