import { type CfnResource, Names, Token, Validations, type Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import type { RouteDefinition } from '../functions/definitions/routes.ts';
import type { WebHosting } from './constructs/web-hosting.ts';

/**
 * The cdk-nag findings this app acknowledges, each with its reason. Stack-wide ones are few
 * and listed here; the rest are acknowledged on the one construct they concern. A finding not
 * acknowledged fails the cdk-nag test.
 */
export const STACK_ACKNOWLEDGEMENTS: readonly { id: string; reason: string }[] = [
  {
    id: 'AwsSolutions-L1',
    reason:
      'The product targets the Node.js 22 Lambda runtime (its tests and benchmarks run against Node 22 APIs); moving to a newer runtime is a planned, tested change, not an automatic one.',
  },
  {
    id: 'Serverless-LambdaLatestVersion',
    reason: 'Same decision as AwsSolutions-L1: Node.js 22 is the tested runtime.',
  },
  {
    id: 'AwsSolutions-COG1',
    reason:
      'Deliberate: NIST SP 800-63B and OWASP ASVS advise a long minimum (15 here) and no composition rules; Cognito threat protection blocks compromised passwords.',
  },
  {
    id: 'AwsSolutions-COG2',
    reason:
      "MFA is optional in the pool so participants can sign in without it; TOTP is enabled as a second factor, and requiring it of CBP staff is the portal's job (planned with the hardening issue, DESIGN section 7).",
  },
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    reason:
      "API Gateway's account-level logging role must carry this AWS managed policy; it lets API Gateway write the access and execution logs required by APIG1/APIG6.",
  },
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason:
      'The functions reach only AWS public service endpoints (DynamoDB, Cognito, SES) over TLS with IAM-signed requests and hold no network listener; a VPC would add NAT or interface endpoints and cold-start cost without narrowing what they can reach, which IAM already limits per function.',
  },
  {
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason:
      'Route functions are invoked synchronously by API Gateway (the caller gets the failure); job functions send failed asynchronous invocations to an on-failure destination, their alarmed dead-letter queue.',
  },
  {
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason:
      'Load is bounded at the front door instead (stage throttling 50/100 requests per second, a per-IP WAF rate rule, one-minute schedules); reserving concurrency for 62 functions would fence off most of the account limit and starve one route to protect another.',
  },
  {
    id: 'NIST.800.53.R5-IAMNoInlinePolicy',
    reason:
      'Each function has its own role with one policy holding exactly the access its route or job declares (generated from the route table, asserted by CDK tests); a policy shared through a managed policy would widen roles, and X-Ray tracing adds its statement to the role itself.',
  },
  {
    id: 'NIST.800.53.R5-APIGWSSLEnabled',
    reason:
      'The backends are Lambda proxy integrations, invoked by API Gateway through IAM, not HTTP endpoints: there is no backend TLS connection for a client certificate to authenticate.',
  },
  {
    id: 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
    reason:
      "Responses carry per-caller confidential company data and must reflect revocations and removals at once (DESIGN section 7); a stage cache would serve one caller's answer to another or a stale one, so caching stays off.",
  },
];

/** API handlers are invoked synchronously by API Gateway: a failure goes back to the caller, so there is nothing for a DLQ to catch. */
const SYNCHRONOUS_DLQ_REASON =
  'Invoked synchronously by API Gateway: the caller receives the failure, so a dead-letter queue would never receive anything.';

export const applyNagSuppressions = (stack: Stack): void => {
  for (const ack of STACK_ACKNOWLEDGEMENTS) Validations.of(stack).acknowledge(ack);
};

/** Public routes (DESIGN section 2: health, OpenAPI, sign-in flows) have no authorizer by design. */
export const acknowledgePublicMethods = (
  methods: ReadonlyMap<string, apigw.Method>,
  routes: readonly RouteDefinition[],
): void => {
  for (const route of routes) {
    const method = methods.get(route.id);
    if (!method) continue;
    if (route.auth === 'public') {
      const reason = `${route.method} ${route.path} is public by design (DESIGN section 2); it reveals nothing about accounts and is rate-limited by the stage and the WAF.`;
      Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason });
      Validations.of(method).acknowledge({ id: 'AwsSolutions-COG4', reason });
    }
  }
};

