/**
 * The portal's main journey in a real browser, as issue 9 states it: a company's point of
 * contact requests the account, reads the invitation in the SES emulator, sets a password,
 * completes the account information and the security profile, and adds a user; a CBP officer
 * publishes a cargo security alert and that user acknowledges it; the portal's date passes the
 * enrollment deadline and the dashboard of a company that never updated shows its removal.
 *
 * Every step goes through the pages; the API and the table are read only to check what the pages
 * claim (stored state, emails, acknowledgements and audit records).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
  signInStaff,
  startPortal,
  submitSignIn,
} from '../support/browser.ts';
import { TEST_PASSWORD, enrollCompany, uniqueEmail, userWithRole } from '../support/api.ts';
import { temporaryPasswordIn, waitForMail, type StoredEmail } from '../support/mail.ts';
import { sweepOn, testClock } from '../support/deadlines.ts';
import { auditRecordsOf } from '../support/table.ts';
import type { Company } from '../../functions/schemas/company.ts';

// Before the importers' first deadline (2006-07-01), as in the program's first year.
const clock = testClock('2006-05-01T12:00:00.000Z');

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let adminToken: string;
let company: Company;
let idle: Company;
const userEmail = uniqueEmail('compliance-analyst');
const alertTitle = `Tampered seals at the Port of Baltimore ${Date.now()}`;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  adminToken = (await userWithRole(portal.api, 'cbp-admin')).token;
  company = await enrollCompany(portal.api, adminToken, { category: 'importer', legalName: 'Chesapeake Imports LLC' });
  idle = await enrollCompany(portal.api, adminToken, { category: 'importer', legalName: 'Dormant Trading Co' });
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/** The newest email to `address` whose subject matches, waiting for the outbox to send it. */
const emailTo = async (address: string, subject: RegExp): Promise<StoredEmail> => {
  const matches = (e: StoredEmail) => subject.test(e.subject);
  return (await waitForMail(address, 1, matches)).filter(matches).at(-1)!;
};

