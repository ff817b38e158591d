import { App, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { AwsSolutionsChecks, NIST80053R5Checks, ServerlessChecks } from 'cdk-nag';
import { createPortalApp } from '../../lib/portal-app.ts';
import { acknowledgeWebHosting } from '../../lib/nag-suppressions.ts';
import { PortalStack } from '../../lib/portal-stack.ts';
import { WebHosting } from '../../lib/constructs/web-hosting.ts';
import { contentSecurityPolicy, webSecurityHeaders } from '../../lib/web-headers.ts';
import { nagFindings } from '../support/nag.ts';
import { stubWebClient } from '../support/web-client.ts';

let app: App;
let stack: PortalStack;
let template: Template;
let routeFunctions: Template;
let assemblyDir: string;
/** Logical ids of the resources the assertions name. */
const ids = { distribution: '', bucket: '', logs: '', api: '', stage: '' };

beforeAll(() => {
  // Function bundling is not what these tests are about; skipping it keeps the synth quick.
  app = createPortalApp(
    new App({
      context: {
        webAssetsPath: stubWebClient(),
        allowedOrigins: 'https://portal.example.gov',
        'aws:cdk:bundling-stacks': [],
      },
    }),
  );
  assemblyDir = app.synth().directory;
  stack = app.node.findChild('CtpatPortal') as PortalStack;
  template = Template.fromStack(stack);
  routeFunctions = routeStacksTemplate(stack);
  const id = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as CfnElement);
  Object.assign(ids, {
    distribution: id(stack.web.distribution),
    bucket: id(stack.web.bucket),
    logs: id(stack.web.logs),
    api: id(stack.api.api),
    stage: stack.getLogicalId(stack.api.api.deploymentStage.node.defaultChild as CfnElement),
  });
}, 120_000);

