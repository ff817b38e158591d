/**
 * `npm run smoke` (issue 19, item 4) against the local stack, as an operator runs it against a
 * deployment: the command itself, in its own process, over HTTP. It passes against the portal
 * `npm start` serves, and fails, naming the step, where a deployment is wrong.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../lib/local/paths.ts';
import { startPortal } from '../support/browser.ts';
import { enrollCompany, TEST_PASSWORD, userWithRole } from '../support/api.ts';
import { auditRecordsOf } from '../support/table.ts';

const run = promisify(execFile);
let portal: Awaited<ReturnType<typeof startPortal>>;
let user: { email: string };
let companyId: string;

beforeAll(async () => {
  portal = await startPortal();
  const officer = await userWithRole(portal.api, 'cbp-officer');
  companyId = (await enrollCompany(portal.api, officer.token)).companyId;
  user = await userWithRole(portal.api, 'company-user', companyId);
});
afterAll(() => portal.close());

/** Runs the command as `npm run smoke` does; resolves with its exit code and output. */
const smoke = (args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', 'bin/smoke.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, SMOKE_PASSWORD: '', ...env },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: `${error.stdout}${error.stderr}`,
    }),
  );

const okLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('[smoke] ok'));

describe('npm run smoke against the local stack', () => {
  it("walks every step with a smoke account: health, API document, CORS, the page's headers and config, sign-in, own company, sign-out", async () => {
    const auditBefore = await auditRecordsOf(companyId);
    const { code, stdout } = await smoke(['--api', portal.api.url, '--web', portal.webUrl, '--email', user.email], {
      SMOKE_PASSWORD: TEST_PASSWORD,
    });
    expect(stdout).toMatch(/\[smoke\] passed: 9 steps/);
    expect(code).toBe(0);
    expect(okLines(stdout).map((line) => line.replace(/^\[smoke\] ok\s+/, '').replace(/ \(\d+ ms\).*/, ''))).toEqual([
      'API liveness (GET /health)',
      'API description (GET /openapi.json)',
      'API answers the web portal across origins (CORS)',
      'web portal page and its security headers',
      'web portal configuration (GET /config.json)',
      "smoke account's sign-in",
      'who am I (GET /me)',
      'own company (GET /companies/{id})',
      'sign-out (POST /auth/logout)',
    ]);
    expect(stdout).toContain(`company-user of company ${companyId}`);
    // Non-destructive: nothing of the company's changed, so its audit trail has nothing new.
    expect(await auditRecordsOf(companyId)).toEqual(auditBefore);
  });

  it('without a smoke account it runs the public steps and says the signed-in ones were skipped', async () => {
    const { code, stdout } = await smoke(['--api', portal.api.url, '--web', portal.webUrl]);
    expect(code).toBe(0);
    expect(okLines(stdout)).toHaveLength(6);
    expect(stdout).toContain('skipped: no smoke account given');
  });

  it('fails, naming the step, when the sign-in is refused', async () => {
    const { code, stdout } = await smoke(['--api', portal.api.url, '--web', portal.webUrl, '--email', user.email], {
      SMOKE_PASSWORD: 'not the password at all 2006',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL smoke account's sign-in .*answered 401/);
    expect(stdout).toMatch(/FAILED: 1 of 6 steps/);
  });

  describe('against a web host without the security headers or the right API', () => {
    let bare: Server;
    let bareUrl: string;
    beforeAll(async () => {
      bare = createServer((req, res) => {
        if (req.url === '/config.json') {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"apiUrl":"https://elsewhere.example"}');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><script type="module" src="/a.js"></script>');
      });
      await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
      bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => bare.close(() => resolve())));

    it("fails the page's and the config's steps and the API's CORS step, and still runs the rest", async () => {
      const { code, stdout } = await smoke(['--api', portal.api.url, '--web', bareUrl]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/FAIL web portal page and its security headers .*no Content-Security-Policy header/);
      expect(stdout).toMatch(/FAIL web portal configuration .*names the API https:\/\/elsewhere.example/);
      expect(stdout).toMatch(/FAIL API answers the web portal across origins .*Access-Control-Allow-Origin is absent/);
      expect(stdout).toMatch(/ok {3}API liveness/);
      expect(stdout).toMatch(/FAILED: 3 of 6 steps/);
    });
  });

  it('refuses to run without the URLs it needs, and a smoke account without its password', async () => {
    const missing = await smoke(['--web', portal.webUrl]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('--api is required');
    const noPassword = await smoke(['--api', portal.api.url, '--web', portal.webUrl, '--email', user.email]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stdout).toContain('SMOKE_PASSWORD');
  });
});
