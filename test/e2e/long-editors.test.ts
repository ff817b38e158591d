/**
 * The long editors (issue 21, item 2): the Security Profile (about 5,500 px tall) and the Account
 * Information have links to their sections, a save bar that stays at the bottom of the window with
 * the result announced and focused there, and a warning before leaving with changes not saved.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE, newPage, signInAs, submitSignIn } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/api.ts';
import { portalWithCompany } from '../support/portal-with-company.ts';

const env = portalWithCompany('Long Form Logistics');

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name, exact: true });

/** Whether the element is wholly inside the window. */
const inView = async (page: Page, selector: string) =>
  page.evaluate(
    `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()`,
  );

describe('the long editors', () => {
  it('the security profile: section links, the save result in view and focused, and a warning before leaving unsaved', async () => {
    const { context, page, errors } = await newPage(env.browser);
    await signInAs(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await nav(page, 'Security profile').click();
    await page.getByRole('heading', { level: 1, name: 'Security Profile' }).waitFor();
    await page.locator('form textarea').first().waitFor();

    // A section link takes the user to it.
    const sections = page.getByRole('navigation', { name: 'Profile sections' }).getByRole('link');
    expect(await sections.count()).toBeGreaterThan(3);
    const last = sections.last();
    const target = (await last.getAttribute('href'))!;
    await last.click();
    await expect.poll(() => inView(page, target)).toBe(true);

    // A change: the save bar, at the bottom of the window, says it is not saved.
    await page.locator('form textarea').last().fill('Seals are logged at every gate and checked against the manifest.');
    await expect.poll(() => page.locator('.save-bar [role="status"]').textContent()).toBe('Changes not saved yet.');
    expect(await inView(page, '.save-bar')).toBe(true);

    // Following a link inside the portal asks first; declining stays, with the change.
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await nav(page, 'Dashboard').click();
    await expect
      .poll(() => asked)
      .toEqual(['confirm: You have changes that are not saved. Leave this page and lose them?']);
    expect(new URL(page.url()).pathname).toBe('/profile');

    // Saving: the result is shown where the user pressed Save, announced and focused.
    await page.getByRole('button', { name: 'Save security profile' }).click();
    const status = page.locator('.save-bar [role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/^Security profile saved as version 1\./);
    expect(await inView(page, '.save-bar [role="status"]')).toBe(true);
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('status');

    // Saved: leaving asks nothing.
    page.once('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await nav(page, 'Dashboard').click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(asked).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the account information: section links, and the page stops the tab closing unasked with changes not saved', async () => {
    const { context, page, errors } = await newPage(env.browser);
    await signInAs(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await nav(page, 'Account').click();
    await page.getByRole('heading', { level: 1, name: 'Portal Account Information' }).waitFor();
    const sections = page.getByRole('navigation', { name: 'Account information sections' }).getByRole('link');
    await sections.first().waitFor();
    expect(await sections.allTextContents()).toEqual([
      'Contacts',
      'Headquarters',
      'Business identifiers',
      'Facilities',
    ]);
    await sections.nth(3).click();
    await expect.poll(() => inView(page, '#account-facilities')).toBe(true);
    await page.getByLabel('Name', { exact: true }).first().fill('Casey Morgan');
    await expect.poll(() => page.locator('.save-bar [role="status"]').textContent()).toBe('Changes not saved yet.');
    // Closing or reloading the tab: the page cancels the browser's unload, which makes the browser ask.
    const unloadCancelled = () =>
      page.evaluate(
        "(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()",
      );
    await expect.poll(unloadCancelled).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The little of the DOM's Range the checkbox test reads (the tests are typed without the DOM library). */
interface DomRange {
  selectNodeContents(node: unknown): void;
  getClientRects(): ArrayLike<{ left: number; top: number }> & Iterable<{ left: number; top: number }>;
}

describe('checkboxes', () => {
  it('keep a long label beside the box on a phone, not under it', async () => {
    const { context, page, errors } = await newPage(env.browser, PHONE);
    // On a phone Sign out is behind the Menu button: the dashboard's heading says the sign-in is done.
    await submitSignIn(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.goto(`${env.portal.webUrl}/users`);
    const box = page.getByLabel('May edit the account information and security profile');
    await box.waitFor();
    const label = page.getByText('May edit the account information and security profile', { exact: true });
    const b = (await box.boundingBox())!;
    // Each line of the label's text (USWDS draws the box in the label's left padding, under the input).
    const lines = await label.evaluate((el: unknown) => {
      const range = (globalThis as unknown as { document: { createRange(): DomRange } }).document.createRange();
      range.selectNodeContents(el);
      return [...range.getClientRects()].map((r) => ({ left: r.left, top: r.top }));
    });
    // The label wraps onto several lines at this width, all of them to the right of the box.
    expect(new Set(lines.map((l) => Math.round(l.top))).size).toBeGreaterThan(1);
    for (const line of lines) expect(line.left).toBeGreaterThanOrEqual(b.x + b.width);
    expect(Math.min(...lines.map((l) => l.top))).toBeLessThan(b.y + b.height);
    expect(errors).toEqual([]);
    await context.close();
  });
});
