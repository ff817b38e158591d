/**
 * A password reset completed in the browser (issue 16): the person asks on the "Reset your
 * password" page, reads the code in the mail inbox (sent by Cognito's custom email sender, the
 * AWS code path, through the local stand-ins), enters it with a new password and signs in with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, signInAs, startPortal } from '../support/browser.ts';
import { enrollCompany, userWithRole } from '../support/api.ts';
import { mailTo } from '../support/mail.ts';

let portal: Awaited<ReturnType<typeof startPortal>>;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

describe('forgot password, in the web portal', () => {
  it('sets a new password with the code from the mail inbox, and the new password signs in', async () => {
    const admin = await userWithRole(portal.api, 'cbp-admin');
    const user = await userWithRole(
      portal.api,
      'company-user',
      (await enrollCompany(portal.api, admin.token)).companyId,
    );
    const { page, errors } = await newPage(browser);
    // Every content-security-policy violation the page reports (zod checking whether it may compile code is one).
    await page.addInitScript(
      "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') sent.push(new URL(r.url()).pathname);
    });
    await page.goto(`${portal.webUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The form checks what it sends with the API's own schema, in the page's words, before any request.
    await page.getByLabel('Email').fill('not an address');
    await page.getByRole('button', { name: 'Send reset code' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toMatch(/Email: /);
    expect(sent).toEqual([]);
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset code' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('a reset code is on its way');

    let code: string | undefined;
    await expect
      .poll(
        async () =>
          (code = /Your reset code is (\d{6})/.exec(
            (await mailTo(user.email)).find((m) => m.subject === 'Your C-TPAT Portal password reset code')?.body.text ??
              '',
          )?.[1]),
        { timeout: 15_000 },
      )
      .toBeDefined();
    const chosen = 'a brand new passphrase for 2006';
    await page.getByLabel('Reset code').fill(code!);
    await page.getByLabel('New password').fill('too short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect.poll(() => summary.textContent()).toContain('New password: must be at least 15 characters');
    // The field says it too, tied to the input, and the summary has the focus.
    const described = ((await page.getByLabel('New password').getAttribute('aria-describedby')) ?? '').split(' ');
    const texts = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(texts.join(' ')).toContain('must be at least 15 characters');
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('alert');
    expect(sent.filter((path) => path.endsWith('/confirm-forgot-password'))).toEqual([]);
    const before = sent.length;
    await page.getByLabel('New password').fill(chosen);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('link', { name: 'Sign in with your new password' }).click();
    expect(sent.length).toBe(before + 1);
    expect(await page.evaluate('window.__violations')).toEqual([]);
    await signInAs(page, portal.webUrl, user.email, chosen);
    expect(errors).toEqual([]);
  });
});
