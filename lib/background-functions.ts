/**
 * The portal's functions that no request invokes, each from its table of definitions: scheduled
 * jobs (EventBridge Scheduler), event handlers (EventBridge rules) and stream consumers (event
 * source mappings on the table's stream), every one with its retries and an alarmed queue for
 * what fails after them. The stack passes how a function gets its environment, its IAM, its
 * alarms and its log key, so these are built exactly as the route functions are.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Access } from '../functions/definitions/routes.ts';
import { JOBS, type JobDefinition } from '../functions/definitions/jobs.ts';
import { EVENT_HANDLERS, type EventHandlerDefinition } from '../functions/definitions/events.ts';
import { STREAM_CONSUMERS, type StreamConsumerDefinition } from '../functions/definitions/stream-consumers.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../functions/definitions/timeouts.ts';
import { PortalFunction } from './constructs/portal-function.ts';
import {
  acknowledgeDeadLetterQueue,
  acknowledgeEventFunction,
  acknowledgeScheduledFunction,
  acknowledgeStreamConsumer,
} from './nag-suppressions.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../functions/definitions/observability.ts';

/** How the stack gives a function its environment, IAM, alarms and log key. */
export interface FunctionWiring {
  environmentFor(access: readonly Access[]): Record<string, string>;
  grant(fn: lambda.IFunction, access: readonly Access[]): void;
  alarm(id: string, metric: cloudwatch.IMetric, description: string): void;
  readonly logKey: kms.IKey;
}

/** Each job of the job table on its schedule. */
export const addJobs = (stack: Stack, { environmentFor, grant, alarm, logKey }: FunctionWiring): void => {
  for (const job of JOBS as readonly JobDefinition[]) {
    // One queue catches both a schedule whose invocation failed after Scheduler's retries and
    // an invocation that failed after Lambda's own asynchronous retries.
    const deadLetters = new sqs.Queue(stack, `Job-${job.id}-DeadLetters`, {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const { function: fn } = new PortalFunction(stack, `Job-${job.id}`, {
      entry: `jobs/${job.handler}`,
      description: job.description.slice(0, 256),
      environment: environmentFor(job.access),
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS.job),
      deadLetterQueue: deadLetters,
      logKey,
    });
    grant(fn, job.access);
    new scheduler.Schedule(stack, `Job-${job.id}-Schedule`, {
      description: job.description.slice(0, 512),
      schedule: scheduler.ScheduleExpression.expression(job.schedule),
      target: new targets.LambdaInvoke(fn, {
        deadLetterQueue: deadLetters,
        retryAttempts: 3,
        maxEventAge: Duration.hours(6),
      }),
    });
    alarm(
      `Job-${job.id}-DeadLetterAlarm`,
      deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `The ${job.id} job failed after its retries`,
    );
    // What the job counts that someone must look at (a broken audit chain): alarmed for the hour.
    if (job.alarm)
      alarm(
        `Job-${job.id}-${job.alarm.metric}Alarm`,
        new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: job.alarm.metric,
          // Powertools Metrics adds the service to every metric's dimensions.
          dimensionsMap: { service: SERVICE_NAME },
          statistic: 'Sum',
          period: Duration.hours(1),
        }),
        job.alarm.description,
      );
    acknowledgeDeadLetterQueue(deadLetters);
    acknowledgeScheduledFunction(stack, fn);
  }
};

/** Each event handler of the event table, on a rule for its source. */
export const addEventHandlers = (
  stack: Stack,
  { environmentFor, grant, alarm, logKey }: FunctionWiring,
  source: { readonly bus: events.IEventBus; readonly configurationSetName: string },
): void => {
  const patterns: Record<EventHandlerDefinition['source'], events.EventPattern> = {
    'ses-feedback': {
      source: ['aws.ses'],
      detailType: ['Email Bounced', 'Email Complaint Received'],
      detail: { mail: { tags: { 'ses:configuration-set': [source.configurationSetName] } } },
    },
  };
  for (const handler of EVENT_HANDLERS as readonly EventHandlerDefinition[]) {
    const deadLetters = new sqs.Queue(stack, `Event-${handler.id}-DeadLetters`, {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const { function: fn } = new PortalFunction(stack, `Event-${handler.id}`, {
      entry: `events/${handler.handler}`,
      description: handler.description.slice(0, 256),
      environment: environmentFor(handler.access),
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS.event),
      deadLetterQueue: deadLetters,
      logKey,
    });
    grant(fn, handler.access);
    new events.Rule(stack, `Event-${handler.id}-Rule`, {
      description: handler.description.slice(0, 512),
      eventBus: source.bus,
      eventPattern: patterns[handler.source],
      targets: [
        new eventTargets.LambdaFunction(fn, {
          deadLetterQueue: deadLetters,
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
    alarm(
      `Event-${handler.id}-DeadLetterAlarm`,
      deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `The ${handler.id} event handler failed after its retries`,
    );
    acknowledgeDeadLetterQueue(deadLetters);
    acknowledgeEventFunction(fn);
  }
};

/** Each stream consumer of the consumer table, on its stream of the table's changes. */
export const addStreamConsumers = (
  stack: Stack,
  { environmentFor, grant, alarm, logKey }: FunctionWiring,
  streams: Readonly<Record<StreamConsumerDefinition['source'], string>>,
): void => {
  // Each stream consumer reads its stream through an event source mapping that passes it only the
  // records its filters match. A batch that fails is retried split in two; what still fails (or
  // grows too old) is recorded on the consumer's on-failure queue, which is alarmed. A Kinesis
  // record carries the change as JSON in `data`, which is where its filters look.
  for (const consumer of STREAM_CONSUMERS as readonly StreamConsumerDefinition[]) {
    const failures = new sqs.Queue(stack, `Stream-${consumer.id}-Failures`, {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const { function: fn } = new PortalFunction(stack, `Stream-${consumer.id}`, {
      entry: `streams/${consumer.handler}`,
      description: consumer.description.slice(0, 256),
      environment: environmentFor(consumer.access),
      timeout: Duration.seconds(consumer.timeoutSeconds),
      logKey,
    });
    grant(fn, consumer.access);
    const kinesis = consumer.source === 'table-changes';
    fn.addEventSourceMapping(kinesis ? 'TableChanges' : 'Table', {
      eventSourceArn: streams[consumer.source],
      startingPosition:
        consumer.startingPosition === 'trim-horizon'
          ? lambda.StartingPosition.TRIM_HORIZON
          : lambda.StartingPosition.LATEST,
      filters: consumer.filters.map((pattern) => lambda.FilterCriteria.filter(kinesis ? { data: pattern } : pattern)),
      batchSize: consumer.batchSize,
      maxBatchingWindow: Duration.seconds(0),
      retryAttempts: consumer.retryAttempts,
      bisectBatchOnError: true,
      maxRecordAge: Duration.seconds(consumer.maxRecordAgeSeconds),
      parallelizationFactor: consumer.parallelizationFactor,
      onFailure: new SqsDlq(failures),
    });
    alarm(
      `Stream-${consumer.id}-FailureAlarm`,
      failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      `The ${consumer.id} stream consumer gave up on a batch of records after its retries`,
    );
    acknowledgeDeadLetterQueue(failures);
    acknowledgeStreamConsumer(fn);
  }
};
