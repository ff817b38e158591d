/**
 * Staff sign-in through CBP's identity provider, configured by context alone (issue 17 item 6,
 * docs/deploy.md): the provider on the staff pool, the pool's domain, and the staff client's
 * code flow with it; and a second factor required of primary POCs by the same means.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { createPortalApp } from '../../lib/portal-app.ts';
import type { PortalStack } from '../../lib/portal-stack.ts';
import { nagFindings } from '../support/nag.ts';
import { stubWebClient } from '../support/web-client.ts';

let app: App;
let template: Template;
let routeFunctions: Template;
let assemblyDir: string;

beforeAll(() => {
  app = createPortalApp(
    new App({
      context: {
        // Bundling is not what this test is about (portal-stack.test.ts synthesizes with it).
        'aws:cdk:bundling-stacks': [],
        webAssetsPath: stubWebClient(),
        // As `-c staffIdentityProvider='{...}'` on the command line gives it: a JSON string.
        staffIdentityProvider: JSON.stringify({
          type: 'oidc',
          name: 'CBP-SSO',
          issuerUrl: 'https://sso.cbp.example.gov',
          clientId: 'ctpat-portal',
          clientSecretName: 'ctpat/staff-idp-client-secret',
        }),
        staffSignInDomainPrefix: 'ctpat-staff-test',
        staffSignInCallbackUrls: 'https://portal.cbp.example.gov/sign-in',
        requirePocMfa: 'true',
      },
    }),
  );
  assemblyDir = app.synth().directory;
  const stack = app.node.findChild('CtpatPortal') as PortalStack;
  template = Template.fromStack(stack);
  routeFunctions = routeStacksTemplate(stack);
}, 240_000);

describe('staff federation from context', () => {
  it("puts CBP's identity provider on the staff pool only, its secret resolved from Secrets Manager at deploy", () => {
    const providers = Object.entries(template.findResources('AWS::Cognito::UserPoolIdentityProvider'));
    expect(providers).toHaveLength(1);
    const [, provider] = providers[0]!;
    expect(provider.Properties).toMatchObject({ ProviderName: 'CBP-SSO', ProviderType: 'OIDC' });
    expect(JSON.stringify(provider.Properties.UserPoolId)).toContain('StaffUsers');
    expect(provider.Properties.ProviderDetails.oidc_issuer).toBe('https://sso.cbp.example.gov');
    expect(JSON.stringify(provider.Properties.ProviderDetails.client_secret)).toContain(
      '{{resolve:secretsmanager:ctpat/staff-idp-client-secret',
    );
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'ctpat-staff-test' });
  });

  it("lets the staff client sign in through it with the code flow, back to the portal's sign-in page", () => {
    const clients = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'));
    const [, staff] = clients.find(([id]) => id.startsWith('StaffUsers'))!;
    expect(staff.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://portal.cbp.example.gov/sign-in'],
    });
    expect(staff.Properties.SupportedIdentityProviders).toEqual(['COGNITO', 'CBP-SSO']);
    const [, participants] = clients.find(([id]) => id.startsWith('Users'))!;
    expect(participants.Properties.SupportedIdentityProviders ?? []).not.toContain('CBP-SSO');
  });

  it('requires a second factor of primary POCs in every function that resolves a caller', () => {
    const functions = [template, routeFunctions].flatMap((t) =>
      Object.values(t.findResources('AWS::Lambda::Function')),
    );
    const routes = functions.filter((f) => String(f.Properties.Description).match(/^(GET|POST|PUT|PATCH|DELETE) \//));
    expect(routes.length).toBeGreaterThan(0);
    for (const fn of routes) expect(fn.Properties.Environment.Variables.REQUIRE_POC_MFA).toBe('true');
  });

  it('passes the cdk-nag packs with the provider and domain added', () => {
    expect(nagFindings(app, assemblyDir).violations).toEqual([]);
  });
});
