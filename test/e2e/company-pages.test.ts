/**
 * The participant area, page by page, as a freshly enrolled company's primary POC and one of
 * its users see it: each page's heading, axe-core (no serious or critical violation) at desktop
 * and phone widths, a screenshot of each, and no error in the page. Also the account form's
 * field-level errors, the alert acknowledgement, the export download and a removed company's
 * dashboard.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  launchBrowser,
  newPage,
  screenshot,
  seriousViolations,
  signInAs,
  startPortal,
} from '../support/browser.ts';
import { TEST_PASSWORD, enrollCompany, userWithRole } from '../support/api.ts';
import { accountInfoFor } from '../support/profile.ts';
import type { Company } from '../../functions/schemas/company.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;
let company: Company;
let poc: { email: string; token: string; userId: string };
let user: { email: string; token: string; userId: string };
let officer: { token: string };
let alertId: string;
let threadId: string;
const checked: string[] = [];

const ALERT_TITLE = 'Re-glued bolt seals at Gulf ports';
const THREAD_SUBJECT = 'Seal log at the Dundalk warehouse';

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  const { api } = portal;
  officer = await userWithRole(api, 'cbp-officer');
  company = await enrollCompany(api, officer.token);
  poc = await userWithRole(api, 'primary-poc', company.companyId, company.pocEmail);
  user = await userWithRole(api, 'company-user', company.companyId);
  const base = `/companies/${company.companyId}`;
  // A company part-way through its portal update: account information saved, two incomplete
  // profile versions (so the history has something to compare), a thread, an alert, a grant.
  expect((await api.request('PUT', `${base}/account-info`, { token: poc.token, body: accountInfoFor(0) })).status).toBe(
    200,
  );
  const first = {
    'personnel-security': {
      'pre-employment-verification': true,
      'background-checks': 'Every hire, repeated every five years.',
    },
  };
  expect(
    (await api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 0, answers: first } }))
      .status,
  ).toBe(201);
  const second = {
    'personnel-security': { 'pre-employment-verification': false, 'termination-procedures': true },
    'physical-security': { fencing: true },
  };
  expect(
    (await api.request('PUT', `${base}/security-profile`, { token: poc.token, body: { version: 1, answers: second } }))
      .status,
  ).toBe(201);
  const thread = await api.request('POST', `${base}/threads`, {
    token: poc.token,
    body: { subject: THREAD_SUBJECT, body: 'Our new seal log is in the profile; does it meet the criteria?' },
  });
  expect(thread.status).toBe(201);
  threadId = thread.body.threadId;
  const alert = await api.request('POST', '/alerts', {
    token: officer.token,
    body: {
      kind: 'cargo-security-alert',
      title: ALERT_TITLE,
      body: 'Verify bolt seals on every inbound container.',
      severity: 'high',
      audience: { scope: 'companies', companyIds: [company.companyId] },
    },
  });
  expect(alert.status).toBe(201);
  alertId = alert.body.alertId;
  const expiresOn = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  expect(
    (
      await api.request('POST', `${base}/grants`, {
        token: poc.token,
        body: { grantee: { type: 'program', program: 'ca-pip' }, scope: 'status', expiresOn },
      })
    ).status,
  ).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  console.log(
    `[a11y] ${checked.length} participant page views checked with axe-core, 0 serious or critical violations, none scrolling sideways:\n  ${checked.join('\n  ')}`,
  );
});

/** When the page scrolls sideways: by how much, and the elements that stick out on the right (outside a table's scrolling box). */
const WIDER_THAN_PAGE = `(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.parentElement?.closest('.table-wrap'))
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().right))
    .slice(0, 10)
    .concat(['page ' + (document.documentElement.scrollWidth - width) + ' px too wide']);
})()`;

/** The page at both widths: its heading, axe, a screenshot; and no error in the page. */
const check = async (page: Page, name: string, heading: string, errors: string[]) => {
  for (const [width, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 }).toBe(heading);
    await page
      .getByRole('status')
      .filter({ hasText: /Loading|Signing you in/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await seriousViolations(page), `${name} at ${width}`).toEqual([]);
    // Reflow (WCAG 1.4.10): the page itself never scrolls sideways; wide tables scroll in their own box.
    expect(await page.evaluate(WIDER_THAN_PAGE), `${name} at ${width}: sideways scroll`).toEqual([]);
    await screenshot(page, `company-${name}`, width);
    checked.push(`company-${name} (${width}) ${new URL(page.url()).pathname}`);
  }
  // Back to the desktop width, where the navigation is not folded behind the Menu button.
  await page.setViewportSize(DESKTOP);
  expect(errors, `${name}: errors in the page`).toEqual([]);
};

