import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { accessLogBucket } from './access-log-bucket.ts';
import { contentSecurityPolicy, SECURITY_HEADER_PARTS } from '../web-headers.ts';

export interface WebHostingProps {
  /** Folder of the built web client (Vite's output, with index.html at its top). */
  readonly assetsPath: string;
  /** Origin of the API the pages call (`https://host`), for the CSP's connect-src. May be a token. */
  readonly apiOrigin: string;
  /** The API's base URL, written to /config.json for the client to read at start. May be a token. */
  readonly apiUrl: string;
  /** Custom domain names for the distribution. Default: none (the cloudfront.net name). */
  readonly domainNames?: string[];
  /** Certificate (in us-east-1) for `domainNames`; with it viewers need TLS 1.2 or later. Default: CloudFront's own. */
  readonly certificate?: acm.ICertificate;
  /** Edge locations to serve from. Default: all, since participants include foreign manufacturers and customs programs. */
  readonly priceClass?: cloudfront.PriceClass;
}

/** Throws, saying how to build it, unless `assetsPath` holds a built client. */
export const requireBuiltClient = (assetsPath: string): void => {
  const index = join(assetsPath, 'index.html');
  if (!existsSync(index))
    throw new Error(
      `The web client is not built (${index} is missing): run npm run build:web, or set the webAssetsPath context to a built client`,
    );
};

/**
 * Files fetched anew on every page load (and robots.txt, under a fixed name); everything else in
 * the build (Vite's, bin/api-reference.ts's) is content-hashed.
 */
const ENTRY_FILES = ['index.html', 'config.json', 'api-reference.html', 'robots.txt'];

/**
 * The web client: a private, versioned S3 bucket read only by one CloudFront distribution
 * through Origin Access Control, with the portal's security headers (lib/web-headers.ts) on
 * every response, the client routes falling back to index.html, and access logs of both.
 */
export class WebHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly logs: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  /** Deployments of the hashed assets and of the entry files. */
  readonly assets: s3deploy.BucketDeployment;
  readonly entry: s3deploy.BucketDeployment;
  /** `https://` and the first custom domain name, or the distribution's own. */
  readonly url: string;
  /** Whether viewers get a custom certificate (and so a TLS 1.2 minimum) rather than CloudFront's default. */
  readonly hasCustomCertificate: boolean;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.hasCustomCertificate = props.certificate !== undefined;
    requireBuiltClient(props.assetsPath);
    if (props.domainNames?.length && !props.certificate)
      throw new Error('WebHosting: domainNames need a certificate (in us-east-1) that covers them');

    // Access logs of the bucket and the distribution. CloudFront's standard logs are delivered
    // with an ACL grant too; nothing in it is public.
    this.logs = accessLogBucket(this, 'static client (no portal data: what users do is in the audit trail)');

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'web-bucket/',
      // Old builds' versions are kept a while for a roll-back, then go.
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const hsts = SECURITY_HEADER_PARTS.strictTransportSecurity;
    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'C-TPAT portal: the security headers of lib/web-headers.ts',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.apiOrigin), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
          includeSubdomains: hsts.includeSubDomains,
          preload: hsts.preload,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: {
          frameOption: cloudfront.HeadersFrameOption[SECURITY_HEADER_PARTS.frameOptions],
          override: true,
        },
        referrerPolicy: {
          referrerPolicy: SECURITY_HEADER_PARTS.referrerPolicy as cloudfront.HeadersReferrerPolicy,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: Object.entries(SECURITY_HEADER_PARTS.custom).map(([header, value]) => ({
          header,
          value,
          override: true,
        })),
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'C-TPAT portal web client',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
      },
      defaultRootObject: 'index.html',
      // The client routes in the browser: a path S3 does not have (403 through OAC, as the
      // bucket cannot be listed) gets the page. The API is another origin (API Gateway,
      // called directly by the client), so these never mask an API error; not cached, so a
      // new index.html shows at once.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_ALL,
      ...(props.certificate
        ? {
            certificate: props.certificate,
            domainNames: props.domainNames,
            minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${props.certificate && props.domainNames?.[0] ? props.domainNames[0] : this.distribution.distributionDomainName}`;

    // Hashed assets first, cached for a year; old ones stay (no prune) for pages already open.
    const build = s3deploy.Source.asset(props.assetsPath);
    this.assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [build],
      destinationBucket: this.bucket,
      exclude: ENTRY_FILES,
      prune: false,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
    });
    // Then the page and its configuration, never reused without asking; only they are invalidated.
    this.entry = new s3deploy.BucketDeployment(this, 'DeployEntry', {
      sources: [build, s3deploy.Source.jsonData('config.json', { apiUrl: props.apiUrl })],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: ENTRY_FILES,
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ENTRY_FILES.map((file) => `/${file}`),
    });
    this.entry.node.addDependency(this.assets);
    this.narrowInvalidationGrant();
  }

  /** The deployment function's role and, for acknowledgements, the function itself (one per stack, shared by both deployments). */
  get deploymentRole(): iam.IRole {
    return this.entry.handlerRole;
  }

  /**
   * BucketDeployment lets its function invalidate any distribution (`Resource: *`); CloudFront
   * takes distribution ARNs, so the statement is narrowed to this one.
   */
  private narrowInvalidationGrant(): void {
    const stack = Stack.of(this);
    const policy = this.deploymentRole.node.findChild('DefaultPolicy') as iam.Policy;
    const arn = stack.formatArn({
      service: 'cloudfront',
      region: '',
      resource: 'distribution',
      resourceName: this.distribution.distributionId,
    });
    type Statement = { Action: string | string[]; Resource: unknown };
    // Rewritten at synth, from the document as CDK renders it (duplicates merged), so no
    // statement index is guessed.
    const document = Lazy.any({
      produce: () => {
        const rendered = stack.resolve(policy.document) as { Version: string; Statement: Statement[] };
        const invalidates = (st: Statement) => [st.Action].flat().includes('cloudfront:CreateInvalidation');
        if (!rendered.Statement.some(invalidates))
          throw new Error(
            'BucketDeployment no longer grants cloudfront:CreateInvalidation in its policy; revisit narrowInvalidationGrant',
          );
        return {
          ...rendered,
          Statement: rendered.Statement.map((st) => (invalidates(st) ? { ...st, Resource: stack.resolve(arn) } : st)),
        };
      },
    });
    (policy.node.defaultChild as iam.CfnPolicy).addPropertyOverride('PolicyDocument', document);
  }
}
