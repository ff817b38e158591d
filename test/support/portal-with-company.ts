/**
 * What most e2e files start from: the local portal, a browser, and one company enrolled by a CBP
 * officer with its primary POC's account. Called at a file's top level; the fields are set before
 * the file's first test, and the browser and portal closed after its last.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startPortal } from './browser.ts';
import { enrollCompany, userWithRole } from './api.ts';
import type { Company } from '../../functions/schemas/company.ts';

export interface PortalWithCompany {
  portal: Awaited<ReturnType<typeof startPortal>>;
  browser: Browser;
  company: Company;
  /** The primary POC's account (its ID token signs API calls as the POC). */
  poc: { email: string; token: string; userId: string };
}

export const portalWithCompany = (legalName: string): PortalWithCompany => {
  const env = {} as PortalWithCompany;
  beforeAll(async () => {
    env.portal = await startPortal();
    env.browser = await launchBrowser();
    const officer = await userWithRole(env.portal.api, 'cbp-officer');
    env.company = await enrollCompany(env.portal.api, officer.token, { legalName });
    env.poc = await userWithRole(env.portal.api, 'primary-poc', env.company.companyId, env.company.pocEmail);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.portal?.close();
  });
  return env;
};
