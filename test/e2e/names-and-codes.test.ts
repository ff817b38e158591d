/**
 * Names, not ids (issue 21 item 4): a company finds its status-verification code on its
 * dashboard, another company shares with it and asks it to share by typing that code, and the
 * audit trails (the company's and CBP's) and a CBP alert name people and companies, never a UUID.
 * axe-core on each page touched, at 1280 px and 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeBothWidths,
  launchBrowser,
  newPage,
  seriousViolations,
  signInAs,
  signInStaff,
  startPortal,
} from '../support/browser.ts';
import { TEST_PASSWORD, enrollCompany, userWithRole } from '../support/api.ts';
import type { Company } from '../../functions/schemas/company.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let officer: { email: string; token: string; userId: string };
let owner: Company;
let partner: Company;
let ownerPoc: { email: string; token: string; userId: string };
let partnerPoc: { email: string; token: string; userId: string };
let alertId: string;
const checked: string[] = [];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  const { api } = portal;
  officer = await userWithRole(api, 'cbp-officer');
  const admin = await userWithRole(api, 'cbp-admin');
  owner = await enrollCompany(api, officer.token, { legalName: 'Owner Imports LLC' });
  partner = await enrollCompany(api, officer.token, { legalName: 'Partner Carriers Inc.' });
  ownerPoc = await userWithRole(api, 'primary-poc', owner.companyId, owner.pocEmail);
  partnerPoc = await userWithRole(api, 'primary-poc', partner.companyId, partner.pocEmail);
  const alert = await api.request('POST', '/alerts', {
    token: officer.token,
    body: {
      kind: 'sanitized-intelligence',
      title: 'Named-company bulletin',
      body: 'Check seals.',
      severity: 'medium',
      audience: { scope: 'companies', companyIds: [owner.companyId, partner.companyId] },
    },
  });
  expect(alert.status).toBe(201);
  alertId = alert.body.alertId;
  expect((await api.request('POST', `/alerts/${alertId}/approval`, { token: admin.token })).status).toBeLessThan(300);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  console.log(
    `[a11y] ${checked.length} page views checked with axe-core, 0 serious or critical:\n  ${checked.join('\n  ')}`,
  );
});

/** axe at both widths, once the page's data has arrived. */
const axeAtBothWidths = (page: Page, name: string) => axeBothWidths(page, name, checked);

/** The text of a table's body cells. */
const tableText = async (page: Page, name: RegExp | string) => {
  const table = page.getByRole('table', { name });
  await table.waitFor();
  return (await table.locator('tbody').textContent()) ?? '';
};

describe('status-verification codes', () => {
  it("are shown on the partner's dashboard, and the owner shares with the partner by typing it", async () => {
    const partnerView = await newPage(browser);
    await signInAs(partnerView.page, portal.webUrl, partnerPoc.email, TEST_PASSWORD);
    const shown = partnerView.page.locator('.svi-code').first();
    await shown.waitFor();
    const code = (await shown.textContent())!;
    expect(code).toBe(partner.sviCode);
    await axeAtBothWidths(partnerView.page, 'dashboard with the code');
    expect(partnerView.errors).toEqual([]);
    await partnerView.context.close();

    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, ownerPoc.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/sharing`);
    const field = page.getByLabel("Partner's status-verification code");
    // A code with one character changed is refused at the field, in words, before anything is shared.
    const typo = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
    await field.fill(typo);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect
      .poll(() => page.getByText('is not a valid code: check it for a mistyped character').count())
      .toBeGreaterThan(0);
    await axeAtBothWidths(page, 'sharing with a mistyped code');

    // As a person reads it off a screen or paper: lower case, a space for the hyphen.
    await field.fill(code.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.getByText(`The company with code ${code} can now see`).count()).toBe(1);
    const grants = await tableText(page, 'Grants your company made');
    expect(grants).toContain(`the company with code ${code}`);
    expect(grants).not.toMatch(UUID);
    const made = await portal.api.request('GET', `/companies/${owner.companyId}/grants`, { token: ownerPoc.token });
    expect(made.body.items).toEqual([
      expect.objectContaining({ grantee: { type: 'company', companyId: partner.companyId, code }, status: 'active' }),
    ]);

    // And asks the partner to share back, by the same code.
    await page.getByLabel("The company's status-verification code").fill(code);
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => page.getByText('Your request was sent.').count()).toBe(1);
    const asked = await portal.api.request('GET', `/companies/${partner.companyId}/grant-requests`, {
      token: partnerPoc.token,
    });
    expect(asked.body.items).toEqual([expect.objectContaining({ requesterCompanyId: owner.companyId })]);
    await axeAtBothWidths(page, 'sharing after a grant by code');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('names, not ids', () => {
  it("show the company who in it acted, and CBP's reads by organisation only", async () => {
    // CBP reads the owner's account information: recorded in its trail.
    expect(
      (await portal.api.request('GET', `/companies/${owner.companyId}/account-info`, { token: officer.token })).status,
    ).toBeLessThan(500);
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, ownerPoc.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/audit`);
    const text = await tableText(page, 'Audit records');
    expect(text).toContain('You (Primary POC)');
    expect(text).toContain('CBP officer, CBP');
    expect(text).not.toContain('Test cbp-officer');
    expect(text).not.toMatch(UUID);
    await axeAtBothWidths(page, 'company audit trail');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('show CBP the people and companies in the audit trail and on an alert', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, officer.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/cbp/audit?action=grant.created`);
    let text = await tableText(page, /Audit records for/);
    expect(text).toContain('Owner Imports LLC');
    expect(text).toContain('Test primary-poc (Primary POC)');
    expect(text).not.toMatch(UUID);
    await axeAtBothWidths(page, 'CBP audit trail');

    await page.goto(`${portal.webUrl}/cbp/audit?action=company.enrolled`);
    text = await tableText(page, /Audit records for/);
    expect(text).toContain('company Partner Carriers Inc.');
    expect(text).toContain('Test cbp-officer (CBP officer)');
    expect(text).not.toMatch(UUID);

    await page.goto(`${portal.webUrl}/cbp/alerts/${alertId}`);
    await expect.poll(() => page.getByText('by Test cbp-officer').count()).toBe(1);
    await expect.poll(() => page.getByText('approved by Test cbp-admin').count()).toBe(1);
    await expect.poll(() => page.getByText('Owner Imports LLC; Partner Carriers Inc.').count()).toBe(1);
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(UUID);
    await axeAtBothWidths(page, 'CBP alert');
    expect(errors).toEqual([]);
    await context.close();
  });
});