/** A template value as text, with `<Ref>` and `<Id.Attribute>` for what CloudFormation fills in. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Ref']) return `<${v['Ref']}>`;
  if (v['Fn::GetAtt']) return `<${[v['Fn::GetAtt']].flat().join('.')}>`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(text).join(v['Fn::Join'][0]);
  throw new Error(`Unexpected template value ${JSON.stringify(value)}`);
};

const only = <T>(resources: Record<string, T>): T => {
  const values = Object.values(resources);
  expect(values).toHaveLength(1);
  return values[0]!;
};

const distributionConfig = () =>
  only(template.findResources('AWS::CloudFront::Distribution')).Properties.DistributionConfig;
const apiOrigin = () => `https://<${ids.api}>.execute-api.us-east-1.<AWS::URLSuffix>`;
const portalUrl = () => `https://<${ids.distribution}.DomainName>`;

describe('web bucket', () => {
  it('is private, encrypted, versioned and logs its access to the log bucket', () => {
    const blockAll = {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    };
    template.hasResource('AWS::S3::Bucket', {
      Properties: {
        PublicAccessBlockConfiguration: blockAll,
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: ids.logs }, LogFilePrefix: 'web-bucket/' },
      },
      DeletionPolicy: 'Retain',
    });
    // The log bucket too, with ACLs kept only because CloudFront delivers its logs by ACL grant.
    expect(template.toJSON().Resources[ids.logs]).toMatchObject({
      Properties: {
        PublicAccessBlockConfiguration: blockAll,
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('refuses requests without TLS, and lets only CloudFront read it, for this distribution only', () => {
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find(
      (p) => p.Properties.Bucket.Ref === ids.bucket,
    );
    const statements = policy!.Properties.PolicyDocument.Statement as Record<string, any>[];
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(text(allows[0]!.Condition.StringEquals['AWS:SourceArn'])).toBe(
      `arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<${ids.distribution}>`,
    );
  });
});

describe('distribution', () => {
  it('reads the bucket through Origin Access Control, redirects to HTTPS and serves HTTP/2 and 3 with index.html at the root', () => {
    const config = distributionConfig();
    expect(config.Origins).toHaveLength(1);
    const oac = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl'));
    expect(config.Origins[0]).toMatchObject({
      S3OriginConfig: { OriginAccessIdentity: '' },
      OriginAccessControlId: { 'Fn::GetAtt': [oac[0], 'Id'] },
    });
    expect(text(config.Origins[0].DomainName)).toBe(`<${ids.bucket}.RegionalDomainName>`);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD'],
    });
    expect(config).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3' });
  });

  it('answers client routes with index.html; the API is not behind it, so API errors are never replaced', () => {
    const config = distributionConfig();
    expect(config.CustomErrorResponses).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/index.html',
        ErrorCachingMinTTL: 0,
      })),
    );
    // One origin, the bucket: error responses apply per distribution, so an API behind it would get them too.
    expect(config.Origins.map((o: Record<string, unknown>) => text(o['DomainName']))).toEqual([
      `<${ids.bucket}.RegionalDomainName>`,
    ]);
    expect(config.CacheBehaviors).toBeUndefined();
  });

  it('logs requests to the log bucket', () => {
    expect(distributionConfig().Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [ids.logs, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
  });

  it('requires TLS 1.2 of viewers and is reached by its own name when given a custom domain and certificate', () => {
    const custom = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'CustomDomain', {
      env: { region: 'us-east-1' },
    });
    const certificate = acm.Certificate.fromCertificateArn(
      custom,
      'Certificate',
      'arn:aws:acm:us-east-1:111111111111:certificate/example',
    );
    const props = {
      assetsPath: stubWebClient(),
      apiOrigin: 'https://api.example.gov',
      apiUrl: 'https://api.example.gov/v1/',
    };
    const web = new WebHosting(custom, 'Web', { ...props, domainNames: ['portal.example.gov'], certificate });
    expect(web.url).toBe('https://portal.example.gov');
    expect(web.hasCustomCertificate).toBe(true);
    Template.fromStack(custom).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['portal.example.gov'],
        ViewerCertificate: {
          AcmCertificateArn: certificate.certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
    expect(() => new WebHosting(custom, 'NoCertificate', { ...props, domainNames: ['portal.example.gov'] })).toThrow(
      /certificate/,
    );
  });

  it('is the link in the emails when no portalUrl is set (the email sender runs in the main stack)', () => {
    const urls = Object.values(template.findResources('AWS::Lambda::Function'))
      .map((fn) => fn.Properties.Environment?.Variables?.PORTAL_URL)
      .filter(Boolean);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(text(url)).toBe(portalUrl());
  });

  it('is published as the PortalUrl output', () => {
    expect(text(template.findOutputs('PortalUrl')['PortalUrl']!.Value)).toBe(portalUrl());
  });
});

describe('response headers', () => {
  const headersConfig = () => {
    const policy = only(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({
      Ref: Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0],
    });
    return policy.Properties.ResponseHeadersPolicyConfig;
  };

  it('carry the CSP of lib/web-headers.ts, letting the pages connect to the API and be framed by no one', () => {
    const csp = text(headersConfig().SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toBe(contentSecurityPolicy(apiOrigin()));
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ${apiOrigin()}`);
  });

  it('are the headers the local web server sends, HSTS, nosniff, DENY and the referrer policy included', () => {
    const { SecurityHeadersConfig: security, CustomHeadersConfig: custom } = headersConfig();
    expect(security.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Preload: true,
      Override: true,
    });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
    // Rendered back as header lines, CloudFront's policy is exactly lib/web-headers.ts.
    const sts = security.StrictTransportSecurity;
    const rendered: Record<string, string> = {
      'content-security-policy': text(security.ContentSecurityPolicy.ContentSecurityPolicy),
      'strict-transport-security': [
        `max-age=${sts.AccessControlMaxAgeSec}`,
        ...(sts.IncludeSubdomains ? ['includeSubDomains'] : []),
        ...(sts.Preload ? ['preload'] : []),
      ].join('; '),
      'x-content-type-options': 'nosniff',
      'x-frame-options': security.FrameOptions.FrameOption,
      'referrer-policy': security.ReferrerPolicy.ReferrerPolicy,
      ...Object.fromEntries((custom.Items as { Header: string; Value: string }[]).map((h) => [h.Header, h.Value])),
    };
    expect(rendered).toEqual(webSecurityHeaders(apiOrigin()));
  });
});

describe('client deployment', () => {
  const deployments = () =>
    Object.values(template.findResources('Custom::CDKBucketDeployment')).map(
      (d) => d.Properties as Record<string, any>,
    );
  const entry = () => deployments().find((d) => d['Include'])!;
  const assets = () => deployments().find((d) => !d['Include'])!;

  it('writes config.json with the API stage URL, and never caches it, index.html, the API reference or robots.txt without asking', () => {
    expect(entry()).toMatchObject({
      Include: ['index.html', 'config.json', 'api-reference.html', 'robots.txt'],
      Exclude: ['*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    const keys = entry()['SourceObjectKeys'] as string[];
    const markers = entry()['SourceMarkers'] as Record<string, unknown>[];
    const configIndex = markers.findIndex((m) => Object.keys(m).length > 0);
    const asset = join(assemblyDir, `asset.${keys[configIndex]!.replace(/\.zip$/, '')}`, 'config.json');
    let config = readFileSync(asset, 'utf8');
    for (const [marker, value] of Object.entries(markers[configIndex]!))
      config = config.replaceAll(marker, text(value));
    expect(JSON.parse(config)).toEqual({ apiUrl: `${apiOrigin()}/<${ids.stage}>/` });
  });

  it('invalidates only the entry files (index.html, config.json, the API reference), after the hashed assets are in place', () => {
    expect(entry()).toMatchObject({
      DistributionId: { Ref: ids.distribution },
      DistributionPaths: ['/index.html', '/config.json', '/api-reference.html', '/robots.txt'],
    });
    expect(assets()['DistributionId']).toBeUndefined();
    const entryId = Object.entries(template.findResources('Custom::CDKBucketDeployment')).find(
      ([, d]) => d.Properties.Include,
    )![0];
    const assetsId = Object.entries(template.findResources('Custom::CDKBucketDeployment')).find(
      ([, d]) => !d.Properties.Include,
    )![0];
    expect(template.toJSON().Resources[entryId].DependsOn).toContain(assetsId);
  });

  it('caches the hashed assets for a year and keeps old ones for pages already open', () => {
    expect(assets()).toMatchObject({
      Exclude: ['index.html', 'config.json', 'api-reference.html', 'robots.txt'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
  });

  it('lets the deployment function invalidate this distribution only', () => {
    const invalidations = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[])
      .filter((s) => [s.Action].flat().some((a: string) => a.startsWith('cloudfront:')));
    expect(invalidations).toHaveLength(1);
    expect(text(invalidations[0]!.Resource)).toBe(
      `arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<${ids.distribution}>`,
    );
  });

  it('refuses to synthesize without a built client, and says how to build it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'ctpat-no-web-'));
    const props = {
      senderAddress: 'a@example.gov',
      allowedOrigins: [],
      portalUrl: 'https://portal.example.gov',
      programEmail: 'p@example.gov',
      webAssetsPath: empty,
    };
    expect(() => new PortalStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'NoWeb', props)).toThrow(
      /npm run build:web/,
    );
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('CORS', () => {
  it('allows the CloudFront origin first, then the configured ones, in the API and in every function', () => {
    const preflights = Object.values(template.findResources('AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod === 'OPTIONS',
    );
    expect(preflights.length).toBeGreaterThan(0);
    for (const method of preflights) {
      const [response] = method.Properties.Integration.IntegrationResponses;
      expect(text(response.ResponseParameters['method.response.header.Access-Control-Allow-Origin'])).toBe(
        `'${portalUrl()}'`,
      );
      expect(response.ResponseTemplates['application/json']).toContain('"https://portal.example.gov"');
    }
    for (const response of Object.values(template.findResources('AWS::ApiGateway::GatewayResponse'))) {
      expect(text(response.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin'])).toBe(
        `'${portalUrl()}'`,
      );
    }
    const functions = [template, routeFunctions]
      .flatMap((t) => Object.values(t.findResources('AWS::Lambda::Function')))
      .filter((f) => f.Properties.Runtime === 'nodejs22.x');
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const origins = text(fn.Properties.Environment.Variables.ALLOWED_ORIGINS).split(',');
      expect(origins[0]).toMatch(/^https:\/\/<.*DomainName>$/);
      expect(origins.slice(1)).toEqual(['https://portal.example.gov']);
    }
  });
});

describe('cdk-nag', () => {
  it('reports no unacknowledged finding, and acknowledges the hosting findings on their own constructs with their own reasons', () => {
    const { packs, violations, acknowledgements } = nagFindings(app, assemblyDir);
    for (const pack of ['AwsSolutions', 'Serverless', 'NIST']) expect(packs).toContain(pack);
    expect(violations).toEqual([]);
    const hosting = acknowledgements.filter(
      (a) => a.path.startsWith('CtpatPortal/Web/') || a.path.startsWith('CtpatPortal/Custom::CDKBucketDeployment'),
    );
    expect(hosting.length).toBeGreaterThan(0);
    for (const ack of hosting) expect(ack.reason.length, ack.id).toBeGreaterThan(60);
    expect(new Set(hosting.map((a) => a.reason)).size).toBe(hosting.length);
    console.log(
      `[cdk-nag] web hosting: 0 unacknowledged findings; ${hosting.length} acknowledgements on its constructs and the BucketDeployment function, each with its own reason`,
    );
  });

  it("needs none of the stack-wide acknowledgements, which were written for the portal's own functions", () => {
    const alone = new App({ outdir: mkdtempSync(join(tmpdir(), 'ctpat-web-nag-')) });
    const stack = new Stack(alone, 'WebOnly', { env: { region: 'us-east-1' } });
    const web = new WebHosting(stack, 'Web', {
      assetsPath: stubWebClient(),
      apiOrigin: 'https://api.example.gov',
      apiUrl: 'https://api.example.gov/v1/',
    });
    acknowledgeWebHosting(stack, web);
    Validations.of(alone).addPlugins(
      new AwsSolutionsChecks(alone),
      new ServerlessChecks(alone),
      new NIST80053R5Checks(alone),
    );
    const outdir = alone.synth().directory;
    const { violations } = nagFindings(alone, outdir);
    rmSync(outdir, { recursive: true, force: true });
    expect(violations).toEqual([]);
  });
});
