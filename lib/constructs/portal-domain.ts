import { Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';

/** The portal's own names, from context (README deploy settings, decision 68; lib/portal-app.ts reads them). */
export interface PortalDomainSettings {
  /** The web portal's name, e.g. `portal.ctpat.example.gov`; the API is `api.<domainName>`. */
  readonly domainName: string;
  /** ACM certificate in us-east-1 covering `domainName`, for CloudFront. */
  readonly certificateArn: string;
  /**
   * ACM certificate in the stack's region covering `api.<domainName>`, for API Gateway's regional
   * endpoint. Default: `certificateArn`, which then must cover both names; allowed only when the
   * stack is in us-east-1, since API Gateway takes a certificate of its own region only.
   */
  readonly apiCertificateArn?: string;
  /** The Route 53 public zone that holds `domainName`: given, the stack adds the alias records. Default: none. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
}

/** `api.` before the portal's name: one certificate with both names (or a wildcard one level down) serves both. */
export const apiDomainOf = (settings: PortalDomainSettings): string => `api.${settings.domainName}`;

const regionOfArn = (arn: string): string | undefined => /^arn:[^:]+:acm:([^:]+):/.exec(arn)?.[1];

/**
 * The settings checked before anything is built, each failure saying what to set: CloudFront
 * takes certificates from us-east-1 only, API Gateway's regional endpoint from its own region only.
 */
export const checkDomainSettings = (settings: PortalDomainSettings, stackRegion: string): void => {
  const { domainName, certificateArn, apiCertificateArn } = settings;
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domainName))
    throw new Error(`domainName "${domainName}" is not a lower-case DNS name like portal.ctpat.example.gov`);
  if (regionOfArn(certificateArn) !== 'us-east-1')
    throw new Error(
      `certificateArn must be an ACM certificate in us-east-1 (CloudFront takes no other region): ${certificateArn}`,
    );
  if (apiCertificateArn === undefined && stackRegion !== 'us-east-1')
    throw new Error(
      `The stack is in ${Token.isUnresolved(stackRegion) ? 'an unresolved region' : stackRegion}: set apiCertificateArn to an ACM certificate there covering ${apiDomainOf(settings)} (API Gateway takes a certificate of its own region only)`,
    );
  if (
    apiCertificateArn !== undefined &&
    !Token.isUnresolved(stackRegion) &&
    regionOfArn(apiCertificateArn) !== stackRegion
  )
    throw new Error(
      `apiCertificateArn must be an ACM certificate in the stack's region ${stackRegion}: ${apiCertificateArn}`,
    );
};

export interface PortalDomainProps {
  readonly settings: PortalDomainSettings;
  readonly api: apigw.RestApi;
  readonly distribution: cloudfront.IDistribution;
}

/**
 * The API's custom domain (`api.<domainName>`, regional, TLS 1.2, the stage at its root) and,
 * when the zone is given, Route 53 aliases for the web portal (A and AAAA, to CloudFront) and the
 * API (A, to API Gateway's regional domain). CloudFront's own name and certificate are set on the
 * distribution by `WebHosting` (`domainNames`, `certificate`).
 */
export class PortalDomain extends Construct {
  readonly apiDomain: apigw.DomainName;
  /** `https://api.<domainName>/`: the API's base URL through its custom domain. */
  readonly apiUrl: string;

  constructor(scope: Construct, id: string, props: PortalDomainProps) {
    super(scope, id);
    const { settings } = props;
    checkDomainSettings(settings, Stack.of(this).region);
    const apiCertificate = acm.Certificate.fromCertificateArn(
      this,
      'ApiCertificate',
      settings.apiCertificateArn ?? settings.certificateArn,
    );
    this.apiDomain = new apigw.DomainName(this, 'ApiDomain', {
      domainName: apiDomainOf(settings),
      certificate: apiCertificate,
      endpointType: apigw.EndpointType.REGIONAL,
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
    });
    // The stage at the root: `https://api.<domainName>/companies/...`, no stage name in the path.
    this.apiDomain.addBasePathMapping(props.api, { stage: props.api.deploymentStage });
    this.apiUrl = `https://${apiDomainOf(settings)}/`;

    if (settings.hostedZone) {
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: settings.hostedZone.id,
        zoneName: settings.hostedZone.name,
      });
      const web = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(props.distribution));
      new route53.ARecord(this, 'WebAlias', { zone, recordName: settings.domainName, target: web });
      new route53.AaaaRecord(this, 'WebAliasIpv6', { zone, recordName: settings.domainName, target: web });
      new route53.ARecord(this, 'ApiAlias', {
        zone,
        recordName: apiDomainOf(settings),
        target: route53.RecordTarget.fromAlias(new targets.ApiGatewayDomain(this.apiDomain)),
      });
    }
  }
}
