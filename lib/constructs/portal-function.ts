import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTION_TIMEOUT_SECONDS } from '../../functions/definitions/timeouts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PortalFunctionProps {
  /** Path of the module exporting `handler`, relative to `functions/` (without `.ts`). */
  readonly entry: string;
  readonly description: string;
  readonly environment?: Readonly<Record<string, string>>;
  /** Default: 512 MB (arm64 cold starts improve little above it for these handlers). */
  readonly memorySize?: number;
  /** Default: a route's (`FUNCTION_TIMEOUT_SECONDS.route`, which the SDK clients' bounds fit inside); API Gateway gives up at 29 s. */
  readonly timeout?: Duration;
  /**
   * Where failed asynchronous invocations go (scheduled jobs). Default: none, which suits API
   * handlers: API Gateway invokes them synchronously and the caller sees the failure.
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /** Encrypts the function's log group. */
  readonly logKey: kms.IKey;
  /** The log group's name, when alarms find it by prefix (the route functions'); else CDK names it. */
  readonly logGroupName?: string;
}

/**
 * The house Lambda: Node.js 22 on arm64, a minified ESM esbuild bundle (the AWS SDK comes
 * from the runtime), X-Ray tracing and a log group with one-year retention.
 */
export class PortalFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      ...(props.logGroupName ? { logGroupName: props.logGroupName } : {}),
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: props.logKey,
    });
    // Its own role with write access to its own log group only (no AWS managed policy).
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(root, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(FUNCTION_TIMEOUT_SECONDS.route),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      ...(props.deadLetterQueue
        ? { onFailure: new destinations.SqsDestination(props.deadLetterQueue), retryAttempts: 2 }
        : {}),
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      depsLockFilePath: join(root, 'package-lock.json'),
      projectRoot: root,
      bundling: {
        minify: true,
        logLevel: LogLevel.ERROR,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        externalModules: ['@aws-sdk/*'],
        // ESM bundles of CommonJS dependencies still call require().
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray statement added by active tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) uses *: X-Ray has no resource-level permissions. A CDK test checks that no other statement uses *.',
    });
  }
}
