/**
 * A validation in the browser (issue 22 item 3, decision 96): CBP's report asks for a required
 * action; the company's primary POC answers it on the Validation page; CBP accepts it on the
 * company's record, which closes the validation and makes the certified company validated.
 * axe-core at both widths on the pages touched.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { axeBothWidths, newPage, signInAs, signInStaff } from '../support/browser.ts';
import { TEST_PASSWORD, userWithRole } from '../support/api.ts';
import { portalWithCompany } from '../support/portal-with-company.ts';
import { questionsFor } from '../../functions/definitions/criteria.ts';

const env = portalWithCompany('Rio Grande Validated Imports');
const checked: string[] = [];
afterAll(() =>
  console.log(
    `[a11y] ${checked.length} page views checked with axe-core, 0 serious or critical:\n  ${checked.join('\n  ')}`,
  ),
);

const FINDING = 'Container seals were not verified at the loading dock.';
const ANSWER = 'Seal verification adopted at every dock; the training log is in our message of today.';

describe('a validation', () => {
  it('has the company answer a required action on its Validation page, and CBP accept it on the record', async () => {
    const { company, poc, portal, browser } = env;
    const admin = await userWithRole(portal.api, 'cbp-admin');
    const call = async (path: string, token: string, body: object) => {
      const res = await portal.api.request('POST', path, { token, body });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    const pocToken = poc.token;
    await call(`/companies/${company.companyId}/program-status`, admin.token, {
      version: 1,
      to: 'certified',
      reason: 'Approved.',
    });
    const base = `/companies/${company.companyId}/validations`;
    const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    let v = await call(base, admin.token, { scheduledFor: soon(10), sites: ['Laredo cross-dock'] });
    v = await call(`${base}/${v.validationId}/date`, pocToken, { version: v.version, decision: 'confirm' });
    const [section] = questionsFor(company.category);
    await call(`${base}/${v.validationId}/report`, admin.token, {
      version: v.version,
      summary: 'Visited the cross-dock.',
      actions: [{ criterion: `${section!.id}.${section!.questions[0]!.id}`, finding: FINDING, dueOn: soon(40) }],
    });

    const mine = await newPage(browser);
    await signInAs(mine.page, portal.webUrl, poc.email, TEST_PASSWORD);
    await mine.page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Validation', exact: true })
      .click();
    await mine.page.getByRole('heading', { level: 1, name: 'Validation' }).waitFor();
    const action = mine.page.getByRole('listitem').filter({ hasText: FINDING });
    await action.waitFor();
    expect(await action.textContent()).toContain('Waiting for the company’s answer');
    await axeBothWidths(mine.page, 'validation with a required action', checked);
    await mine.page.getByLabel('Your answer to A1').fill(ANSWER);
    await mine.page.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => action.textContent()).toContain('Answered, waiting for CBP');
    expect(await action.textContent()).toContain(ANSWER);
    expect(await mine.page.getByLabel('Your answer to A1').count()).toBe(0);
    expect(mine.errors).toEqual([]);
    await mine.context.close();

    const cbp = await newPage(browser);
    await signInStaff(cbp.page, portal.webUrl, admin.email, TEST_PASSWORD);
    await cbp.page.goto(`${portal.webUrl}/cbp/companies/${company.companyId}#section-validations`);
    await cbp.page.getByRole('heading', { level: 1, name: company.legalName }).waitFor();
    const decision = cbp.page.getByLabel('Decision on A1');
    await decision.waitFor();
    await axeBothWidths(cbp.page, 'company record with an answer to review', checked);
    await decision.selectOption('accept');
    await cbp.page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => cbp.page.getByText('Accepted by CBP').count()).toBe(1);
    await cbp.page.reload();
    await expect.poll(() => cbp.page.locator('.badge--validated').count()).toBeGreaterThan(0);
    expect(cbp.errors).toEqual([]);
    await cbp.context.close();
  });
});
