/**
 * The CBP staff area in the browser: an officer without an authenticator app is sent to set one
 * up; every staff page, for an administrator, at desktop and phone widths, shows its heading,
 * has no serious or critical axe-core finding (WCAG 2.1 A/AA and best practices) and no page
 * error, with screenshots to docs/screenshots; and the main forms work: enrolling a company,
 * removing one behind its confirmation step, publishing a cargo alert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  signInStaff,
  startPortal,
  submitSignIn,
} from '../support/browser.ts';
import { TEST_PASSWORD, enrollCompany, uniqueEmail, userWithRole } from '../support/api.ts';
import type { Company } from '../../functions/schemas/company.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let admin: { email: string; token: string };
let company: Company;
let threadId: string;
let alertId: string;
const ALERT_TITLE = 'Bolt seals reported cut at Gulf ports';
const checked: string[] = [];

/** A CBP officer as an administrator creates one: permanent password here, no authenticator app yet. */
const newOfficer = async () => {
  const email = uniqueEmail('officer');
  const { createUser } = await import('../../functions/domain/users.ts');
  const { allPorts } = await import('../../lib/local/all-ports.ts');
  await createUser(
    allPorts,
    { userId: 'test', role: 'cbp-admin', companyId: 'CBP', sourceIp: 'test' },
    { email, name: 'Officer Robin Diaz', companyId: 'CBP', role: 'cbp-officer' },
    { password: TEST_PASSWORD },
  );
  return email;
};

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  admin = await userWithRole(portal.api, 'cbp-admin');
  company = await enrollCompany(portal.api, admin.token, { legalName: 'Harbor Freight Imports LLC' });
  const thread = await portal.api.request('POST', `/companies/${company.companyId}/threads`, {
    token: admin.token,
    body: { subject: 'Seal log review', body: 'Please confirm how seals are recorded at your warehouse.' },
  });
  expect(thread.status).toBe(201);
  threadId = thread.body.threadId;
  const alert = await portal.api.request('POST', '/alerts', {
    token: admin.token,
    body: {
      kind: 'cargo-security-alert',
      title: ALERT_TITLE,
      body: 'Verify every bolt seal on inbound containers.',
      severity: 'high',
      audience: { scope: 'all' },
    },
  });
  expect(alert.status).toBe(201);
  alertId = alert.body.alertId;
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
  console.log(
    `[a11y] ${checked.length} CBP page views checked with axe-core, 0 serious or critical violations:\n  ${checked.join('\n  ')}`,
  );
});

/** Waits until no section of the page is still loading. */
const settled = async (page: Page) => {
  await page.locator('h1').first().waitFor();
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /^(Loading|Signing you in)/ })
          .count(),
      { timeout: 20_000 },
    )
    .toBe(0);
};

/** The page at both widths: its heading, axe, a screenshot each; and no error in the page. */
const check = async (page: Page, name: string, heading: string, errors: string[]) => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await settled(page);
    expect(await page.locator('h1').textContent(), `${name} heading`).toBe(heading);
    expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    await screenshot(page, `cbp-${name}`, width);
    checked.push(`cbp-${name} (${width}) ${new URL(page.url()).pathname}`);
  }
  // Back to the desktop width, where the navigation is not folded behind the Menu button.
  await page.setViewportSize(DESKTOP);
  expect(errors, `${name}: errors in the page`).toEqual([]);
};

