/**
 * Issue 19 items 2 and 3 in the template: the exports bucket and who may reach it, and the portal's
 * names, synthesized twice: with AWS's names (the default) and with a custom domain from context.
 */
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { createPortalApp } from '../../lib/portal-app.ts';
import { checkDomainSettings } from '../../lib/constructs/portal-domain.ts';
import type { PortalStack } from '../../lib/portal-stack.ts';
import { nagFindings } from '../support/nag.ts';
import { stubWebClient } from '../support/web-client.ts';

const DOMAIN = {
  domainName: 'portal.ctpat.example.gov',
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/web-portal',
  apiCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/api',
  hostedZoneId: 'Z0EXAMPLE12345',
  hostedZoneName: 'ctpat.example.gov',
};
const PORTAL = 'https://portal.ctpat.example.gov';
const API = 'https://api.portal.ctpat.example.gov';

interface Synth {
  readonly app: App;
  readonly stack: PortalStack;
  readonly template: Template;
  readonly routeFunctions: Template;
  readonly assemblyDir: string;
}

const synth = (context: Record<string, string>): Synth => {
  // Function bundling is not what these tests are about; skipping it keeps the synth quick.
  const app = createPortalApp(
    new App({ context: { webAssetsPath: stubWebClient(), 'aws:cdk:bundling-stacks': [], ...context } }),
  );
  const assemblyDir = app.synth().directory;
  const stack = app.node.findChild('CtpatPortal') as PortalStack;
  return {
    app,
    stack,
    template: Template.fromStack(stack),
    routeFunctions: routeStacksTemplate(stack),
    assemblyDir,
  };
};

let plain: Synth;
let named: Synth;
beforeAll(() => {
  plain = synth({});
  named = synth(DOMAIN);
}, 300_000);

const idOf = (s: Synth, construct: { node: { defaultChild?: unknown } }) =>
  s.stack.getLogicalId(construct.node.defaultChild as CfnElement);

type Resource = { Properties: Record<string, any>; DependsOn?: string[] };
const resources = (s: Synth, type: string): [string, Resource][] =>
  [s.template, s.routeFunctions].flatMap((t) => Object.entries(t.findResources(type))) as [string, Resource][];
const only = <T>(entries: [string, T][]): T => {
  expect(entries).toHaveLength(1);
  return entries[0]![1];
};

/** What the main stack passes for one of the nested stacks' `referenceto...` parameters (the same to each that has it). */
const parameter = (s: Synth, name: string): unknown => {
  const given = resources(s, 'AWS::CloudFormation::Stack')
    .map(([, nested]) => nested.Properties.Parameters?.[name])
    .filter((value) => value !== undefined)
    .map((value) => JSON.stringify(value));
  expect(new Set(given).size, name).toBe(1);
  return JSON.parse(given[0]!);
};
/** A nested-stack value with its parameters replaced by what the main stack gives them. */
const inMainStack = (s: Synth, value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, v) =>
    v && typeof v === 'object' && typeof v.Ref === 'string' && v.Ref.startsWith('referenceto')
      ? parameter(s, v.Ref)
      : v,
  );

/** A template value as text, with `<Ref>` and `<Id.Attribute>` for what CloudFormation fills in. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Ref']) return `<${v['Ref']}>`;
  if (v['Fn::GetAtt']) return `<${[v['Fn::GetAtt']].flat().join('.')}>`;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(text).join(v['Fn::Join'][0]);
  throw new Error(`Unexpected template value ${JSON.stringify(value)}`);
};

/** The portal's own functions (not CDK's helpers), each with its environment. */
const portalFunctions = (s: Synth) =>
  resources(s, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Runtime === 'nodejs22.x');
const exportFunction = (s: Synth): [string, Resource] => {
  const found = portalFunctions(s).filter(([, f]) =>
    String(f.Properties.Description).startsWith('GET /companies/{companyId}/export:'),
  );
  expect(found).toHaveLength(1);
  return found[0]!;
};

const distributionConfig = (s: Synth) =>
  only(resources(s, 'AWS::CloudFront::Distribution')).Properties.DistributionConfig;

