/**
 * The API reference page (issue 19 item 5): the document `/openapi.json` serves, rendered by Redoc
 * (bin/api-reference.ts, run by `npm run build:web`), served by the local web server as
 * CloudFront serves it, under the portal's own security headers (decision 73). Shown in
 * Chromium: every area and the statuses added to the document are on the page, and the policy
 * refuses nothing the page needs (only Redocly's attribution logo, which it fetches from its CDN).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../functions/definitions/routes.ts';
import { WEB_DIST } from '../../lib/local/paths.ts';
import { freePort } from '../../lib/local/processes.ts';
import { type WebServer, startWebServer } from '../../lib/local/web-server.ts';
import { webSecurityHeaders } from '../../lib/web-headers.ts';
import { launchBrowser, newPage, screenshot } from '../support/browser.ts';

const API_URL = 'http://127.0.0.1:3000';
let web: WebServer;
let browser: Browser;

beforeAll(async () => {
  web = await startWebServer({ apiUrl: API_URL, port: await freePort() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  web?.server.close();
});

describe('the API reference page', () => {
  it('is built with the portal, its script and font in content-hashed files', () => {
    const page = join(WEB_DIST, 'api-reference.html');
    expect(existsSync(page), `${page} (npm run build:web writes it)`).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).not.toMatch(/<script>|<style|style="/);
    for (const [, asset] of html.matchAll(/(?:src|href)="\/(assets\/api-reference-[0-9a-f]{10}\.(?:js|css))"/g))
      expect(existsSync(join(WEB_DIST, asset!)), asset).toBe(true);
  });

  it('answers /robots.txt as a text file that keeps search engines out, not the portal page', async () => {
    const res = await fetch(`${web.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  });

  it('is served with the portal’s security headers, never cached without asking', async () => {
    const res = await fetch(`${web.url}/api-reference.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    for (const [name, value] of Object.entries(webSecurityHeaders(new URL(API_URL).origin)))
      expect(res.headers.get(name), name).toBe(value);
  });

  it('renders every area and the statuses the API really sends, with nothing refused that it needs', async () => {
    const { page, errors } = await newPage(browser);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    await page.goto(`${web.url}/api-reference.html#/users/removecompanyuser`);
    const sidebar = page.locator('.menu-content');
    for (const area of AREAS) await expect.poll(() => sidebar.getByText(area.tag, { exact: true }).count()).toBe(1);
    const operation = page.locator('[data-section-id="/users/removecompanyuser"]');
    await operation.waitFor();
    const text = await operation.innerText();
    expect(text).toContain('If-Match');
    for (const status of ['204', '409', '413', '429', '503']) expect(text, status).toContain(status);
    await screenshot(page, 'api-reference', 'desktop');
    expect(refused.filter((r) => !r.includes('https://cdn.redoc.ly/'))).toEqual([]);
    expect(errors.filter((e) => !e.includes('https://cdn.redoc.ly/'))).toEqual([]);
    await page.context().close();
  });
});
