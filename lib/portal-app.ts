import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { resolve } from 'node:path';
import { PortalStack } from './portal-stack.ts';
import type { StaffIdentityProvider } from './constructs/user-pool.ts';
import type { PortalDomainSettings } from './constructs/portal-domain.ts';

/** Context from cdk.json is an object; from `-c key=...` on the command line, a JSON string. */
const parseContextJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
import { WEB_DIST } from './local/paths.ts';

/**
 * The portal's own names from context (the README's deploy settings, decision 68): `domainName` with `certificateArn`
 * (us-east-1, for CloudFront), optionally `apiCertificateArn` (the stack's region, for the API at
 * `api.<domainName>`) and `hostedZoneId` with `hostedZoneName` (then the stack adds the DNS aliases).
 */
const domainSettings = (app: App): { domain?: PortalDomainSettings } => {
  const get = (key: string) => (app.node.tryGetContext(key) as string | undefined) || undefined;
  const [domainName, certificateArn, apiCertificateArn, hostedZoneId, hostedZoneName] = [
    'domainName',
    'certificateArn',
    'apiCertificateArn',
    'hostedZoneId',
    'hostedZoneName',
  ].map(get);
  if (!domainName) {
    const stray = [
      certificateArn && 'certificateArn',
      apiCertificateArn && 'apiCertificateArn',
      hostedZoneId && 'hostedZoneId',
    ];
    if (stray.some(Boolean)) throw new Error(`${stray.filter(Boolean).join(', ')} given without domainName`);
    return {};
  }
  if (!certificateArn)
    throw new Error(`domainName ${domainName} needs certificateArn: an ACM certificate in us-east-1 that covers it`);
  if (Boolean(hostedZoneId) !== Boolean(hostedZoneName))
    throw new Error('hostedZoneId and hostedZoneName go together: the zone of domainName, to add its DNS aliases');
  return {
    domain: {
      domainName,
      certificateArn,
      ...(apiCertificateArn ? { apiCertificateArn } : {}),
      ...(hostedZoneId && hostedZoneName ? { hostedZone: { id: hostedZoneId, name: hostedZoneName } } : {}),
    },
  };
};

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
    // Origins allowed besides the one the portal is served from (its custom domain, else CloudFront's).
    allowedOrigins: context('allowedOrigins', '').split(',').filter(Boolean),
    // The link in every email; without a setting, the portal's own address (custom domain, else CloudFront's).
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
    ...domainSettings(app),
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
