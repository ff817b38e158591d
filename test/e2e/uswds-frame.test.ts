/**
 * The page frame in the U.S. Web Design System (issue 21, items 1 and 7): the official banner,
 * the extended header, the agency identifier and USWDS's form controls; on a phone the header is
 * one line with its navigation behind a Menu button that works by keyboard; at 1280 px the page
 * uses the width (USWDS's widescreen container), not a 700 px column at the left.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, newPage, seriousViolations, signInAs, submitSignIn } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/api.ts';
import { portalWithCompany } from '../support/portal-with-company.ts';

const env = portalWithCompany('Framed Freight Co.');

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
};

const focused = (page: Page) => page.evaluate<string>("document.activeElement?.textContent?.trim() ?? ''");

describe('the USWDS page frame', () => {
  it('has the banner, header, identifier and USWDS controls, and uses the width of a desktop screen', async () => {
    const { context, page, errors } = await newPage(env.browser);
    const configReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/config.json') configReads.push(request.url());
    });
    await page.goto(`${env.portal.webUrl}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The page preloads its configuration beside the script, and the script uses that answer.
    expect(configReads).toHaveLength(1);
    // The official banner, the header and the identifier are USWDS's components.
    expect(await page.locator('section.usa-banner .usa-banner__header-text').textContent()).toBe(
      'An official website of the United States government',
    );
    expect(await page.locator('header.usa-header .usa-logo').textContent()).toContain('C-TPAT Portal');
    const identifier = page.getByRole('contentinfo');
    expect(await identifier.getAttribute('class')).toContain('usa-identifier');
    expect(await identifier.getByRole('navigation', { name: 'Important links' }).getByRole('link').count()).toBe(6);
    // Form controls are USWDS's: an input, the checkbox drawn on its label, the primary button.
    expect(await page.getByLabel('Email').getAttribute('class')).toContain('usa-input');
    expect(await page.locator('.usa-checkbox .usa-checkbox__input').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).getAttribute('class')).toBe('usa-button');
    // The stylesheet is USWDS's (its font, its tokens).
    expect(await page.evaluate<string>('getComputedStyle(document.body).fontFamily')).toMatch(/Source Sans Pro Web/);

    await signInAs(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // At 1280 px the content takes the screen's width less USWDS's margins, not a column at the left.
    expect((await box(page, 'main')).width).toBeGreaterThan(1100);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(
      await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Alerts' }).isVisible(),
    ).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('folds the navigation behind a Menu button on a phone, so the header is one line, and it works by keyboard', async () => {
    const { context, page, errors } = await newPage(env.browser, PHONE);
    await submitSignIn(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Portal' });
    expect(await menu.isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Alerts' }).isVisible()).toBe(false);
    // The page's heading starts in the first fifth of the screen (it was past a third before).
    expect((await box(page, 'h1')).y).toBeLessThan(PHONE.height / 5);

    // Opened, the panel takes focus on its Close button; Escape closes it and focus returns to Menu.
    await menu.click();
    await expect.poll(() => nav.getByRole('link', { name: 'Alerts' }).isVisible()).toBe(true);
    await expect
      .poll(() => page.evaluate<string>("document.activeElement?.getAttribute('class')"))
      .toBe('usa-nav__close');
    expect(await seriousViolations(page), 'the open menu').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.getByRole('link', { name: 'Alerts' }).isVisible()).toBe(false);
    expect(await focused(page)).toBe('Menu');

    // A link followed closes the panel and the new page's heading takes focus; Sign out is in the panel.
    await menu.click();
    await nav.getByRole('link', { name: 'Alerts', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    await expect.poll(() => nav.getByRole('link', { name: 'Alerts' }).isVisible()).toBe(false);
    expect(await focused(page)).toBe('Alerts');
    await menu.click();
    await nav.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    await page.setViewportSize(DESKTOP);
    expect(errors).toEqual([]);
    await context.close();
  });
});
