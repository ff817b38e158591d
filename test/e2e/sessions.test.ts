/**
 * Sessions in the browser: signing out revokes the refresh token at the API (a copy taken from
 * the tab no longer works), and a session left alone warns at 13 minutes and ends at 15 (NIST
 * AC-11, AC-12), through the same sign-out. The browser's clock is Playwright's, moved forward.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, seriousViolations, signInAs, startPortal } from '../support/browser.ts';
import { enrollCompany, TEST_PASSWORD, userWithRole } from '../support/api.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let email: string;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  const officer = await userWithRole(portal.api, 'cbp-officer');
  email = (await userWithRole(portal.api, 'company-user', (await enrollCompany(portal.api, officer.token)).companyId))
    .email;
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

const storedRefreshToken = async (page: Page): Promise<string> => {
  const stored = JSON.parse(
    ((await page.evaluate('sessionStorage.getItem("ctpat.session")')) as string | null) ?? '{}',
  ) as { refreshToken?: string };
  expect(stored.refreshToken).toBeTruthy();
  return stored.refreshToken!;
};
const refreshStatus = async (refreshToken: string) =>
  (await portal.api.request('POST', '/auth/refresh', { body: { refreshToken } })).status;
const logoutAnswer = (page: Page) =>
  page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/logout');

describe('sessions in the web portal', () => {
  it('signing out revokes the refresh token: a copy taken before no longer refreshes', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, email, TEST_PASSWORD);
    const refreshToken = await storedRefreshToken(page);
    expect(await refreshStatus(refreshToken)).toBe(200);
    const revoked = logoutAnswer(page);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    expect((await revoked).status()).toBe(204);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate('sessionStorage.getItem("ctpat.session")')).toBeNull();
    expect(await refreshStatus(refreshToken)).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('warns after 13 idle minutes, keeps the session on "Stay signed in", and signs out at 15 through the logout route', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.clock.install();
    await signInAs(page, portal.webUrl, email, TEST_PASSWORD);
    const refreshToken = await storedRefreshToken(page);
    const warning = page.getByRole('dialog', { name: 'You will be signed out in 2 minutes' });

    await page.clock.fastForward('12:50');
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('00:15');
    await warning.waitFor();
    // Focus is in the dialog, on the button that keeps the session, and axe finds nothing serious.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Stay signed in');
    expect(await seriousViolations(page)).toEqual([]);
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'hidden' });

    // Left alone again: the warning, then the sign-out, which revokes the token.
    await page.clock.fastForward('13:05');
    await warning.waitFor();
    const revoked = logoutAnswer(page);
    await page.clock.fastForward('02:00');
    expect((await revoked).status()).toBe(204);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('not used for 15 minutes');
    expect(await refreshStatus(refreshToken)).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
