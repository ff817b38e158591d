import { CfnResource, Validations, type Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import type { RouteDefinition } from '../functions/definitions/routes.ts';

/**
 * The cdk-nag findings this app acknowledges, each with its reason. Stack-wide ones are few
 * and listed here; the rest are acknowledged on the one construct they concern. A finding not
 * acknowledged fails the cdk-nag test.
 */
export const STACK_ACKNOWLEDGEMENTS: readonly { id: string; reason: string }[] = [
  {
    id: 'AwsSolutions-L1',
    reason: 'The product targets the Node.js 22 Lambda runtime (its tests and benchmarks run against Node 22 APIs); moving to a newer runtime is a planned, tested change, not an automatic one.',
  },
  { id: 'Serverless-LambdaLatestVersion', reason: 'Same decision as AwsSolutions-L1: Node.js 22 is the tested runtime.' },
  {
    id: 'AwsSolutions-COG1',
    reason: 'Deliberate: NIST SP 800-63B and OWASP ASVS advise a long minimum (15 here) and no composition rules; Cognito threat protection blocks compromised passwords.',
  },
  {
    id: 'AwsSolutions-COG2',
    reason: 'MFA is optional in the pool so participants can sign in without it; TOTP is enabled as a second factor, and requiring it of CBP staff is the portal\'s job (planned with the hardening issue, DESIGN section 7).',
  },
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
    reason: "API Gateway's account-level logging role must carry this AWS managed policy; it lets API Gateway write the access and execution logs required by APIG1/APIG6.",
  },
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason:
      'The functions reach only AWS public service endpoints (DynamoDB, Cognito, SES) over TLS with IAM-signed requests and hold no network listener; a VPC would add NAT or interface endpoints and cold-start cost without narrowing what they can reach, which IAM already limits per function.',
  },
  {
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason: 'Route functions are invoked synchronously by API Gateway (the caller gets the failure); job functions send failed asynchronous invocations to an on-failure destination, their alarmed dead-letter queue.',
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
    reason: 'The backends are Lambda proxy integrations, invoked by API Gateway through IAM, not HTTP endpoints: there is no backend TLS connection for a client certificate to authenticate.',
  },
  {
    id: 'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted',
    reason: 'Responses carry per-caller confidential company data and must reflect revocations and removals at once (DESIGN section 7); a stage cache would serve one caller\'s answer to another or a stale one, so caching stays off.',
  },
];

/** API handlers are invoked synchronously by API Gateway: a failure goes back to the caller, so there is nothing for a DLQ to catch. */
const SYNCHRONOUS_DLQ_REASON = 'Invoked synchronously by API Gateway: the caller receives the failure, so a dead-letter queue would never receive anything.';

export const applyNagSuppressions = (stack: Stack): void => {
  for (const ack of STACK_ACKNOWLEDGEMENTS) Validations.of(stack).acknowledge(ack);
};

/** Public routes (DESIGN section 2: health, OpenAPI, sign-in flows) have no authorizer by design. */
export const acknowledgePublicMethods = (api: apigw.RestApi, routes: readonly RouteDefinition[]): void => {
  for (const route of routes) {
    const method = api.root.resourceForPath(route.path).node.tryFindChild(route.method);
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
  const reason = 'This queue is itself a dead-letter queue (for a schedule and its function); its messages are alarmed on and inspected by hand.';
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
    reason: 'Failed asynchronous invocations go to an on-failure destination (the job dead-letter queue, alarmed), which carries more context than a legacy DLQ.',
  });
  const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnResource);
  for (const child of stack.node.children.filter((c) => c.node.id.startsWith('SchedulerRoleForTarget-'))) {
    Validations.of(child).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: 'EventBridge Scheduler may invoke any version of the job function it targets; the statement names only that function.',
    });
  }
};

/** AWS Backup's selection role carries the service's own managed policy, scoped by the selection to the one table. */
export const acknowledgeBackupRole = (role: IConstruct): void => {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    reason: 'AWS Backup assumes this role only to back up the resources its selection names (the portal table); AWSBackupServiceRolePolicyForBackup is the policy AWS maintains for exactly that service role.',
  });
};