const visit = async (page: Page, path: string) => {
  await page.goto(`${portal.webUrl}${path}`);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
};

const pages = () =>
  [
    ['dashboard', '/', 'Dashboard'],
    ['account', '/account', 'Portal Account Information'],
    ['profile', '/profile', 'Security Profile'],
    ['profile-history', '/profile/history', 'Security Profile History'],
    ['certification', '/certification', 'Certification'],
    ['validation', '/validation', 'Validation'],
    ['alerts', '/alerts', 'Alerts'],
    ['messages', '/messages', 'Messages'],
    ['thread', `/messages/${threadId}`, THREAD_SUBJECT],
    ['sharing', '/sharing', 'Sharing'],
    ['audit', '/audit', 'Audit trail'],
  ] as const;

describe('the primary POC', () => {
  it('sees every participant page, each passing axe at both widths', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, poc.email, TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Portal' });
    for (const label of [
      'Dashboard',
      'Account',
      'Security profile',
      'Certification',
      'Validation',
      'Users',
      'Alerts',
      'Messages',
      'Sharing',
      'Audit trail',
      'Export',
    ]) {
      await expect.poll(() => nav.getByRole('link', { name: label, exact: true }).count(), { message: label }).toBe(1);
    }
    for (const [name, path, heading] of [
      ...pages(),
      ['users', '/users', 'Users'],
      ['alert', `/alerts/${alertId}`, ALERT_TITLE],
      ['export', '/export', 'Export'],
    ] as const) {
      await visit(page, path);
      await check(page, name, heading, errors);
    }
    await context.close();
  });

  it('sees the enrollment deadline, the alert awaiting acknowledgement and the thread on the dashboard', async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, portal.webUrl, poc.email, TEST_PASSWORD);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    await expect.poll(() => page.getByText('Enrollment deadline').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: ALERT_TITLE }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: THREAD_SUBJECT }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: company.legalName }).count()).toBe(1);
    await context.close();
  });

  it('sees the field error next to a bad value in the account form, and nothing is saved', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, poc.email, TEST_PASSWORD);
    await visit(page, '/account');
    await page.getByLabel('Phone').fill('555-0143');
    await page.getByRole('button', { name: 'Save account information' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/international number/);
    await expect.poll(() => page.getByLabel('Phone').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.getByLabel('Phone').getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ').at(-1)}"]`).textContent()).toMatch(
      /must be an international number/,
    );
    // USWDS's error border applies (usa-input--error, 4 px).
    expect(
      await page
        .getByLabel('Phone')
        .evaluate(
          (el: unknown) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { borderTopWidth: string } }).getComputedStyle(el)
              .borderTopWidth,
        ),
    ).toBe('4px');
    await check(page, 'account-errors', 'Portal Account Information', errors);
    const saved = await portal.api.request('GET', `/companies/${company.companyId}/account-info`, { token: poc.token });
    expect(saved.body).toMatchObject({ version: 1, contacts: [{ phone: '+12025550143' }] });
    await context.close();
  });

  it('compares two profile versions side by side', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, poc.email, TEST_PASSWORD);
    await visit(page, '/profile/history');
    await page.getByLabel('Old version').selectOption('1');
    await page.getByLabel('New version').selectOption('2');
    await page.getByRole('button', { name: 'Compare versions' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Is application information' });
    await expect.poll(() => row.getByRole('cell').allTextContents()).toEqual(['Yes', 'No']);
    await check(page, 'profile-diff', 'Security Profile History', errors);
    await context.close();
  });

  it('prepares the export and offers it as a JSON download', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, poc.email, TEST_PASSWORD);
    await visit(page, '/export');
    await page.getByRole('button', { name: 'Prepare the export' }).click();
    const link = page.getByRole('link', { name: /Download the export/ });
    await link.waitFor();
    // A five-minute link to the file in the exports bucket (here the S3 emulator), not the file itself.
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin).toBe(process.env.AWS_ENDPOINT_URL_S3);
    expect(href.searchParams.get('X-Amz-Expires')).toBe('300');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^ctpat-export-${company.companyId}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(file.company.companyId).toBe(company.companyId);
    await check(page, 'export-ready', 'Export', errors);
    await context.close();
  });
});

