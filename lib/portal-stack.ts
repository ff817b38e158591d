import { ArnFormat, CfnOutput, Duration, Lazy, NestedStack, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { AREAS, ROUTES, type Access, type RouteDefinition } from '../functions/definitions/routes.ts';
import { TABLE, tableIndexes } from '../functions/definitions/table.ts';
import { EMAIL_TEMPLATES } from '../functions/definitions/email-templates.ts';
import {
  FAILURE_KINDS,
  PERMANENT_FAILURE_KINDS,
  PERMANENT_FAILURE_METRIC,
  EMAIL_RUNBOOK,
} from '../functions/definitions/email-failures.ts';
import { OPERATOR_OUTPUTS, type OperatorOutput } from './stack-outputs.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../functions/definitions/timeouts.ts';
import { PortalFunction } from './constructs/portal-function.ts';
import { addEventHandlers, addJobs, addStreamConsumers, type FunctionWiring } from './background-functions.ts';
import { PortalUserPool, type PortalUserPoolProps } from './constructs/user-pool.ts';
import { PortalApi } from './constructs/api.ts';
import { SecurityAlarms } from './constructs/security-alarms.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../functions/definitions/observability.ts';
import { requireBuiltClient, WebHosting } from './constructs/web-hosting.ts';
import { ExportBucket } from './constructs/export-bucket.ts';
import { accessWiring } from './access-wiring.ts';
import { AuditArchive } from './constructs/audit-archive.ts';
import {
  apiDomainOf,
  checkDomainSettings,
  PortalDomain,
  type PortalDomainSettings,
} from './constructs/portal-domain.ts';
import {
  acknowledgeBackupRole,
  acknowledgeExportWriter,
  acknowledgePublicMethods,
  acknowledgeSynchronousFunction,
  acknowledgeWebHosting,
  applyNagSuppressions,
} from './nag-suppressions.ts';

export interface PortalStackProps extends StackProps {
  /** Address the portal's email comes from, e.g. `no-reply@ctpat.example.gov`. */
  readonly senderAddress: string;
  /** Verify this whole domain in SES instead of the single sender address. Default: none. */
  readonly senderDomain?: string;
  /** Further origins of the web client (CORS); the portal's own (its custom domain, else CloudFront's) is always allowed, first. */
  readonly allowedOrigins: readonly string[];
  /** Folder of the built web client (`npm run build:web` writes web/dist). */
  readonly webAssetsPath: string;
  /** The portal's address in emails (default: the web portal's: its custom domain, else the CloudFront URL). */
  readonly portalUrl?: string;
  /** CBP's C-TPAT program mailbox, which is told of removals and reapplications. */
  readonly programEmail: string;
  /** CBP's identity provider for staff sign-in (context `staffIdentityProvider`, deploy.md). */
  readonly staffFederation?: PortalUserPoolProps['federation'];
  /** Primary POCs too must have a second factor before the portal serves them (context `requirePocMfa`). */
  readonly requirePocMfa?: boolean;
  /** The portal's own names for CloudFront and the API (context `domainName`, ...; decision 68). Default: AWS's. */
  readonly domain?: PortalDomainSettings;
}

/**
 * The whole deployment, built by looping over the three definitions: the route table (API
 * methods and their functions), the job table (schedules) and the table definition.
 */
export class PortalStack extends Stack {
  /**
   * One nested stack per area of the route table (`AREAS`), named `Routes<Area>`: each route's
   * function (with its role, policy, log group and invoke permission), its API method and its
   * request model. The parent keeps the API, its paths and their CORS methods: together they would
   * pass CloudFormation's 500 resources per stack (decision 30). A new area is a new nested stack.
   */
  readonly routeStacks: readonly NestedStack[];
  /** The API and the web client's hosting, for tests and for stacks built on this one. */
  readonly api: PortalApi;
  readonly web: WebHosting;
  /** The bucket exports are written to, with its key and access logs. */
  readonly exports: ExportBucket;
  /** The custom domain's API name and DNS records, when the stack has a domain. */
  readonly domain?: PortalDomain;
  /** The API's base URL as the web portal calls it: `https://api.<domainName>/` with a custom domain, else the stage URL. */
  readonly apiUrl: string;

  constructor(scope: Construct, id: string, props: PortalStackProps) {
    super(scope, id, props);
    // Before bundling sixty-odd functions, not after.
    requireBuiltClient(props.webAssetsPath);
    if (props.domain) checkDomainSettings(props.domain, this.region);
    const areaStacks = new Map<string, NestedStack>();
    for (const area of AREAS) {
      const nested = new NestedStack(this, `Routes${area.tag}`, {
        description: `C-TPAT portal: the ${area.tag} routes' functions and API methods`,
      });
      for (const route of area.routes) areaStacks.set(route.id, nested);
    }
    this.routeStacks = [...new Set(areaStacks.values())];

    // The table's changes, also as a Kinesis data stream (Kinesis Data Streams for DynamoDB): the
    // DynamoDB stream is read by as many consumers as DynamoDB advises (two), and a Kinesis stream
    // takes more, each with its own place. The audit archive reads it (decision 83). On-demand,
    // so it needs no shard count; a week's retention, so a consumer stopped for days loses nothing.
    const tableChanges = new kinesis.Stream(this, 'TableChanges', {
      streamMode: kinesis.StreamMode.ON_DEMAND,
      encryption: kinesis.StreamEncryption.MANAGED,
      retentionPeriod: Duration.days(7),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TABLE.ttlAttribute,
      // Its consumers (the stream-consumer table) send new outbox deliveries off the request path.
      stream: dynamodb.StreamViewType[TABLE.streamView],
      kinesisStream: tableChanges,
      kinesisPrecisionTimestamp: dynamodb.ApproximateCreationDateTimePrecision.MILLISECOND,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const tableStreamArn = table.tableStreamArn;
    if (!tableStreamArn) throw new Error('The table has no stream, which its stream consumers read');
    for (const index of tableIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
      });
    }

    // Daily backups kept 35 days, besides point-in-time recovery (NIST 800-53 CP-9).
    const backups = backup.BackupPlan.daily35DayRetention(this, 'Backup');
    const selection = backups.addSelection('Table', { resources: [backup.BackupResource.fromDynamoDbTable(table)] });
    acknowledgeBackupRole(selection.node.findChild('Role'));

    // One customer-managed key for every log group (NIST 800-53 AU-9, SC-28), rotated yearly.
    const logKey = new kms.Key(this, 'LogKey', {
      description: 'C-TPAT portal: encrypts its CloudWatch log groups',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    logKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': this.formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );

    const exportFiles = new ExportBucket(this, 'Exports');
    this.exports = exportFiles;
    // Write-once copies of the audit records (Object Lock, compliance mode; decision 79).
    const archive = new AuditArchive(this, 'AuditArchive');

    const users = new PortalUserPool(this, 'Users', { realm: 'participants' });
    // CBP staff sign in to their own pool, where Cognito requires a second factor (decision 60).
    const staffUsers = new PortalUserPool(this, 'StaffUsers', {
      realm: 'staff',
      codeKey: users.codeKey,
      ...(props.staffFederation ? { federation: props.staffFederation } : {}),
    });

    const configurationSet = new ses.ConfigurationSet(this, 'EmailConfiguration', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    const identity = new ses.EmailIdentity(this, 'Sender', {
      identity: props.senderDomain ? ses.Identity.domain(props.senderDomain) : ses.Identity.email(props.senderAddress),
      configurationSet,
    });

    for (const template of Object.values(EMAIL_TEMPLATES)) {
      new ses.CfnTemplate(this, `EmailTemplate-${template.name}`, {
        template: {
          templateName: template.name,
          subjectPart: template.subject,
          textPart: template.text,
          htmlPart: template.html,
        },
      });
    }

    const alarmTopic = new sns.Topic(this, 'Alarms', {
      displayName: 'C-TPAT portal alarms',
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    const alarm = (id: string, metric: cloudwatch.IMetric, description: string) =>
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      }).addAlarmAction(new actions.SnsAction(alarmTopic));

    // The web client's CloudFront URL is allowed first, but the distribution is built after the
    // API (its CSP names the API): resolved at synth, once both exist.
    let web: WebHosting | undefined;
    const webUrl = Lazy.string({
      produce: () => {
        if (!web) throw new Error('The web hosting was never added to the stack');
        return web.url;
      },
    });
    const allowedOrigins = [webUrl, ...props.allowedOrigins];

    /** Environment and IAM for exactly the access a function declares. */
    const { environmentFor, grant } = accessWiring(this, {
      table,
      tableStreamArn,
      tableChangesArn: tableChanges.streamArn,
      users,
      staffUsers,
      identity,
      configurationSet,
      exportFiles,
      archive,
      allowedOrigins,
      programEmail: props.programEmail,
      senderAddress: props.senderAddress,
      portalUrl: props.portalUrl ?? webUrl,
      requirePocMfa: props.requirePocMfa,
    });

    const functions = new Map<string, lambda.IFunction>();
    // Named under one prefix, so the security alarms' rules read every route's log group.
    const routeLogPrefix = `/ctpat-portal/${this.stackName}/routes/`;
    for (const route of ROUTES as readonly RouteDefinition[]) {
      const areaStack = areaStacks.get(route.id);
      if (!areaStack) throw new Error(`Route ${route.id} is in no area of the route table`);
      const { function: fn } = new PortalFunction(areaStack, `Route-${route.id}`, {
        entry: `handlers/${route.handler}`,
        description: `${route.method} ${route.path}: ${route.summary}`.slice(0, 256),
        environment: environmentFor(route.access),
        timeout: Duration.seconds(route.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS.route),
        logKey,
        logGroupName: `${routeLogPrefix}${route.id}`,
      });
      grant(fn, route.access);
      acknowledgeSynchronousFunction(fn);
      if (route.access.includes('exports:write')) acknowledgeExportWriter(fn, exportFiles.bucket);
      functions.set(route.id, fn);
    }

    const portalApi = new PortalApi(this, 'Api', {
      routes: ROUTES,
      functions,
      userPools: [users.pool, staffUsers.pool],
      allowedOrigins,
      logKey,
    });
    acknowledgePublicMethods(portalApi.methods, ROUTES);
    // The CSP names the API by its id only (or its custom name): the stage URL would depend on the
    // CORS methods, which depend on the distribution's domain name.
    const domain = props.domain;
    web = new WebHosting(this, 'Web', {
      assetsPath: props.webAssetsPath,
      apiOrigin: domain
        ? `https://${apiDomainOf(domain)}`
        : `https://${portalApi.api.restApiId}.execute-api.${this.region}.${this.urlSuffix}`,
      apiUrl: domain ? `https://${apiDomainOf(domain)}/` : portalApi.api.url,
      ...(domain
        ? {
            domainNames: [domain.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'WebCertificate', domain.certificateArn),
          }
        : {}),
    });
    this.api = portalApi;
    this.web = web;
    if (domain)
      this.domain = new PortalDomain(this, 'Domain', {
        settings: domain,
        api: portalApi.api,
        distribution: web.distribution,
      });
    this.apiUrl = this.domain?.apiUrl ?? portalApi.api.url;
    acknowledgeWebHosting(this, web);
    new CfnOutput(this, 'PortalUrl', {
      value: web.url,
      description: 'The web portal (its custom domain, or CloudFront)',
    });
    // With PortalUrl, what `npm run smoke -- --api ... --web ...` walks after a deployment.
    new CfnOutput(this, 'ApiUrl', {
      value: this.apiUrl,
      description: 'The API, on api.<domainName> when set (for npm run smoke)',
    });
    new CfnOutput(this, 'AuditArchiveBucket', { value: archive.bucket.bucketName, description: 'The audit archive' });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn, description: 'Subscribe the on-call address' });
    // What `npm run admin` reads to add the first CBP administrator as the functions would.
    const operatorOutputs: Record<OperatorOutput, string> = {
      TableName: table.tableName,
      UserPoolId: users.pool.userPoolId,
      UserPoolClientId: users.client.userPoolClientId,
      StaffUserPoolId: staffUsers.pool.userPoolId,
      StaffUserPoolClientId: staffUsers.client.userPoolClientId,
      ProgramEmail: props.programEmail,
    };
    for (const [id, value] of Object.entries(operatorOutputs))
      new CfnOutput(this, id, { value, description: `${OPERATOR_OUTPUTS[id as OperatorOutput]} for npm run admin` });
    alarm(
      'Api5xxAlarm',
      portalApi.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      'The API answered 5xx',
    );

    const wiring: FunctionWiring = { environmentFor, grant, alarm, logKey };
    addJobs(this, wiring);

    // Cognito's password-reset codes reach people through the portal's own SES template.
    const emailSenderAccess: readonly Access[] = ['email:send'];
    const { function: emailSender } = new PortalFunction(this, 'CustomEmailSender', {
      entry: 'triggers/custom-email-sender',
      description: "Cognito custom email sender: emails a password-reset code with the portal's SES template",
      environment: { ...environmentFor(emailSenderAccess), CODE_KEY_ARN: users.codeKey.keyArn },
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS.trigger),
      logKey,
    });
    grant(emailSender, emailSenderAccess);
    users.useEmailSender(emailSender);
    staffUsers.useEmailSender(emailSender);
    acknowledgeSynchronousFunction(emailSender);
    // SES publishes the configuration set's bounces and complaints to the default event bus (the
    // only bus SES can use); each event handler's rule picks its own out, with retries and an
    // alarmed dead-letter queue like the jobs'.
    const defaultBus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    configurationSet.addEventDestination('Feedback', {
      destination: ses.EventDestination.eventBus(defaultBus),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });
    addEventHandlers(this, wiring, { bus: defaultBus, configurationSetName: configurationSet.configurationSetName });
    addStreamConsumers(this, wiring, { table: tableStreamArn, 'table-changes': tableChanges.streamArn });

    alarm(
      'OutboxDeliveryFailedAlarm',
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'OutboxDeliveryFailed',
        // Powertools Metrics adds the service to every metric's dimensions.
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      'An email delivery gave up after its last retry',
    );
    // Each kind of permanent SES failure has its own alarm, at its first occurrence: what to do
    // differs by kind (the runbook, EMAIL_RUNBOOK), and it need not wait for the outbox's last retry.
    for (const kind of PERMANENT_FAILURE_KINDS)
      alarm(
        `EmailPermanentFailure-${kind}-Alarm`,
        new cloudwatch.Metric({
          namespace: METRICS_NAMESPACE,
          metricName: PERMANENT_FAILURE_METRIC,
          // Powertools Metrics adds the service to every metric's dimensions.
          dimensionsMap: { Kind: kind, service: SERVICE_NAME },
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
        `${FAILURE_KINDS[kind].description}. What to do: ${EMAIL_RUNBOOK}, "${kind}"`,
      );

    new SecurityAlarms(this, 'SecurityAlarms', { routeLogPrefix, alarmTopic, namePrefix: this.stackName });

    applyNagSuppressions(this);
  }
}
