import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { resolve } from 'node:path';
import { PortalStack } from './portal-stack.ts';
import type { StaffIdentityProvider } from './constructs/user-pool.ts';

/** Context from cdk.json is an object; from `-c key=...` on the command line, a JSON string. */
const parseContextJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
import { WEB_DIST } from './local/paths.ts';

/**
 * Adds the portal stack and the cdk-nag rule packs (AwsSolutions, Serverless, NIST 800-53 rev 5) to an app; shared by `bin/app.ts` and the
 * CDK tests so both check exactly what is deployed. Settings come from cdk.json's context.
 */
export const createPortalApp = (app: App): App => {
  const context = (key: string, fallback: string): string =>
    (app.node.tryGetContext(key) as string | undefined) ?? fallback;
  new PortalStack(app, 'CtpatPortal', {
    description: 'C-TPAT Communications Portal',
    senderAddress: context('senderAddress', 'no-reply@ctpat.example.gov'),
    senderDomain: app.node.tryGetContext('senderDomain') as string | undefined,
    // Origins allowed besides the CloudFront URL the portal is served from (a custom domain, say).
    allowedOrigins: context('allowedOrigins', '').split(',').filter(Boolean),
    // The link in every email; without a setting, the CloudFront URL the portal is served from.
    portalUrl: app.node.tryGetContext('portalUrl') as string | undefined,
    programEmail: context('programEmail', 'ctpat-program@cbp.example.gov'),
    // Staff sign-in through CBP's identity provider: set both (docs/deploy.md); absent, staff use
    // the portal's sign-in with the staff pool's required authenticator app.
    ...(app.node.tryGetContext('staffIdentityProvider')
      ? {
          staffFederation: {
            provider: parseContextJson(app.node.tryGetContext('staffIdentityProvider')) as StaffIdentityProvider,
            domainPrefix: context('staffSignInDomainPrefix', 'ctpat-portal-staff'),
            callbackUrls: context('staffSignInCallbackUrls', '').split(',').filter(Boolean),
          },
        }
      : {}),
    requirePocMfa: context('requirePocMfa', 'false') === 'true',
    // The built client; tests point this at a small stand-in instead of a Vite build.
    webAssetsPath: resolve(context('webAssetsPath', WEB_DIST)),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' },
  });
  // AwsSolutions and Serverless, and NIST 800-53 rev 5 because CBP is a federal agency.
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
    new NIST80053R5Checks(app, { verbose: true }),
  );
  return app;
};
