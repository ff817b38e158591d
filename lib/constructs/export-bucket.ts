import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { accessLogBucket } from './access-log-bucket.ts';

export interface ExportBucketProps {
  /** Days an export file is kept before S3 deletes it. Default: 1 (its link works for five minutes). */
  readonly expireAfterDays?: number;
}

/**
 * Where company exports are written (`GET /companies/{companyId}/export`): a private bucket
 * (public access blocked, bucket-owner-enforced, SSL only) encrypted with a key of its own, whose
 * objects expire a day after they are written, with S3 access logs so every download through a
 * link is on record besides the portal's own audit record of the export (decision 67).
 */
export class ExportBucket extends Construct {
  readonly bucket: s3.Bucket;
  /** Encrypts the exports (SSE-KMS with an S3 bucket key); rotated yearly. */
  readonly key: kms.Key;
  /** The bucket's server access logs. */
  readonly logs: s3.Bucket;

  constructor(scope: Construct, id: string, props: ExportBucketProps = {}) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'C-TPAT portal: encrypts company exports in the exports bucket',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logs = accessLogBucket(this, 'exports bucket (who downloaded which file, from where)');
    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'exports/',
      lifecycleRules: [
        {
          expiration: Duration.days(props.expireAfterDays ?? 1),
          // A multipart upload that died half-way leaves parts that are billed until removed.
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketVersioningEnabled',
      reason:
        'Each export is a copy made on request from the table (which has point-in-time recovery and backups) and deleted a day later: versions would only keep deleted copies of confidential data around longer.',
    });
    Validations.of(this.bucket).acknowledge({
      id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
      reason:
        'Exports live a day and are made again on request from the table, which is backed up; a copy in another region would spread confidential data for nothing.',
    });
  }
}
