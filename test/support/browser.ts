/**
 * The end-to-end tests' portal and browser: the dev API in this worker (so a test can move the
 * portal's clock and run the scheduled jobs, as `npm run simulate` does), the built web portal
 * served as `npm start` serves it (same security headers as CloudFront), and Debian's Chromium
 * driven by playwright-core. Also axe-core checks and screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from '../../lib/local/processes.ts';
import { ROOT } from '../../lib/local/paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where screenshots go: docs/screenshots with `npm run screenshots`; otherwise a folder outside
 * the working tree, so `npm test` rewrites no tracked file.
 */
export const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(tmpdir(), 'ctpat-screenshots');
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Starts the API and the web portal for this test file. It must run before any handler is
 * imported: the handlers read PORTAL_URL (the link in every email) and ALLOWED_ORIGINS (CORS)
 * once, at load.
 */
export const startPortal = async () => {
  // Below Linux's ephemeral range (32768-60999): the API server started next listens on a port the
  // system picks, which could otherwise be this one, freed a moment ago (EADDRINUSE in CI of 7440aba).
  const webPort = await freePort(20_000 + Math.floor(Math.random() * 10_000));
  process.env.PORTAL_URL = `http://127.0.0.1:${webPort}`;
  // The API answers the web portal's origin across origins, and no other (as in AWS).
  process.env.ALLOWED_ORIGINS = process.env.PORTAL_URL;
  const { startTestApi } = await import('./api.ts');
  const { startWebServer } = await import('../../lib/local/web-server.ts');
  const api = await startTestApi();
  const web = await startWebServer({ apiUrl: api.url, port: webPort });
  return {
    api,
    webUrl: web.url,
    close: async () => {
      web.server.close();
      await api.close();
    },
  };
};

/**
 * Chromium as the machine's probe runs it: headless, and with the background networking that
 * this closed network refuses turned off.
 */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });

/** A fresh browser profile (its own sessionStorage) at a viewport; page errors fail loudly. */
export const newPage = async (
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (
      message.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    )
      errors.push(message.text());
  });
  return { context, page, errors };
};

/** The sign-in page's acceptance of the system-use notice (NIST AC-8), without which it refuses. */
export const NOTICE_ACCEPTANCE = 'I have read the system use notice and agree to its terms';

/** Fills the sign-in form, accepts the system-use notice and presses "Sign in". */
export const submitSignIn = async (page: Page, webUrl: string, email: string, password: string) => {
  await page.goto(`${webUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel(NOTICE_ACCEPTANCE).check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
};

/** Signs in through the sign-in page and waits for the signed-in home page. */
export const signInAs = async (page: Page, webUrl: string, email: string, password: string) => {
  await submitSignIn(page, webUrl, email, password);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

// Evaluated through the DevTools protocol, which the pages' Content-Security-Policy (no inline
// scripts) does not govern, so the pages are checked under the policy they really have.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe-core's WCAG 2.0/2.1 A and AA rules (and its best practices) on the page as it is now:
 * the serious and critical findings.
 */
export const seriousViolations = async (page: Page): Promise<AxeFinding[]> => {
  await page.evaluate(axeSource);
  // (Given as source text: this project's Node types have no DOM.)
  const results = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
  )) as { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
};

/** Writes `<name>-<desktop|phone>.png` under SCREENSHOTS (docs/screenshots when asked; the README links that folder). */
export const screenshot = async (page: Page, name: string, width: 'desktop' | 'phone') => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
};

/**
 * Signs a CBP staff member in through the sign-in page and its second factor, which Cognito's staff
 * pool requires. With `secret` (their authenticator app's key) it answers the code step; a staff
 * member without an app yet is shown the set-up step inside the sign-in, where this sets one up as
 * a person would. Returns the app's secret.
 */
export const signInStaff = async (
  page: Page,
  webUrl: string,
  email: string,
  password: string,
  secret?: string,
): Promise<string> => {
  const { totp } = await import('../../lib/local/totp.ts');
  await submitSignIn(page, webUrl, email, password);
  const code = page.getByLabel('Six-digit code');
  await code.waitFor();
  const shown = page.locator('[data-secret]');
  if (await shown.isVisible()) {
    const newSecret = await shown.getAttribute('data-secret');
    if (!newSecret) throw new Error('The set-up step showed no secret');
    await code.fill(totp(newSecret));
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compliance overview' }).waitFor();
    staffApps.set(email, newSecret);
    return newSecret;
  }
  const known = secret ?? staffApps.get(email) ?? (await import('./cognito.ts')).authenticatorSecretOf(email);
  await code.fill(totp(known));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return known;
};

/** The authenticator apps staff set up in this worker's browser sign-ins, by email. */
const staffApps = new Map<string, string>();

/**
 * axe-core at 1280 px and 390 px once the page's data has arrived (no serious or critical
 * finding), noting each view checked in `checked`; leaves the page at the desktop width, where
 * the navigation is not folded behind the Menu button.
 */
export const axeBothWidths = async (page: Page, name: string, checked: string[]): Promise<void> => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page
      .getByRole('status')
      .filter({ hasText: /Loading|Signing you in/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    checked.push(`${name} (${width})`);
  }
  await page.setViewportSize(DESKTOP);
};
