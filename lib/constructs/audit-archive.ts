import { Duration, Names, RemovalPolicy, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogBucket } from './access-log-bucket.ts';
import type { Access } from '../../functions/definitions/routes.ts';

/** The context key that sets how long each archived record is locked, in days. */
export const RETENTION_CONTEXT = 'auditArchiveRetentionDays';
/** Seven years (2557 days, two leap days in any seven), the usual hold for federal audit records. */
export const DEFAULT_RETENTION_DAYS = 2557;
const MAX_RETENTION_DAYS = 36_500;
/** Where the copies go in the bucket: `audit/<companyId>/<at>_<auditId>.json`; writers may put nowhere else. */
export const ARCHIVE_PREFIX = 'audit/';

/** The retention from context (`-c auditArchiveRetentionDays=30` gives a string, cdk.json a number). */
export const retentionDaysOf = (value: unknown): number => {
  if (value === undefined) return DEFAULT_RETENTION_DAYS;
  const days = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS)
    throw new Error(
      `Context ${RETENTION_CONTEXT} must be a whole number of days from 1 to ${MAX_RETENTION_DAYS} (default ${DEFAULT_RETENTION_DAYS}, seven years), not ${JSON.stringify(value)}`,
    );
  return days;
};

export interface AuditArchiveProps {
  /** Days each copy is locked in compliance mode. Default: context `auditArchiveRetentionDays`, else 2557. */
  readonly retentionDays?: number;
}

/**
 * The write-once audit archive (issue 20 item 2, decision 79): a copy of every audit record, put
 * by the chainer job before it chains the record, into a bucket with S3 Object Lock in compliance
 * mode, so for the retention period nobody, the account's root user included, can delete or
 * overwrite a copy or shorten its lock. Versioned (Object Lock requires it), private, SSL only,
 * SSE-KMS with a key of its own, with server access logs, retained when the stack goes.
 */
export class AuditArchive extends Construct {
  readonly bucket: s3.Bucket;
  /** Encrypts the copies (SSE-KMS with an S3 bucket key); rotated yearly, retained. */
  readonly key: kms.Key;
  /** The bucket's server access logs. */
  readonly logs: s3.Bucket;
  readonly retentionDays: number;

  constructor(scope: Construct, id: string, props: AuditArchiveProps = {}) {
    super(scope, id);
    this.retentionDays = props.retentionDays ?? retentionDaysOf(this.node.tryGetContext(RETENTION_CONTEXT));
    this.key = new kms.Key(this, 'Key', {
      description: 'C-TPAT portal: encrypts the write-once audit archive',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logs = accessLogBucket(this, 'audit archive (who put or read which copy)');
    this.bucket = new s3.Bucket(this, 'Bucket', {
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(Duration.days(this.retentionDays)),
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'audit-archive/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason:
        'The archive is the second copy of the audit trail (the table, with point-in-time recovery and daily backups, holds the first), locked in compliance mode so no one can delete it; a third copy in another region would need a second locked bucket and key for records that already exist twice.',
    });
  }

  /** The environment a function with `access` gets from the archive: its bucket's name, for `archive:write`. */
  environmentFor(access: readonly Access[]): Record<string, string> {
    return access.includes('archive:write') ? { AUDIT_ARCHIVE_BUCKET: this.bucket.bucketName } : {};
  }

  /** What `archive:write`'s S3 action applies to: the objects under `audit/`, nothing else of the bucket. */
  get writeResources(): string[] {
    return [this.bucket.arnForObjects(`${ARCHIVE_PREFIX}*`)];
  }

  /**
   * cdk-nag's IAM5 for a writer's `audit/*`: copies are keyed by company and record, so a writer
   * names every object under the prefix. Its id names the bucket's ARN as the function's stack
   * sees it (the main stack's logical id, or a nested stack's `referenceto...Arn` parameter).
   */
  acknowledgeWriter(fn: lambda.IFunction): void {
    const cfn = this.bucket.node.defaultChild as CfnResource;
    const arn =
      Stack.of(fn) === Stack.of(this.bucket)
        ? `<${Stack.of(this.bucket).getLogicalId(cfn)}.Arn>`
        : `<referenceto${Names.nodeUniqueId(cfn.node)}Arn>`;
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arn}/${ARCHIVE_PREFIX}*]`,
      reason:
        "Objects under audit/ of the write-once archive only, keyed audit/<companyId>/<at>_<auditId>.json: the writer copies every company's records. It may only put; Object Lock in compliance mode keeps every version it writes for the retention period, and no function may delete or change a retention (a CDK test).",
    });
  }
}