describe('the CBP staff area', () => {
  it('has an officer without an authenticator app set one up inside the sign-in, which then guards every sign-in', async () => {
    const email = await newOfficer();
    const { context, page, errors } = await newPage(browser);
    await submitSignIn(page, portal.webUrl, email, TEST_PASSWORD);
    // Cognito's staff pool issues no token before a second factor: the sign-in page sets one up.
    await page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' }).waitFor();
    await page.locator('[data-secret]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await check(page, 'mfa-secret', 'Set up your authenticator app', errors);
    // Nothing staff-only is reachable meanwhile: there is no session yet.
    await page.goto(`${portal.webUrl}/cbp/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await context.close();

    // signInStaff sets it up as a person would, then a second sign-in asks for the app's code.
    const first = await newPage(browser);
    const secret = await signInStaff(first.page, portal.webUrl, email, TEST_PASSWORD);
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await first.context.close();
    const second = await newPage(browser);
    await signInStaff(second.page, portal.webUrl, email, TEST_PASSWORD, secret);
    await second.page.getByRole('heading', { level: 1, name: 'Compliance overview' }).waitFor();
    // An officer sees no staff management and no administrator's actions on a company.
    expect(await second.page.getByRole('navigation', { name: 'Portal' }).getByRole('link').allTextContents()).toEqual([
      'Overview',
      'Worklist',
      'Companies',
      'Enroll',
      'Deadlines',
      'Alerts',
      'Messages',
      'Audit',
    ]);
    await second.page.goto(`${portal.webUrl}/cbp/companies/${company.companyId}`);
    await second.page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    expect(await second.page.getByRole('button', { name: 'Extend deadline' }).count()).toBe(0);
    expect(await second.page.getByRole('button', { name: 'Remove company' }).count()).toBe(1);
    expect([...errors, ...first.errors, ...second.errors]).toEqual([]);
    await second.context.close();
  });

  it('passes axe at both widths on every page, for an administrator', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    const pages: [string, string, string][] = [
      ['overview', '/cbp', 'Compliance overview'],
      ['worklist', '/cbp/worklist', 'My worklist'],
      ['companies', '/cbp/companies', 'Companies'],
      ['company', `/cbp/companies/${company.companyId}`, company.legalName],
      ['enroll', '/cbp/enroll', 'Enroll a company'],
      ['deadlines', '/cbp/deadlines', 'Deadlines'],
      ['alerts', '/cbp/alerts', 'Alerts'],
      ['alert', `/cbp/alerts/${alertId}`, ALERT_TITLE],
      ['messages', '/cbp/messages', 'Messages'],
      ['thread', `/cbp/companies/${company.companyId}/messages/${threadId}`, 'Seal log review'],
      ['staff', '/cbp/staff', 'Staff'],
      ['audit', '/cbp/audit', 'Audit trail'],
    ];
    for (const [name, path, heading] of pages) {
      await page.goto(`${portal.webUrl}${path}`);
      await check(page, name, heading, errors);
    }
    expect(await page.getByRole('navigation', { name: 'Portal' }).getByRole('link').allTextContents()).toEqual([
      'Overview',
      'Worklist',
      'Companies',
      'Enroll',
      'Deadlines',
      'Alerts',
      'Messages',
      'Staff',
      'Audit',
    ]);
    expect(checked.filter((c) => pages.some(([name]) => c.startsWith(`cbp-${name} `)))).toHaveLength(pages.length * 2);
    await context.close();
  });

  it('publishes only after a confirmation that shows the reach the API counts: cancelling sends nothing, confirming publishes to exactly that reach', async () => {
    // The audience: a category only this test enrols in: two active companies, three active users.
    const carrier = (scac: string) =>
      enrollCompany(portal.api, admin.token, { category: 'highway-carrier-us-mexico', identifiers: { scac } });
    const [first, second] = [await carrier('HMA'), await carrier('HMB')];
    await userWithRole(portal.api, 'primary-poc', first.companyId, first.pocEmail);
    await userWithRole(portal.api, 'company-user', first.companyId);
    await userWithRole(portal.api, 'primary-poc', second.companyId, second.pocEmail);
    const title = 'Fraudulent carrier documents in circulation';
    const published = async () =>
      (await portal.api.request('GET', '/alerts?limit=100', { token: admin.token })).body.items.filter(
        (a: { title: string }) => a.title === title,
      );

    const { context, page, errors } = await newPage(browser);
    const publishCalls: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/alerts')) publishCalls.push('');
    });
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/cbp/alerts`);
    await settled(page);
    await page.getByLabel('Kind').selectOption('cargo-security-alert');
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Message')
      .fill('Verify carrier SCACs against the C-TPAT status check before tendering cargo.');
    await page.getByLabel('Severity').selectOption('medium');
    await page.getByLabel('Active participants in some categories').check();
    await page.getByLabel('U.S./Mexico highway carrier').check();
    await page.getByRole('button', { name: 'Publish alert' }).click();

    const dialog = page.getByRole('dialog', { name: 'Publish this alert to its audience?' });
    await dialog.waitFor();
    expect(await dialog.locator('[data-reach="companies"]').textContent()).toBe('2 companies');
    expect(await dialog.locator('[data-reach="users"]').textContent()).toBe('3 users');
    expect(await dialog.textContent()).toContain('Medium severity');
    await check(page, 'alert-confirmation', 'Alerts', errors);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Not published' }).count()).toBe(1);
    expect(publishCalls, 'no publication was asked for').toEqual([]);
    expect(await published()).toEqual([]);

    // The form still holds the alert: publish again, and confirm this time.
    await page.getByRole('button', { name: 'Publish alert' }).click();
    await dialog.getByRole('button', { name: 'Confirm: publish alert' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is published' }).count()).toBe(1);
    expect(publishCalls).toHaveLength(1);
    const row = page.getByRole('row').filter({ hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('Published');
    // Severity is written as the participants read it.
    expect(await row.textContent()).toContain('Medium');
    const [alert] = await published();
    // The fan-out delivered to exactly the reach the confirmation showed.
    await expect
      .poll(async () => (await portal.api.request('GET', `/alerts/${alert.alertId}`, { token: admin.token })).body, {
        timeout: 20_000,
      })
      .toMatchObject({ companies: 2, recipients: 3, fannedOutAt: expect.any(String) });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters the audit trail by each of the Action field's examples and finds their records", async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/cbp/audit`);
    await settled(page);
    const field = page.getByRole('textbox', { name: 'Action', exact: true });
    const hint = await page
      .locator(`[id="${(await field.getAttribute('aria-describedby'))?.split(' ')[0]}"]`)
      .textContent();
    const examples = /^For example (.+)\.$/.exec(hint ?? '')?.[1]?.split(' or ') ?? [];
    expect(examples.length, `examples in "${hint}"`).toBeGreaterThan(0);
    for (const action of examples) {
      await field.fill(action);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const table = page.getByRole('table', { name: new RegExp(`action ${action.replace('.', '\\.')}$`) });
      await table.waitFor();
      // The rows of the previous filter stay until the new page arrives: wait for this one's.
      await expect
        .poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents())], {
          message: action,
        })
        .toEqual([action]);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("holds sanitized intelligence for a second officer: the author's own approval is refused on the page, another officer's publishes it", async () => {
    const author = await newPage(browser);
    await signInStaff(author.page, portal.webUrl, admin.email, TEST_PASSWORD);
    await author.page.goto(`${portal.webUrl}/cbp/alerts`);
    await settled(author.page);
    await author.page.getByLabel('Kind').selectOption('sanitized-intelligence');
    await author.page.getByLabel('Title').fill('Pattern of seal substitution on northbound trailers');
    await author.page
      .getByLabel('Message')
      .fill('Sanitized summary: seals replaced with look-alikes between the plant and the border.');
    await author.page.getByLabel('Severity').selectOption('high');
    await author.page.getByRole('button', { name: 'Publish alert' }).click();
    await author.page
      .getByRole('dialog', { name: 'Submit this bulletin for approval?' })
      .getByRole('button', { name: 'Confirm: submit for approval' })
      .click();
    await expect
      .poll(() =>
        author.page.getByRole('status').filter({ hasText: "waiting for a second officer's approval" }).count(),
      )
      .toBe(1);
    const pending = author.page
      .getByRole('row')
      .filter({ hasText: 'Pattern of seal substitution on northbound trailers' });
    await pending.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => author.page.getByRole('alert').count()).toBe(1);
    expect(await author.page.getByRole('alert').textContent()).toMatch(/approv/i);
    expect(await pending.textContent()).toContain('Awaiting approval');
    expect(await seriousViolations(author.page)).toEqual([]);
    await author.context.close();

    const second = await userWithRole(portal.api, 'cbp-officer');
    const approver = await newPage(browser);
    await signInStaff(approver.page, portal.webUrl, second.email, TEST_PASSWORD);
    await approver.page.goto(`${portal.webUrl}/cbp/alerts`);
    await settled(approver.page);
    const row = approver.page
      .getByRole('row')
      .filter({ hasText: 'Pattern of seal substitution on northbound trailers' });
    await row.getByRole('button', { name: 'Approve' }).click();
    // The approval writes the alert, its fan-out and the audit record; on a loaded machine that takes seconds.
    await expect
      .poll(() => approver.page.getByRole('status').filter({ hasText: 'is approved and published' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Published');
    expect([...author.errors, ...approver.errors]).toEqual([]);
    await approver.context.close();
  });

  it('enrolls a company through the form and removes it only after the confirmation step', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/cbp/enroll`);
    await settled(page);
    await page.getByLabel('Legal name').fill('Gulf Coast Brokers Inc.');
    await page.getByLabel('Category').selectOption('customs-broker');
    await page.getByLabel('Filer code').fill('bad code');
    await page.getByLabel('Point of contact email').fill(uniqueEmail('broker-poc'));
    await page.getByRole('button', { name: 'Enroll company' }).click();
    await expect.poll(() => page.getByLabel('Filer code').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Filer code').fill('G7B');
    await page.getByRole('button', { name: 'Enroll company' }).click();
    await page.getByRole('link', { name: 'Open Gulf Coast Brokers Inc.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gulf Coast Brokers Inc.' }).waitFor();
    await settled(page);

    await page.getByLabel('Reason for removal').fill('Validation visit found the security program not implemented.');
    await page.getByRole('button', { name: 'Remove company' }).click();
    const confirm = page.getByRole('button', { name: 'Confirm: remove company' });
    await confirm.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'is removed from the program' }).count())
      .toBe(1);
    expect(await page.locator('.badge--removed').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Reinstate company' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('replies in a thread, revises a deadline with its reason kept, and adds then disables a staff member', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);

    await page.goto(`${portal.webUrl}/cbp/companies/${company.companyId}/messages/${threadId}`);
    await settled(page);
    await page.getByLabel('Message').fill('Thank you; please also list the seal numbers used in March.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('please also list the seal numbers used in March.').waitFor();

    await page.goto(`${portal.webUrl}/cbp/deadlines`);
    await settled(page);
    await page.getByLabel('Category to revise or review').selectOption('rail-carrier');
    await page.getByLabel('Deadline', { exact: true }).fill('2006-08-01');
    await page.getByLabel('Reason for revision').fill('CBP moved the carrier deadline to August 1, 2006.');
    await page.getByRole('button', { name: 'Revise deadline' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Rail carrier is revised (revision 1)' }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('region', { name: /Revisions for Rail carrier/ }).textContent())
      .toContain('CBP moved the carrier deadline to August 1, 2006.');

    await page.goto(`${portal.webUrl}/cbp/staff`);
    await settled(page);
    const email = uniqueEmail('new-officer');
    await page.getByLabel('Name').fill('Officer Sam Okafor');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Role').selectOption('cbp-officer');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    await row.getByRole('button', { name: /Disable/ }).click();
    await expect.poll(() => row.textContent()).toMatch(/disabled/i);
    await row.getByRole('button', { name: /Enable/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('filters the company list through the address and opens a company; the overview draws its figures as charts with tables', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await settled(page);
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBe(2);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/companies by category and status: \d+ active/i);
    expect(
      await page.getByRole('region', { name: 'Companies by category and status, as a table' }).textContent(),
    ).toContain('U.S. importer of record');
    expect(await charts.nth(1).getAttribute('aria-label')).toMatch(/deadlines and removals per month/i);

    await page.getByRole('link', { name: 'Companies' }).click();
    await settled(page);
    await page.getByLabel('Status').selectOption('active');
    await page.getByLabel('Category').selectOption('importer');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=active&category=importer');
    await settled(page);
    await page.getByRole('link', { name: company.legalName }).waitFor();
    expect(await page.getByRole('link', { name: 'Gulf Coast Brokers Inc.' }).count()).toBe(0);
    // The address alone brings the same filters back.
    await page.reload();
    await settled(page);
    expect(await page.getByLabel('Category').inputValue()).toBe('importer');

    // A part of the name, in any case, finds the company; the list is sorted as asked.
    const part = company.legalName.split(' ')[0]!.toLowerCase();
    await page.getByRole('searchbox', { name: 'Search' }).fill(part);
    await page.getByLabel('Sort by').selectOption('-legalName');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(part);
    await settled(page);
    const names = await page.getByRole('table', { name: 'Companies' }).locator('tbody th a').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.toLowerCase().includes(part))).toBe(true);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    // The same list, as a CSV file: its rows are the companies shown, in the same order.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these companies (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ctpat-companies-\d{4}-\d{2}-\d{2}\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^Legal name,Status-verification code,/);
    expect(rows.slice(1).map((r) => r.replace(/^"([^"]*)".*$|^([^,]*),.*$/, '$1$2'))).toEqual(names);
    await page.getByRole('link', { name: company.legalName }).click();
    await page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
  it("reads a company record's sections beside the company, not after it", async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await settled(page);
    const base = `/companies/${company.companyId}`;
    const sections = new Set<string>();
    let sawAll: () => void = () => undefined;
    const allSeen = new Promise<void>((resolve) => {
      sawAll = resolve;
    });
    const SECTIONS = [
      'account-info',
      'security-profile',
      'security-profile/versions',
      'certifications',
      'validations',
      'users',
      'threads',
      'grants',
      'audit',
    ];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'GET' && path.startsWith(`${base}/`)) sections.add(path.slice(base.length + 1));
      if (SECTIONS.every((s) => sections.has(s))) sawAll();
    });
    // The company's own answer is held back until every section's read has gone out (or 10 s).
    let heldFor = Number.NaN;
    await page.route(
      (url) => url.pathname === base,
      async (route) => {
        const start = Date.now();
        await Promise.race([allSeen, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        heldFor = Date.now() - start;
        await route.continue();
      },
    );
    await page.goto(`${portal.webUrl}/cbp/companies/${company.companyId}`);
    await page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    expect([...sections].sort()).toEqual([...SECTIONS].sort());
    expect(heldFor, 'every section was requested while the company was still on its way').toBeLessThan(10_000);
    await settled(page);
    expect(errors).toEqual([]);
    await context.close();
  });
  it("previews a deadline revision's impact, and sends an earlier one to a second administrator", async () => {
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await settled(page);
    await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Deadlines' }).click();
    await settled(page);
    await page.getByLabel('Category to revise or review').selectOption('importer');
    const before = await portal.api.request('GET', '/deadlines', { token: admin.token });
    // Due in ten days, new enrollees with ten days: every importer with an open deadline is removed within 30 days.
    const inTen = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Deadline', { exact: true }).fill(inTen);
    await page.getByLabel('Days for new enrollees').fill('10');
    await page.getByRole('button', { name: 'Preview the impact' }).click();
    const preview = page.getByRole('region', { name: 'Impact of this revision' });
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/moves a due date earlier and removes companies within 30 days/);
    const table = preview.getByRole('table', { name: /Companies the revision affects/ });
    expect(await table.getByRole('rowheader', { name: company.legalName }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'cbp-deadline-impact', 'desktop');
    // Nothing was saved: the policies in force are as they were.
    expect((await portal.api.request('GET', '/deadlines', { token: admin.token })).body).toEqual(before.body);
    // Changing a term takes the stale preview away.
    await page.getByLabel('Days for new enrollees').fill('11');
    await expect.poll(() => preview.count()).toBe(0);

    // Saved directly, such a revision is refused; proposed, it waits for another administrator.
    await page.getByLabel('Reason for revision').fill('Importers earlier (e2e).');
    await page.getByRole('button', { name: 'Revise deadline' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/propose it for a second administrator/);
    await page.getByRole('button', { name: "Propose for a second administrator's approval" }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/is proposed/);
    const waiting = page.getByRole('table', { name: 'Revisions awaiting approval' });
    await waiting.getByRole('rowheader', { name: 'U.S. importer of record' }).waitFor();
    // Its author may withdraw it, not approve it.
    expect(await waiting.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    expect(await waiting.textContent()).toContain('Another administrator approves it.');
    expect(await seriousViolations(page)).toEqual([]);
    await waiting.getByRole('button', { name: /^Withdraw/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/is withdrawn/);
    expect((await portal.api.request('GET', '/deadlines', { token: admin.token })).body).toEqual(before.body);
    expect(errors).toEqual([]);
    await context.close();
  });
});