/** The web portal's config.json as deployed (its apiUrl tells the pages where the API is). */
const webConfig = (s: Synth): Record<string, unknown> => {
  const entry = only(
    resources(s, 'Custom::CDKBucketDeployment').filter(([, d]) => d.Properties['Include']?.includes('config.json')),
  ).Properties;
  const keys = entry['SourceObjectKeys'] as string[];
  const markers = (entry['SourceMarkers'] ?? []) as Record<string, unknown>[];
  const found = keys
    .map((k, i) => ({ file: join(s.assemblyDir, `asset.${k.replace(/\.zip$/, '')}`, 'config.json'), i }))
    .filter(({ file }) => existsSync(file));
  expect(found).toHaveLength(1);
  let config = readFileSync(found[0]!.file, 'utf8');
  for (const [marker, value] of Object.entries(markers[found[0]!.i] ?? {}))
    config = config.replaceAll(marker, text(value));
  return JSON.parse(config);
};

describe('exports bucket', () => {
  it('is private, SSE-KMS with its own rotated key, SSL only, and expires files and dead uploads after a day', () => {
    const { template, stack } = plain;
    const [bucket, key, logs] = [stack.exports.bucket, stack.exports.key, stack.exports.logs].map((c) =>
      idOf(plain, c),
    );
    expect(template.toJSON().Resources[bucket!]).toMatchObject({
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              ServerSideEncryptionByDefault: {
                SSEAlgorithm: 'aws:kms',
                KMSMasterKeyID: { 'Fn::GetAtt': [key, 'Arn'] },
              },
              BucketKeyEnabled: true,
            },
          ],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: logs }, LogFilePrefix: 'exports/' },
        LifecycleConfiguration: {
          Rules: [
            { Status: 'Enabled', ExpirationInDays: 1, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
          ],
        },
      },
      DeletionPolicy: 'Retain',
    });
    expect(template.toJSON().Resources[key!].Properties).toMatchObject({ EnableKeyRotation: true });
    const policy = only(
      resources(plain, 'AWS::S3::BucketPolicy').filter(([, p]) => p.Properties.Bucket.Ref === bucket),
    );
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
  });

  it('is reached by the export function alone: its objects and its key, the three S3 actions and two KMS ones', () => {
    const bucket = idOf(plain, plain.stack.exports.bucket);
    const key = idOf(plain, plain.stack.exports.key);
    const [functionId, fn] = exportFunction(plain);
    expect(inMainStack(plain, fn.Properties.Environment.Variables.EXPORTS_BUCKET)).toEqual({ Ref: bucket });
    for (const [id, f] of portalFunctions(plain))
      if (id !== functionId) expect(f.Properties.Environment?.Variables ?? {}, id).not.toHaveProperty('EXPORTS_BUCKET');

    const roleOf = (f: Resource) => (f.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const touching = resources(plain, 'AWS::IAM::Policy').filter(([, p]) => {
      const json = JSON.stringify(inMainStack(plain, p.Properties.PolicyDocument));
      return json.includes(`"${bucket}"`) || json.includes(`"${key}"`) || json.includes('"s3:GetObject"');
    });
    expect(touching.map(([, p]) => p.Properties.Roles)).toEqual([[{ Ref: roleOf(fn) }]]);
    const statements = (
      inMainStack(plain, touching[0]![1].Properties.PolicyDocument) as { Statement: Record<string, any>[] }
    ).Statement;
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject'],
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/*']] },
    });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: { 'Fn::GetAtt': [key, 'Arn'] },
    });
    const s3OrKms = statements.filter((s) => [s.Action].flat().some((a: string) => /^(s3|kms):/.test(a)));
    expect(s3OrKms).toHaveLength(2);
  });
});

describe('without domainName (the default)', () => {
  it("uses AWS's names: no API domain, no DNS records, CloudFront's own name and certificate", () => {
    for (const type of ['AWS::ApiGateway::DomainName', 'AWS::ApiGateway::BasePathMapping', 'AWS::Route53::RecordSet'])
      expect(resources(plain, type), type).toEqual([]);
    const config = distributionConfig(plain);
    expect(config.Aliases).toBeUndefined();
    expect(config.ViewerCertificate).toBeUndefined();
    expect(plain.stack.resolve(plain.stack.apiUrl)).toEqual(plain.stack.resolve(plain.stack.api.api.url));
  });

  it("links the emails to, and allows CORS from, CloudFront's name", () => {
    const cloudFront = `https://<${idOf(plain, plain.stack.web.distribution)}.DomainName>`;
    expect(text(plain.template.findOutputs('PortalUrl')['PortalUrl']!.Value)).toBe(cloudFront);
    for (const [id, fn] of portalFunctions(plain)) {
      const env = fn.Properties.Environment.Variables;
      expect(text(inMainStack(plain, env.ALLOWED_ORIGINS)).split(',')[0], id).toBe(cloudFront);
      if (env.PORTAL_URL) expect(text(inMainStack(plain, env.PORTAL_URL)), id).toBe(cloudFront);
    }
  });
});

describe('with domainName, certificateArn and a hosted zone', () => {
  it('gives CloudFront the name, with the us-east-1 certificate and TLS 1.2', () => {
    expect(distributionConfig(named)).toMatchObject({
      Aliases: [DOMAIN.domainName],
      ViewerCertificate: {
        AcmCertificateArn: DOMAIN.certificateArn,
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      },
    });
    expect(named.template.findOutputs('PortalUrl')['PortalUrl']!.Value).toBe(PORTAL);
    expect(named.template.findOutputs('ApiUrl')['ApiUrl']!.Value).toBe(`https://api.${DOMAIN.domainName}/`);
  });

  it('gives the API api.<domainName>: regional, TLS 1.2, its own certificate, the stage at the root', () => {
    const domains = resources(named, 'AWS::ApiGateway::DomainName');
    expect(domains).toHaveLength(1);
    const [domainId, domain] = domains[0]!;
    expect(domain.Properties).toEqual({
      DomainName: 'api.portal.ctpat.example.gov',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      RegionalCertificateArn: DOMAIN.apiCertificateArn,
      SecurityPolicy: 'TLS_1_2',
    });
    const mapping = only(resources(named, 'AWS::ApiGateway::BasePathMapping'));
    expect(mapping.Properties).toEqual({
      DomainName: { Ref: domainId },
      RestApiId: { Ref: idOf(named, named.stack.api.api) },
      Stage: { Ref: named.stack.getLogicalId(named.stack.api.api.deploymentStage.node.defaultChild as CfnElement) },
    });
    expect(named.stack.apiUrl).toBe(`${API}/`);
  });

  it('adds the aliases to the zone: the portal (A and AAAA) to CloudFront, the API (A) to its regional name', () => {
    const records = resources(named, 'AWS::Route53::RecordSet').map(([, r]) => r.Properties);
    const distribution = idOf(named, named.stack.web.distribution);
    const apiDomain = resources(named, 'AWS::ApiGateway::DomainName')[0]![0];
    expect(records.map((r) => `${r.Type} ${r.Name}`).sort()).toEqual([
      'A api.portal.ctpat.example.gov.',
      'A portal.ctpat.example.gov.',
      'AAAA portal.ctpat.example.gov.',
    ]);
    for (const r of records) expect(r.HostedZoneId).toBe(DOMAIN.hostedZoneId);
    for (const r of records.filter((r) => r.Name === 'portal.ctpat.example.gov.'))
      expect(r.AliasTarget.DNSName).toEqual({ 'Fn::GetAtt': [distribution, 'DomainName'] });
    expect(records.find((r) => r.Name.startsWith('api.'))!.AliasTarget).toEqual({
      DNSName: { 'Fn::GetAtt': [apiDomain, 'RegionalDomainName'] },
      HostedZoneId: { 'Fn::GetAtt': [apiDomain, 'RegionalHostedZoneId'] },
    });
  });

  it('links the emails to the portal by its name and allows CORS from it, in every function and the API', () => {
    const functions = portalFunctions(named);
    expect(functions.filter(([, f]) => f.Properties.Environment.Variables.PORTAL_URL).length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      const env = fn.Properties.Environment.Variables;
      expect(text(inMainStack(named, env.ALLOWED_ORIGINS)), id).toBe(PORTAL);
      if (env.PORTAL_URL) expect(env.PORTAL_URL, id).toBe(PORTAL);
    }
    const preflights = resources(named, 'AWS::ApiGateway::Method').filter(
      ([, m]) => m.Properties.HttpMethod === 'OPTIONS',
    );
    expect(preflights.length).toBeGreaterThan(0);
    for (const [, method] of preflights) {
      const [response] = method.Properties.Integration.IntegrationResponses;
      expect(response.ResponseParameters['method.response.header.Access-Control-Allow-Origin']).toBe(`'${PORTAL}'`);
    }
    const gatewayResponses = resources(named, 'AWS::ApiGateway::GatewayResponse');
    expect(gatewayResponses.length).toBeGreaterThan(0);
    for (const [, r] of gatewayResponses)
      expect(r.Properties.ResponseParameters['gatewayresponse.header.Access-Control-Allow-Origin']).toBe(`'${PORTAL}'`);
  });

  it("points the pages at the API's name: config.json's apiUrl and the CSP's connect-src", () => {
    expect(webConfig(named)).toEqual({ apiUrl: `${API}/` });
    const policy = only(resources(named, 'AWS::CloudFront::ResponseHeadersPolicy'));
    const csp = text(
      policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
    );
    expect(csp).toContain(`connect-src 'self' ${API}`);
    expect(csp).not.toContain('execute-api');
  });

  it('passes cdk-nag with no unacknowledged finding', () => {
    expect(nagFindings(named.app, named.assemblyDir).violations).toEqual([]);
  });
});

describe('domain settings refused before anything is built, each saying what to set', () => {
  const make = (context: Record<string, string>) => () =>
    createPortalApp(new App({ context: { webAssetsPath: stubWebClient(), ...context } }));

  it('refuses a certificate, API certificate or zone without domainName, and a zone id without its name', () => {
    expect(make({ certificateArn: DOMAIN.certificateArn })).toThrow('certificateArn given without domainName');
    expect(make({ hostedZoneId: DOMAIN.hostedZoneId })).toThrow('hostedZoneId given without domainName');
    expect(make({ domainName: DOMAIN.domainName })).toThrow(/needs certificateArn: an ACM certificate in us-east-1/);
    expect(
      make({ domainName: DOMAIN.domainName, certificateArn: DOMAIN.certificateArn, hostedZoneId: 'Z0EXAMPLE12345' }),
    ).toThrow(/hostedZoneId and hostedZoneName go together/);
  });

  it("takes CloudFront's certificate from us-east-1 only, and the API's from the stack's region", () => {
    const settings = { domainName: DOMAIN.domainName, certificateArn: DOMAIN.certificateArn };
    const inRegion = (region: string) => `arn:aws:acm:${region}:111122223333:certificate/api`;
    expect(() => checkDomainSettings(settings, 'us-east-1')).not.toThrow();
    expect(() => checkDomainSettings({ ...settings, certificateArn: inRegion('eu-west-1') }, 'eu-west-1')).toThrow(
      /certificateArn must be an ACM certificate in us-east-1/,
    );
    expect(() => checkDomainSettings(settings, 'us-west-2')).toThrow(
      /The stack is in us-west-2: set apiCertificateArn to an ACM certificate there covering api\.portal/,
    );
    expect(() => checkDomainSettings({ ...settings, apiCertificateArn: inRegion('us-east-1') }, 'us-west-2')).toThrow(
      /apiCertificateArn must be an ACM certificate in the stack's region us-west-2/,
    );
    expect(() =>
      checkDomainSettings({ ...settings, apiCertificateArn: inRegion('us-west-2') }, 'us-west-2'),
    ).not.toThrow();
    expect(() => checkDomainSettings({ ...settings, domainName: 'Portal.Example.gov' }, 'us-east-1')).toThrow(
      /not a lower-case DNS name/,
    );
  });
});
