/**
 * The IAM actions each declared `access` grants, as data. The CDK stack writes them into every
 * function's role (with the resources they apply to), and the local IAM stand-in
 * (`lib/local/iam.ts`) allows exactly these, so what passes the tests locally is what IAM allows.
 */
import type { Access } from '../functions/definitions/routes.ts';

export const GRANTED_ACTIONS = {
  // No Scan is granted anywhere: every read is a GetItem, a BatchGetItem (its own IAM action) or a
  // Query. A transaction needs the action of each of its items (GetItem, PutItem, ..., ConditionCheckItem).
  'table:read': ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  'table:write': ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
  // What Lambda's event source mapping calls as a stream consumer's role (AWS's list for DynamoDB streams).
  'table:stream': [
    'dynamodb:DescribeStream',
    'dynamodb:GetShardIterator',
    'dynamodb:GetRecords',
    'dynamodb:ListStreams',
  ],
  // What Lambda's event source mapping calls on a Kinesis data stream as its consumer's role
  // (AWSLambdaKinesisExecutionRole's list); the stream is encrypted with the AWS-managed key.
  'table:changes': [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:ListStreams',
    'kinesis:SubscribeToShard',
  ],
  // InitiateAuth, RespondToAuthChallenge and the other token-authorized calls are public Cognito
  // APIs: no IAM needed, only the pool's ids in the environment (which any `cognito:` access gives).
  'cognito:auth': [],
  // AdminGetUser and AdminSetUserPassword: a new invitation for someone who never chose a password.
  'cognito:invite': [
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminDeleteUser',
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminSetUserPassword',
  ],
  'cognito:manage': [
    'cognito-idp:AdminEnableUser',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminDeleteUser',
  ],
  // The JWKS documents are public: what the function needs is their addresses (its environment).
  'cognito:keys': [],
  'email:send': ['ses:SendBulkEmail'],
  // PutObject covers the multipart upload's create, part and complete calls; an upload that fails
  // is aborted. GetObject because a presigned URL reads with its signer's permissions, and the KMS
  // actions because the bucket's default encryption is SSE-KMS with the exports key (decision 67).
  'exports:write': ['s3:PutObject', 's3:AbortMultipartUpload', 's3:GetObject', 'kms:GenerateDataKey', 'kms:Decrypt'],
  // One PutObject per record into the Object Lock bucket (its default encryption is SSE-KMS with its
  // own key, and a single put needs only a data key); never a delete, a retention or legal-hold
  // change or a bypass, which a CDK test checks across the whole template (decision 79).
  'archive:write': ['s3:PutObject', 'kms:GenerateDataKey'],
  // The readiness route's cheap call: the account's sending status, which names no resource.
  'email:status': ['ses:GetAccount'],
} as const satisfies Record<Access, readonly string[]>;

/**
 * Actions IAM grants only on every resource (`*`): they have no resource-level permission.
 * ListStreams (DynamoDB's and Kinesis's) names streams and reads no record; GetAccount reads the SES account's status.
 */
export const ACCOUNT_WIDE_ACTIONS: readonly string[] = [
  'dynamodb:ListStreams',
  'kinesis:ListStreams',
  'ses:GetAccount',
];

/**
 * Denied to every function on audit partitions (`AUDIT_PARTITIONS`, matched against the request's
 * `dynamodb:LeadingKeys`): audit records are never edited or deleted (DESIGN section 3.11).
 */
export const AUDIT_DENIED_ACTIONS = [
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
] as const;