/** Functions serving routes: acknowledged on each function, with the reason. */
export const acknowledgeSynchronousFunction = (fn: IConstruct): void => {
  Validations.of(fn).acknowledge({ id: 'Serverless-LambdaDLQ', reason: SYNCHRONOUS_DLQ_REASON });
};

/** A dead-letter queue has no dead-letter queue of its own. */
export const acknowledgeDeadLetterQueue = (queue: sqs.IQueue): void => {
  const reason =
    'This queue is itself a dead-letter queue (for a schedule and its function); its messages are alarmed on and inspected by hand.';
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason });
  Validations.of(queue).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
};

/**
 * A scheduled job's function: failed asynchronous invocations go to an on-failure destination
 * (the job's dead-letter queue) rather than a legacy DLQ; the scheduler's invoke role names the
 * function's versions with `:*`, which is how Scheduler invokes a function.
 */
export const acknowledgeScheduledFunction = (stack: Stack, fn: lambda.IFunction): void => {
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaDLQ',
    reason:
      'Failed asynchronous invocations go to an on-failure destination (the job dead-letter queue, alarmed), which carries more context than a legacy DLQ.',
  });
  const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnResource);
  for (const child of stack.node.children.filter((c) => c.node.id.startsWith('SchedulerRoleForTarget-'))) {
    Validations.of(child).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason:
        'EventBridge Scheduler may invoke any version of the job function it targets; the statement names only that function.',
    });
  }
};

/** An event handler's function: like a job's, failed asynchronous invocations go to its alarmed dead-letter queue as an on-failure destination. */
export const acknowledgeEventFunction = (fn: lambda.IFunction): void => {
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaDLQ',
    reason:
      "Failed asynchronous invocations go to an on-failure destination (the event handler's dead-letter queue, alarmed, which its EventBridge rule also uses), which carries more context than a legacy DLQ.",
  });
};

/**
 * A stream consumer's function: its event source mapping invokes it synchronously and sends what
 * fails after its retries to the mapping's on-failure queue (alarmed); its role lists the
 * table's streams, which IAM grants only on `*`.
 */
export const acknowledgeStreamConsumer = (fn: lambda.IFunction): void => {
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaDLQ',
    reason:
      "Invoked synchronously by its event source mapping, whose on-failure destination (the consumer's alarmed queue) receives the records of a batch that failed after its retries; a function DLQ would never receive anything.",
  });
  if (fn.role)
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, which Lambda needs to read a DynamoDB stream, has no resource-level permission; it lists stream ARNs and reads no item. The stream reads themselves are granted on the table stream only. A CDK test checks that no other statement but X-Ray uses *.',
    });
};

/**
 * The export route's function writes and signs links to `<companyId>/<exportId>.json` for whichever
 * company it is asked about, so its object actions name every object of the exports bucket. The
 * function sits in the nested stack of route functions, where the bucket's ARN is a parameter
 * named after the bucket (`referenceto<bucket's unique id>Arn`, as CDK names it).
 */
export const acknowledgeExportWriter = (fn: lambda.IFunction, bucket: s3.IBucket): void => {
  const bucketId = Names.nodeUniqueId((bucket.node.defaultChild as CfnResource).node);
  Validations.of(fn.role ?? fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<referenceto${bucketId}Arn>/*]`,
    reason:
      "Objects of the exports bucket only, keyed <companyId>/<exportId>.json: the export route writes and links the file of any company its caller may export (the route's authorization decides which), and the bucket holds nothing but exports, each expired a day after it is written.",
  });
};

/** AWS Backup's selection role carries the service's own managed policy, scoped by the selection to the one table. */
export const acknowledgeBackupRole = (role: IConstruct): void => {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    reason:
      'AWS Backup assumes this role only to back up the resources its selection names (the portal table); AWSBackupServiceRolePolicyForBackup is the policy AWS maintains for exactly that service role.',
  });
};

/**
 * The web client's hosting (lib/constructs/web-hosting.ts): the distribution, its two buckets and
 * the function CDK's BucketDeployment brings, each finding on the construct it concerns.
 */
