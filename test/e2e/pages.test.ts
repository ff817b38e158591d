/**
 * Every page of the web portal, for each kind of user, checked with axe-core (WCAG 2.1 A/AA and
 * best practices: no serious or critical violation) at desktop and phone widths, with a
 * screenshot of each written to docs/screenshots. The signed-in pages are found by following
 * the navigation the portal shows each role, so a new page is checked without editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  NOTICE_ACCEPTANCE,
  PHONE,
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  signInAs,
  startPortal,
} from '../support/browser.ts';
import { TEST_PASSWORD, userWithRole, enrollCompany } from '../support/api.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
const checked: string[] = [];

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  console.log(
    `[a11y] ${checked.length} page views checked with axe-core, 0 serious or critical violations:\n  ${checked.join('\n  ')}`,
  );
});

/** Loads a page at both widths; checks it with axe; writes both screenshots. */
const check = async (page: Page, name: string, errors: string[]) => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.locator('h1').first().waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /Loading|Signing you in/ })
      .waitFor({ state: 'detached' });
    expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    await screenshot(page, name, width);
    checked.push(`${name} (${width}) ${new URL(page.url()).pathname}`);
  }
  // Back to the desktop width, where the navigation is not folded behind the Menu button.
  await page.setViewportSize(DESKTOP);
  expect(errors, `${name}: errors in the page`).toEqual([]);
};

describe('the accessibility check', () => {
  it('finds a serious violation when a page has one (an unlabelled field), so a clean result means something', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${portal.webUrl}/sign-in`);
    await page.locator('h1').waitFor();
    await page.evaluate("document.querySelector('form').append(document.createElement('input'))");
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('label');
    await context.close();
  });
});

describe('the signed-out pages', () => {
  it.each([
    ['sign-in', '/sign-in', 'Sign in'],
    ['forgot-password', '/forgot-password', 'Reset your password'],
    ['request-account', '/request-account', "Request your company's account"],
  ])('%s passes axe at both widths', async (name, path, heading) => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${portal.webUrl}${path}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(heading);
    await check(page, name, errors);
    await context.close();
  });

  it('refuses to sign in until the system-use notice is accepted, saying so accessibly, under the official government banner', async () => {
    const user = await userWithRole(
      portal.api,
      'company-user',
      (await enrollCompany(portal.api, (await userWithRole(portal.api, 'cbp-officer')).token)).companyId,
    );
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${portal.webUrl}/sign-in`);
    const banner = page.getByRole('region', { name: 'Official website of the United States government' });
    await expect.poll(() => banner.textContent()).toContain('An official website of the United States government');
    await banner.getByRole('button', { name: "Here's how you know" }).click();
    await expect.poll(() => banner.textContent()).toContain('Official websites use .gov');
    const notice = page.getByRole('region', { name: 'System use notice' });
    await expect
      .poll(() => notice.textContent())
      .toMatch(
        /U\.S\. Government information system[\s\S]*authorized use only[\s\S]*civil and criminal penalties[\s\S]*no reasonable expectation of privacy[\s\S]*monitor, intercept, record/,
      );

    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    const signIn = page
      .waitForRequest((request) => new URL(request.url()).pathname === '/auth/login', { timeout: 2_000 })
      .then(
        () => true,
        () => false,
      );
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('agree to its terms');
    await expect.poll(() => page.getByLabel(NOTICE_ACCEPTANCE).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('alert');
    expect(await signIn, 'no sign-in request without the acceptance').toBe(false);
    await check(page, 'sign-in-notice-refused', errors);

    // Accepted once, it is remembered for this browser session: signing in again finds it ticked.
    await signInAs(page, portal.webUrl, user.email, TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getByLabel(NOTICE_ACCEPTANCE).isChecked()).toBe(true);
    await context.close();
    const fresh = await newPage(browser);
    await fresh.page.goto(`${portal.webUrl}/sign-in`);
    expect(await fresh.page.getByLabel(NOTICE_ACCEPTANCE).isChecked()).toBe(false);
    await fresh.context.close();
  });

  it('shows field-level errors that axe accepts too', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${portal.webUrl}/request-account`);
    await page.getByLabel('Point-of-contact email').fill('not an email');
    await page.getByRole('button', { name: 'Request account' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/email/i);
    await expect.poll(() => page.getByLabel('Point-of-contact email').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'request-account-errors', errors);
    await context.close();
  });
});
