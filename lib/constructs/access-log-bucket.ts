import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * The bucket that receives a bucket's (or a distribution's) access logs, as the exports bucket,
 * the audit archive and the web hosting each have one: private, SSL only, versioned, kept a year.
 * Log delivery takes an ACL grant, so ACLs stay (owner preferred), and supports only SSE-S3 on its
 * destination; both are acknowledged for cdk-nag's NIST pack with the reason, naming `of`. Made
 * as the child `Logs` of `scope`, the id each construct used before this was shared.
 */
export const accessLogBucket = (scope: Construct, of: string): s3.Bucket => {
  const logs = new s3.Bucket(scope, 'Logs', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(logs).acknowledge({
    id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    reason: `S3 server access log delivery supports only SSE-S3 default encryption on its destination bucket, so the ${of} access-log bucket is SSE-S3 (with SSL enforced, public access blocked and versioning on).`,
  });
  Validations.of(logs).acknowledge({
    id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
    reason: `Access logs of the ${of}; kept a year and versioned, like the portal's other access logs, not replicated across regions.`,
  });
  return logs;
};