export const acknowledgeWebHosting = (stack: Stack, web: WebHosting): void => {
  const distribution = web.distribution.node.defaultChild as IConstruct;
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR1',
    reason:
      'No geo restriction: participants include foreign manufacturers and the foreign customs programs they share with (DESIGN section 3.10); the distribution serves only the public client code, and all data is behind the authenticated API.',
  });
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions-CFR2',
    reason:
      'The distribution serves static files from S3 and processes no input; the API that does has its own regional WAF web ACL (managed rule sets, body limit, per-IP rate rule). A CloudFront-scope web ACL must live in us-east-1 and would only add cost here.',
  });
  if (!web.hasCustomCertificate) {
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses the default *.cloudfront.net certificate, for which CloudFront fixes the viewer security policy at TLSv1 and ignores a minimum protocol version; given a custom domain and ACM certificate (WebHosting certificate prop) it requires TLS 1.2 (TLSv1.2_2021). Modern browsers negotiate TLS 1.2 or 1.3 either way.',
    });
  }

  Validations.of(web.bucket).acknowledge({
    id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    reason:
      'The bucket holds only the built client code and config.json (the API URL), all of which every visitor downloads: SSE-S3 encrypts it at rest, and a KMS key would add a key-policy grant to CloudFront without protecting anything confidential.',
  });
  Validations.of(web.bucket).acknowledge({
    id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
    reason:
      'The contents are rebuilt from the repository and redeployed by every deployment (and versioned for roll-back); a cross-region copy would add nothing a redeploy does not.',
  });

  // CDK's BucketDeployment function: one per stack, run by CloudFormation only during a deployment.
  const role = web.deploymentRole;
  const fn = role.node.scope as IConstruct;
  const deploy =
    "CDK's BucketDeployment function copies the built client into the web bucket during a CloudFormation deployment and does nothing else";
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: `${deploy}; the AWS managed basic execution policy lets it write its own logs and nothing more.`,
  });
  const policy = role.node.findChild('DefaultPolicy');
  // cdk-nag writes pseudo parameters as <AWS::Name>; the region is one when the stack has no env.
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const assetBucket = `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*`;
  for (const [finding, what] of [
    [
      'Action::s3:GetObject*',
      'read the CDK asset zip (CDK grant helper: GetObject, GetObjectVersion, GetObjectTagging...)',
    ],
    ['Action::s3:GetBucket*', 'read the location and versioning of the asset and web buckets (CDK grant helper)'],
    ['Action::s3:List*', 'list the web bucket to sync it (CDK grant helper)'],
    ['Action::s3:DeleteObject*', 'replace objects of the web bucket (CDK grant helper)'],
    ['Action::s3:Abort*', 'abort its own multipart uploads to the web bucket (CDK grant helper)'],
    [
      `Resource::${assetBucket}`,
      'read the asset it was given from the CDK bootstrap bucket; the asset key is chosen at deploy time',
    ],
    [
      `Resource::<${stack.getLogicalId(web.bucket.node.defaultChild as CfnResource)}.Arn>/*`,
      'write any object of the web bucket, as any client build may contain new file names',
    ],
  ] as const) {
    Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: `${deploy}: it may ${what}.` });
  }
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: `${deploy}. BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on *; WebHosting overrides that statement in the template to this distribution's ARN (asserted by test/cdk/web-hosting.test.ts), an override cdk-nag does not see.`,
  });
  // The stack-wide runtime acknowledgement is about the portal's Node.js functions; this one is CDK's.
  const runtime =
    "its runtime (Python) is chosen by aws-cdk-lib's BucketDeployment, not by this app, and moves with aws-cdk-lib upgrades; it runs only during deployments and serves no request";
  Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: `${deploy}; ${runtime}.` });
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaLatestVersion',
    reason: `${deploy}; ${runtime} (a newer Python runtime arrives with a newer aws-cdk-lib).`,
  });
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaDLQ',
    reason: `${deploy}; CloudFormation invokes it and waits for its answer, so a failure fails and rolls back the deployment instead of reaching a queue.`,
  });
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaTracing',
    reason: `${deploy}; its runs are recorded as CloudFormation events and in its log group, and X-Ray traces of a copy job would show nothing more.`,
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason: `${deploy}; CloudFormation waits for its answer, so there is no asynchronous failure for a queue to catch.`,
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason: `${deploy}; it runs once or twice per deployment, so reserving concurrency for it would only take from the portal's functions.`,
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason: `${deploy}; it talks only to S3 and CloudFront public endpoints, as IAM-signed requests over TLS.`,
  });
  Validations.of(fn).acknowledge({
    id: 'NIST.800.53.R5-IAMNoInlinePolicy',
    reason: `${deploy}; CDK generates its policy with exactly the two buckets and the one distribution it works on.`,
  });
};
