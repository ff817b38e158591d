/**
 * Server data through TanStack Query (issue 21, item 3): a read another page made a moment ago is
 * answered from the cache (one request, not one per page), a change makes every cached read stale
 * so the next page reads it again, and signing out empties the cache, so the next person in the
 * same tab sees nothing of the last one's data.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, signInAs } from '../support/browser.ts';
import { TEST_PASSWORD } from '../support/api.ts';
import { portalWithCompany } from '../support/portal-with-company.ts';

const env = portalWithCompany('Cached Freight Co.');

/** The GETs of the company record (`GET /companies/{id}`) the page sends from now on. */
const countCompanyReads = (page: Page) => {
  const reads: string[] = [];
  const path = `/companies/${env.company.companyId}`;
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === path) reads.push(request.url());
  });
  return reads;
};

const open = async (page: Page, nav: string, heading: string) => {
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: nav, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
};

describe('server data in the web portal', () => {
  it('reads the company once for the pages that show it, again after a change, and forgets it at sign-out', async () => {
    const { context, page, errors } = await newPage(env.browser);
    const reads = countCompanyReads(page);
    await signInAs(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
    await expect.poll(() => reads.length).toBe(1);

    // Sharing shows the company too, and so does the dashboard again: both from the cache.
    await open(page, 'Sharing', 'Sharing');
    await open(page, 'Dashboard', 'Dashboard');
    expect(reads).toHaveLength(1);

    // A change (naming a secondary contact, on the Users page): the company is read again.
    await open(page, 'Users', 'Users');
    await page.getByLabel("Secondary contact's full name").fill('Robin Keller');
    await page.getByLabel("Secondary contact's email").fill(`robin-${env.company.companyId.slice(0, 8)}@example.com`);
    const before = reads.length;
    await page.getByRole('button', { name: 'Name secondary contact' }).click();
    await page.getByText(/Robin Keller \(robin-.*\) will receive the deadline reminders/).waitFor();
    await open(page, 'Dashboard', 'Dashboard');
    // Read once more, by the Users page showing the new contact or by the dashboard, not by both.
    await expect.poll(() => reads.length).toBe(before + 1);
    await open(page, 'Sharing', 'Sharing');
    expect(reads).toHaveLength(before + 1);

    // Signing out empties the cache: signing in again reads the company anew.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const atSignOut = reads.length;
    await signInAs(page, env.portal.webUrl, env.poc.email, TEST_PASSWORD);
    await expect.poll(() => reads.length).toBe(atSignOut + 1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
