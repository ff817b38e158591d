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