/** First sign-in with an invitation's temporary password, through the new-password step. */
const firstSignIn = async (page: Page, email: string, temporary: string, chosen: string) => {
  await submitSignIn(page, portal.webUrl, email, temporary);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Choose your password');
  await page.getByLabel('New password').fill(chosen);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

const heading = (page: Page) => page.locator('h1').first().textContent();
const api = <T = any>(method: string, path: string, token = adminToken) =>
  portal.api.request<T>(method, path, { token });

describe('the journey through the web portal', () => {
  it('takes a company from its account request to an acknowledged alert, and removes one that never updated', async () => {
    // 1. The registered point of contact requests the company's account.
    const poc = await newPage(browser);
    await poc.page.goto(`${portal.webUrl}/request-account`);
    await poc.page.getByLabel('Point-of-contact email').fill(company.pocEmail);
    await poc.page.getByRole('button', { name: 'Request account' }).click();
    await poc.page
      .getByRole('status')
      .filter({ hasText: /invitation|email/i })
      .waitFor();

    // 2. The invitation in the SES emulator carries the temporary password and the portal's address.
    const invitation = await emailTo(company.pocEmail, /invit|account/i);
    expect(invitation.body.text).toContain(portal.webUrl);
    await firstSignIn(poc.page, company.pocEmail, temporaryPasswordIn(invitation), TEST_PASSWORD);
    await expect.poll(() => heading(poc.page)).toBe('Dashboard');
    await expect.poll(() => poc.page.getByText('Chesapeake Imports LLC').first().isVisible()).toBe(true);
    await screenshot(poc.page, 'journey-1-dashboard-before', 'desktop');

    // 3. Portal Account Information.
    await poc.page.getByRole('link', { name: 'Account', exact: true }).click();
    await expect.poll(() => heading(poc.page)).toBe('Portal Account Information');
    const form = poc.page.locator('main form').first();
    await form.getByLabel(/^Name/).first().fill('Dana Reyes');
    await form
      .getByLabel(/^Title/)
      .first()
      .fill('Director of Trade Compliance');
    await form
      .getByLabel(/^Email/)
      .first()
      .fill('dana.reyes@example.com');
    await form
      .getByLabel(/^Phone/)
      .first()
      .fill('+12025550143');
    await form
      .getByLabel(/^Street address/)
      .first()
      .fill('100 Harbor Way');
    await form.getByLabel(/^City/).first().fill('Baltimore');
    await fillIfPresent(form.getByLabel(/^(State|Region)/).first(), 'MD');
    await fillIfPresent(form.getByLabel(/^Postal code/).first(), '21230');
    await form
      .getByLabel(/^Country code/)
      .first()
      .fill('US');
    await form.getByLabel(/Importer of record \(IOR\) number/).fill('12-3456789AB');
    await poc.page.getByRole('button', { name: 'Save account information' }).click();
    await poc.page
      .getByRole('status')
      .filter({ hasText: /information saved/ })
      .waitFor();
    const accountInfo = await api('GET', `/companies/${company.companyId}/account-info`);
    expect(accountInfo.body.contacts[0]).toMatchObject({ name: 'Dana Reyes', email: 'dana.reyes@example.com' });
    expect(accountInfo.body.headquarters).toMatchObject({ line1: '100 Harbor Way', city: 'Baltimore', country: 'US' });

    // 4. The Supply Chain Security Profile: every question answered.
    await poc.page.getByRole('link', { name: 'Security profile', exact: true }).click();
    await expect.poll(() => heading(poc.page)).toBe('Security Profile');
    await answerEveryQuestion(poc.page);
    await poc.page.getByRole('button', { name: 'Save security profile' }).click();
    await poc.page
      .getByRole('status')
      .filter({ hasText: /profile saved/ })
      .waitFor();
    await screenshot(poc.page, 'journey-2-profile-saved', 'desktop');
    await expect
      .poll(async () => (await api<Company>('GET', `/companies/${company.companyId}`)).body.portalUpdateCompletedAt)
      .toBeDefined();

    // 5. The point of contact adds a colleague, who gets an invitation of their own.
    await poc.page.getByRole('link', { name: 'Users', exact: true }).click();
    await expect.poll(() => heading(poc.page)).toBe('Users');
    await poc.page.getByLabel('Full name', { exact: true }).fill('Sam Ortiz');
    await poc.page.getByLabel('Email address', { exact: true }).fill(userEmail);
    await poc.page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => poc.page.getByRole('cell', { name: userEmail }).count()).toBeGreaterThan(0);
    const userInvitation = await emailTo(userEmail, /invit|account/i);
    await poc.context.close();

    // 6. A CBP officer publishes a cargo security alert to importers.
    const officer = await userWithRole(portal.api, 'cbp-officer');
    const cbp = await newPage(browser);
    await signInStaff(cbp.page, portal.webUrl, officer.email, TEST_PASSWORD);
    await cbp.page.goto(`${portal.webUrl}/cbp/alerts`);
    await expect.poll(() => heading(cbp.page)).toBe('Alerts');
    await cbp.page.getByLabel('Kind').selectOption('cargo-security-alert');
    await cbp.page.getByLabel('Title').fill(alertTitle);
    await cbp.page
      .getByLabel('Message')
      .fill('Two bolt seals on containers from berth 14 were found re-glued. Inspect every seal before release.');
    await cbp.page.getByLabel('Severity').selectOption('high');
    await chooseImporterAudience(cbp.page);
    // Publishing is a keyed route: the form's submission carries a fresh Idempotency-Key (decision 69).
    const publishing = cbp.page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/alerts');
    await cbp.page.getByRole('button', { name: 'Publish alert' }).click();
    // A broadcast waits for its confirmation, which shows its reach (decision 82).
    await cbp.page
      .getByRole('dialog', { name: 'Publish this alert to its audience?' })
      .getByRole('button', { name: 'Confirm: publish alert' })
      .click();
    expect((await (await publishing).allHeaders())['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await cbp.page.getByRole('status').filter({ hasText: 'is published' }).waitFor();
    await expect.poll(() => cbp.page.getByRole('link', { name: alertTitle }).count()).toBeGreaterThan(0);
    await screenshot(cbp.page, 'journey-3-alert-published', 'desktop');

    // 7. The new user signs in for the first time and acknowledges the alert.
    const user = await newPage(browser);
    await firstSignIn(user.page, userEmail, temporaryPasswordIn(userInvitation), TEST_PASSWORD);
    await user.page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await user.page.getByRole('link', { name: alertTitle }).first().click();
    await user.page.getByRole('button', { name: 'Acknowledge' }).click();
    await user.page.getByText(/Acknowledged on/).waitFor();
    await screenshot(user.page, 'journey-4-alert-acknowledged', 'desktop');
    expect(user.errors).toEqual([]);
    await user.context.close();

    const alerts = await api<{ items: { alertId: string; title: string }[] }>('GET', '/alerts', officer.token);
    const alertId = alerts.body.items.find((a) => a.title === alertTitle)!.alertId;
    const acknowledgements = await api('GET', `/alerts/${alertId}/acknowledgements`, officer.token);
    expect(JSON.stringify(acknowledgements.body)).toContain(company.companyId);
    const trail = await auditRecordsOf(company.companyId);
    expect(trail.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'account.created',
        'account-info.saved',
        'security-profile.saved',
        'user.created',
        'alert.acknowledged',
      ]),
    );
    expect(trail.find((r) => r.action === 'alert.acknowledged' && r.objectId === alertId)).toBeDefined();

    // The officer sees the acknowledgement in the alert's figures.
    await cbp.page.goto(`${portal.webUrl}/cbp/alerts/${alertId}`);
    await expect.poll(() => cbp.page.getByText(company.legalName).count()).toBeGreaterThan(0);
    expect(cbp.errors).toEqual([]);
    await cbp.context.close();

    // 8. The portal's date passes the importers' deadline: the company that never updated is removed.
    const idlePoc = await userWithRole(portal.api, 'primary-poc', idle.companyId, idle.pocEmail);
    const report = await sweepOn(clock, '2006-07-02');
    expect(report).toBeDefined();
    expect((await api<Company>('GET', `/companies/${idle.companyId}`)).body.status).toBe('removed');
    expect((await api<Company>('GET', `/companies/${company.companyId}`)).body.status).toBe('active');

    const removed = await newPage(browser);
    await signInAs(removed.page, portal.webUrl, idlePoc.email, TEST_PASSWORD);
    await expect.poll(() => heading(removed.page)).toBe('Dashboard');
    await removed.page.getByRole('heading', { level: 2, name: 'Your company has been removed from C-TPAT' }).waitFor();
    await screenshot(removed.page, 'journey-5-removed-dashboard', 'desktop');
    expect(removed.errors).toEqual([]);
    await removed.context.close();
  });
});

/** Fills an optional field when the form has it. */
async function fillIfPresent(field: ReturnType<Page['getByLabel']>, value: string) {
  if (await field.count()) await field.fill(value);
}

/** Answers every question of the profile form: "Yes" to yes/no questions, text to the rest. */
async function answerEveryQuestion(page: Page) {
  await page.getByRole('button', { name: 'Save security profile' }).waitFor();
  const form = page.locator('main form').first();
  for (const yes of await form.getByRole('radio', { name: 'Yes', exact: true }).all()) await yes.check();
  for (const area of await form.locator('textarea').all())
    await area.fill('Documented in our security procedures manual, section 4; reviewed quarterly.');
  for (const select of await form.locator('select').all()) {
    const values = await select
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
    if (values[0]) await select.selectOption(values[0]);
  }
}

/** Sends the alert to the importer category. */
async function chooseImporterAudience(page: Page) {
  await page.getByLabel('Active participants in some categories').check();
  await page.getByLabel('U.S. importer of record').check();
}