describe('a company user', () => {
  it('sees the participant pages but not users or export, each passing axe at both widths', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, user.email, TEST_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Portal' });
    await expect.poll(() => nav.getByRole('link', { name: 'Dashboard' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Export' }).count()).toBe(0);
    for (const [name, path, heading] of pages()) {
      await visit(page, path);
      await check(page, `user-${name}`, heading, errors);
    }
    // Without the edit permission the forms are read-only: no save buttons.
    await visit(page, '/profile');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Security Profile');
    await page
      .getByRole('status')
      .filter({ hasText: /Loading/ })
      .first()
      .waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Save security profile' }).count()).toBe(0);
    // The addresses of the primary POC's pages say who uses them, rather than that they do not exist.
    await visit(page, '/users');
    await check(page, 'user-users-refused', 'Only the primary point of contact manages users', errors);
    expect(await page.locator('main').textContent()).toContain(
      "Your company's primary point of contact adds, changes and removes the portal's users.",
    );
    await visit(page, '/export');
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe("Only the primary point of contact exports the company's data");
    await context.close();
  });

  it('acknowledges an alert and sees when', async () => {
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, user.email, TEST_PASSWORD);
    await visit(page, '/alerts');
    await page.getByRole('link', { name: ALERT_TITLE }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(ALERT_TITLE);
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => page.getByText(/^Acknowledged on /).count()).toBe(1);
    await check(page, 'user-alert-acknowledged', ALERT_TITLE, errors);
    await context.close();
  });
});

describe('a removed company', () => {
  it('shows its primary POC the removal and lets them reapply, and closes the other pages', async () => {
    const removed = await enrollCompany(portal.api, officer.token);
    const removedPoc = await userWithRole(portal.api, 'primary-poc', removed.companyId, removed.pocEmail);
    const removal = await portal.api.request('POST', `/companies/${removed.companyId}/removal`, {
      token: officer.token,
      body: { version: 1, reason: 'Validation visit found the program not implemented.' },
    });
    expect(removal.status).toBe(200);
    const { context, page, errors } = await newPage(browser);
    await signInAs(page, portal.webUrl, removedPoc.email, TEST_PASSWORD);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your company has been removed from C-TPAT' }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Apply to rejoin C-TPAT' }).count()).toBe(1);
    await check(page, 'removed-dashboard', 'Dashboard', errors);
    // The navigation offers what a removed company may still use, not the pages the API refuses it.
    const nav = page.getByRole('navigation', { name: 'Portal' });
    for (const open of ['Dashboard', 'Alerts', 'Messages', 'Sharing', 'Audit trail'])
      expect(await nav.getByRole('link', { name: open, exact: true }).count(), open).toBe(1);
    for (const closed of ['Account', 'Security profile', 'Certification', 'Users', 'Export'])
      expect(await nav.getByRole('link', { name: closed, exact: true }).count(), closed).toBe(0);
    await page.getByLabel('Reapplication statement').fill('We named a security manager and completed our profile.');
    await page.getByRole('button', { name: 'Apply to rejoin C-TPAT' }).click();
    await expect.poll(() => page.getByText(/Your reapplication was sent to CBP/).count()).toBe(1);
    await expect.poll(() => page.getByText(/Reapplication sent on .*: pending/).count()).toBe(1);
    await visit(page, '/account');
    await expect.poll(() => page.getByText(/this page is closed/).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the journeys through the forms', () => {
  let other: Company;
  let otherPoc: { email: string; token: string; userId: string };
  let page: Page;
  let errors: string[];
  let close: () => Promise<void>;

  beforeAll(async () => {
    other = await enrollCompany(portal.api, officer.token);
    otherPoc = await userWithRole(portal.api, 'primary-poc', other.companyId, other.pocEmail);
    const opened = await newPage(browser);
    ({ page, errors } = opened);
    close = () => opened.context.close();
    await signInAs(page, portal.webUrl, otherPoc.email, TEST_PASSWORD);
  });
  afterAll(() => close?.());

  const settled = async (heading: string) => {
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(heading);
    await page
      .getByRole('status')
      .filter({ hasText: /Loading/ })
      .first()
      .waitFor({ state: 'detached' });
  };

  it('saves the account information, and after a concurrent save says so and reloads instead of overwriting', async () => {
    await visit(page, '/account');
    await settled('Portal Account Information');
    expect(await page.getByLabel('Importer of record (IOR) number (required)').inputValue()).toBe('12-3456789AB');
    await page.getByLabel('Name').fill('Dana Reyes');
    await page.getByLabel('Title').fill('Director of Trade Compliance');
    await page.getByLabel('Phone').fill('+12025550143');
    await page.getByLabel('Street address').fill('100 Harbor Way');
    await page.getByLabel('City').fill('Baltimore');
    await page.getByRole('button', { name: 'Save account information' }).click();
    await expect.poll(() => page.getByText('Account information saved (version 1).').count()).toBe(1);

    const elsewhere = await portal.api.request('PUT', `/companies/${other.companyId}/account-info`, {
      token: otherPoc.token,
      body: {
        ...accountInfoFor(1),
        contacts: [{ ...accountInfoFor(1).contacts[0]!, title: 'Chief Security Officer' }],
      },
    });
    expect(elsewhere.status).toBe(200);
    await page.getByLabel('Title').fill('Compliance Manager');
    await page.getByRole('button', { name: 'Save account information' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Someone else saved/);
    await page.getByRole('button', { name: 'Reload the latest version' }).click();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Chief Security Officer');
    await page.getByRole('button', { name: 'Save account information' }).click();
    await expect.poll(() => page.getByText('Account information saved (version 3).').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('answers profile questions, shows the progress, and certifies once the profile is complete', async () => {
    await visit(page, '/profile');
    await settled('Security Profile');
    const group = page.getByRole('group', {
      name: 'Are employees identified by badge at every access point? (required)',
    });
    expect(await group.getByLabel('Unanswered').isChecked()).toBe(true);
    await group.getByLabel('Yes').check();
    await page
      .getByLabel('Describe how visitors and vendors are identified, logged and escorted. (required)')
      .fill('Badges issued at the gate; escorts at all times.');
    await expect
      .poll(() => page.getByRole('progressbar', { name: /2 of \d+ required questions answered/ }).count())
      .toBe(1);
    await page.getByRole('button', { name: 'Save security profile' }).click();
    await expect.poll(() => page.getByText(/Security profile saved as version 1\./).count()).toBe(1);

    await visit(page, '/certification');
    await settled('Certification');
    await expect.poll(() => page.getByText(/Answer every required question/).count()).toBe(1);
    const { completeAnswers } = await import('../support/profile.ts');
    expect(
      (
        await portal.api.request('PUT', `/companies/${other.companyId}/security-profile`, {
          token: otherPoc.token,
          body: { version: 1, answers: completeAnswers('importer') },
        })
      ).status,
    ).toBe(201);
    await visit(page, '/certification');
    await settled('Certification');
    // A first certification is accepted at once: the page says so, not that a window must open.
    await expect
      .poll(() =>
        page
          .getByText('Your company has not certified yet: you can certify now, once your profile is complete.')
          .count(),
      )
      .toBe(1);
    await page.getByLabel(/I certify, as an officer of/).check();
    // A signature (decision 95): a wrong password is refused at its field, and nothing is certified.
    await page.getByLabel('Your password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign and certify the security profile' }).click();
    await expect.poll(() => page.getByLabel('Your password').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Your password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign and certify the security profile' }).click();
    await expect.poll(() => page.getByText(/Certification submitted/).count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Certifications' }).getByRole('row').count()).toBe(2);
    expect(await page.getByRole('region', { name: 'Certifications' }).getByText('Current and accurate').count()).toBe(
      1,
    );
    await expect
      .poll(() =>
        page
          .getByText(
            /^Your next certification is due on \d{4}-\d{2}-\d{2}\. You can certify from \d{4}-\d{2}-\d{2}, 90 days before it is due\.$/,
          )
          .count(),
      )
      .toBe(1);
    expect(errors).toEqual([]);
  });

  it('starts a thread with CBP and replies in it', async () => {
    await visit(page, '/messages');
    await settled('Messages');
    await page.getByLabel('Subject').fill('Question about seal logs');
    await page.getByLabel('Message').fill('Do handwritten seal logs meet the criteria?');
    await page.getByRole('button', { name: 'Send message' }).click();
    await settled('Question about seal logs');
    await page.getByLabel('Message').fill('We also keep a scanned copy.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await expect.poll(() => page.getByText('We also keep a scanned copy.').count()).toBe(1);
    await expect.poll(() => page.getByText('Do handwritten seal logs meet the criteria?').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shares with a foreign customs program and revokes it', async () => {
    await visit(page, '/sharing');
    await settled('Sharing');
    await page.getByLabel('Share with').selectOption('program');
    await page.getByLabel('Foreign customs program').selectOption('eu-aeo');
    await page.getByLabel('What to share').selectOption('profile-summary');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => page.getByText(/European Union Authorised Economic Operator can now see/).count()).toBe(1);
    await page.getByRole('button', { name: 'Revoke sharing with European Union Authorised Economic Operator' }).click();
    await expect.poll(() => page.getByText(/was revoked/).count()).toBe(1);
    await expect
      .poll(() => page.getByRole('region', { name: 'Grants your company made' }).getByText('Revoked').count())
      .toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows a partner what the company shared with it, and only within the grant', async () => {
    const expiresOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const grant = await portal.api.request('POST', `/companies/${other.companyId}/grants`, {
      token: otherPoc.token,
      body: { grantee: { type: 'company', companyId: company.companyId }, scope: 'profile', expiresOn },
    });
    expect(grant.status).toBe(201);
    const viewer = await newPage(browser);
    await signInAs(viewer.page, portal.webUrl, user.email, TEST_PASSWORD);
    await visit(viewer.page, '/sharing');
    await viewer.page.getByRole('link', { name: other.legalName }).click();
    await check(viewer.page, 'partner', other.legalName, viewer.errors);
    await expect
      .poll(() => viewer.page.getByText('Are employees identified by badge at every access point?').count())
      .toBe(1);
    await viewer.context.close();
  });

  it('adds a user, disables and re-enables them, and hands the primary POC role over after a confirmation', async () => {
    await visit(page, '/users');
    await settled('Users');
    const email = `analyst-${other.companyId.slice(0, 8)}@example.com`;
    await page.getByLabel('Full name', { exact: true }).fill('Jordan Lee');
    await page.getByLabel('Email address', { exact: true }).fill(email);
    await page.getByLabel('May edit the account information and security profile').check();
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByText(/Jordan Lee was added/).count()).toBe(1);
    await page.getByRole('button', { name: 'Disable Jordan Lee' }).click();
    await expect.poll(() => page.getByText('Jordan Lee was disabled.').count()).toBe(1);
    await page.getByRole('button', { name: 'Enable Jordan Lee' }).click();
    await expect.poll(() => page.getByText('Jordan Lee was re-enabled.').count()).toBe(1);

    await page.getByLabel('Full name', { exact: true }).fill('Sam Ortiz');
    await page.getByLabel('Email address', { exact: true }).fill(`sam-${other.companyId.slice(0, 8)}@example.com`);
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByText(/Sam Ortiz was added/).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove Sam Ortiz' }).click();
    await page.getByRole('button', { name: 'Confirm removal of Sam Ortiz' }).click();
    await expect.poll(() => page.getByText('Sam Ortiz was removed.').count()).toBe(1);
    await expect.poll(() => page.getByRole('region', { name: 'Users' }).getByText('Sam Ortiz').count()).toBe(0);

    await page.getByLabel('New primary POC').selectOption({ label: `Jordan Lee (${email})` });
    await page.getByRole('button', { name: 'Hand over primary POC' }).click();
    await page.getByRole('button', { name: 'Confirm hand-over to Jordan Lee' }).click();
    await settled('Dashboard');
    const nav = page.getByRole('navigation', { name: 'Portal' });
    await expect.poll(() => nav.getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the page views', () => {
  it('covers every participant page at both widths', () => {
    // POC: 14 pages + 3 states; user: 11 pages + 2 states (an alert acknowledged, the users page
    // refused) + a partner's view; removed company: 1.
    expect(checked.length).toBe(2 * (14 + 3 + 11 + 2 + 1 + 1));
  });
});
