/**
 * A company's program status in the browser (issue 22 item 1, decision 92): the company's
 * dashboard says where it stands and what that means; CBP certifies it and suspends it with an
 * action plan on its record page, offered only the changes allowed; the companies list shows the
 * status; the suspended company reads the action plan on its dashboard and appeals; an administrator assigns
 * the company's specialist, whose worklist shows it. axe-core at both widths.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { axeBothWidths, newPage, signInAs, signInStaff } from '../support/browser.ts';
import { TEST_PASSWORD, userWithRole } from '../support/api.ts';
import { portalWithCompany } from '../support/portal-with-company.ts';

const env = portalWithCompany('Laredo Cross-Dock Imports');
const checked: string[] = [];
afterAll(() =>
  console.log(
    `[a11y] ${checked.length} page views checked with axe-core, 0 serious or critical:\n  ${checked.join('\n  ')}`,
  ),
);

const ACTION_PLAN = 'Verify every container seal at the cross-dock and send the training records.';

describe('program status', () => {
  it('shows an applicant its status, and CBP certifies then suspends it with an action plan, offered only what is allowed', async () => {
    const { company, poc, portal, browser } = env;
    const pocView = await newPage(browser);
    await signInAs(pocView.page, portal.webUrl, poc.email, TEST_PASSWORD);
    const card = pocView.page.locator('section.card').filter({ hasText: company.legalName });
    await expect.poll(() => card.locator('.badge--applicant').textContent()).toBe('Applicant');
    expect(await card.textContent()).toContain('under CBP review');
    expect(await card.textContent()).toContain('Not yet: CBP is reviewing your Security Profile');
    await axeBothWidths(pocView.page, 'dashboard of an applicant', checked);

    const admin = await userWithRole(portal.api, 'cbp-admin');
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/cbp/companies/${company.companyId}`);
    await page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    const change = page.getByLabel('Program status change');
    await change.waitFor();
    // An applicant can only be certified: the one choice, already chosen.
    expect(await change.locator('option').allTextContents()).toEqual(['Certify']);
    await page.getByLabel('Reason for the status change').fill('Security Profile reviewed and approved.');
    await page.getByRole('button', { name: 'Certify' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is now certified' }).count()).toBe(1);
    await expect.poll(() => page.locator('.badge--certified').count()).toBeGreaterThan(0);

    // Certified: validated or suspended. The action plan is asked for with a suspension only.
    expect(await change.locator('option').allTextContents()).toEqual([
      'Choose a change',
      'Record as validated',
      'Suspend benefits',
    ]);
    expect(await page.getByLabel('Action plan').count()).toBe(0);
    await change.selectOption('suspended');
    await page.getByLabel('Reason for the status change').fill('Seals not verified at the cross-dock.');
    await page.getByRole('button', { name: 'Suspend benefits' }).click();
    // Without the plan the API names the field, and the page puts it there.
    await expect.poll(() => page.getByLabel('Action plan').getAttribute('aria-invalid')).toBe('true');
    await axeBothWidths(page, 'company record, suspension without its action plan', checked);
    await page.getByLabel('Action plan').fill(ACTION_PLAN);
    await page.getByRole('button', { name: 'Suspend benefits' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is now suspended' }).count()).toBe(1);
    expect(await page.locator('dd', { hasText: ACTION_PLAN }).count()).toBe(1);
    // Suspended from certified: the suspension lifts back to certified, and to nothing else.
    expect(await change.locator('option').allTextContents()).toEqual(['Lift the suspension (back to certified)']);
    await axeBothWidths(page, 'company record of a suspended company', checked);

    // The companies list shows it suspended.
    await page.goto(`${portal.webUrl}/cbp/companies?q=${encodeURIComponent('Laredo Cross-Dock')}`);
    const row = page.getByRole('row').filter({ hasText: company.legalName });
    await expect.poll(() => row.locator('.badge--suspended').textContent()).toBe('Suspended');
    await axeBothWidths(page, 'companies list with a suspended company', checked);
    expect(errors).toEqual([]);
    await context.close();

    // The company reads the suspension and its action plan on its dashboard.
    await pocView.page.reload();
    const notice = pocView.page.getByRole('region', { name: 'Your C-TPAT benefits are suspended' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(ACTION_PLAN);
    expect(await card.locator('.badge--suspended').textContent()).toBe('Suspended');
    await axeBothWidths(pocView.page, 'dashboard of a suspended company', checked);
    // The primary POC appeals from the dashboard, within the window.
    expect(await notice.textContent()).toContain('may appeal until');
    await pocView.page.getByLabel('Your appeal').fill('Seal checks adopted at every dock; training records sent.');
    await pocView.page.getByRole('button', { name: 'Send appeal' }).click();
    await expect
      .poll(() => pocView.page.getByRole('status').filter({ hasText: 'Your appeal was sent to CBP' }).count())
      .toBe(1);
    await expect.poll(() => notice.textContent()).toContain('waiting for CBP’s decision');
    expect(await pocView.page.getByLabel('Your appeal').count()).toBe(0);
    expect(pocView.errors).toEqual([]);
    await pocView.context.close();
  });

  it('has an administrator assign the specialist, whose worklist then shows the company and what it needs', async () => {
    const { company, portal, browser } = env;
    const admin = await userWithRole(portal.api, 'cbp-admin');
    const officer = await userWithRole(portal.api, 'cbp-officer');
    const { context, page, errors } = await newPage(browser);
    await signInStaff(page, portal.webUrl, admin.email, TEST_PASSWORD);
    await page.goto(`${portal.webUrl}/cbp/companies/${company.companyId}`);
    await page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    const choice = page.getByLabel('Supply Chain Security Specialist');
    await expect.poll(() => choice.locator(`option[value="${officer.userId}"]`).count()).toBe(1);
    await choice.selectOption(officer.userId);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'is now the specialist of' }).count()).toBe(1);
    await axeBothWidths(page, 'company record with its specialist', checked);
    expect(errors).toEqual([]);
    await context.close();

    const mine = await newPage(browser);
    await signInStaff(mine.page, portal.webUrl, officer.email, TEST_PASSWORD);
    await mine.page.getByRole('link', { name: 'Worklist' }).click();
    await mine.page.getByRole('heading', { level: 1, name: 'My worklist' }).waitFor();
    const row = mine.page.getByRole('row').filter({ hasText: company.legalName });
    await row.waitFor();
    // Suspended in the test before: the action plan to follow up.
    expect(await row.locator('.badge--suspended').textContent()).toBe('Suspended');
    expect(await row.textContent()).toContain('Follow up the action plan');
    await axeBothWidths(mine.page, 'worklist', checked);
    await row.getByRole('link', { name: company.legalName }).click();
    await mine.page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    expect(mine.errors).toEqual([]);
    await mine.context.close();
  });
});
