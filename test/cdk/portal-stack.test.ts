import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { createPortalApp } from '../../lib/portal-app.ts';
import type { PortalStack } from '../../lib/portal-stack.ts';
import { AREAS, ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import { JOBS } from '../../functions/definitions/jobs.ts';
import { EVENT_HANDLERS } from '../../functions/definitions/events.ts';
import { STREAM_CONSUMERS } from '../../functions/definitions/stream-consumers.ts';
import { TABLE, tableIndexes } from '../../functions/definitions/table.ts';
import { GRANTED_ACTIONS } from '../../lib/iam-actions.ts';
import { ROLES } from '../../functions/definitions/roles.ts';
import { EMAIL_TEMPLATES } from '../../functions/definitions/email-templates.ts';
import { nagFindings } from '../support/nag.ts';
import { stubWebClient } from '../support/web-client.ts';

let app: App;
let template: Template;
let routeFunctions: Template;
let stack: PortalStack;
let assemblyDir: string;

beforeAll(() => {
  // A stand-in for web/dist, so the test needs no Vite build.
  app = createPortalApp(new App({ context: { webAssetsPath: stubWebClient() } }));
  assemblyDir = app.synth().directory;
  stack = app.node.findChild('CtpatPortal') as PortalStack;
  template = Template.fromStack(stack);
  routeFunctions = routeStacksTemplate(stack);
}, 600_000);

/** Resources of a type in the stack and its areas' nested stacks of routes. */
const resourcesOf = (type: string) =>
  [template, routeFunctions].flatMap((t) => Object.entries(t.findResources(type))) as [
    string,
    { Properties: Record<string, any> },
  ][];

describe('DynamoDB table', () => {
  it('is on-demand, with point-in-time recovery and deletion protection, keyed by the table definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableIndexes.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
    });
  });

  it("grants no function Scan, nor any action on the whole account but X-Ray, listing the stream and reading SES's status", () => {
    for (const [id, policy] of resourcesOf('AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const actions = [statement.Action].flat();
        expect(actions).not.toContain('dynamodb:Scan');
        expect(actions.some((a: string) => a.endsWith(':*'))).toBe(false);
        if (statement.Resource !== '*') continue;
        // ListStreams has no resource-level permission; only a stream consumer's role has it, alone.
        if (actions.includes('dynamodb:ListStreams') || actions.includes('kinesis:ListStreams')) {
          expect(actions.length, id).toBe(1);
          expect(id).toMatch(/^Stream/);
        } else if (actions.includes('ses:GetAccount')) {
          // GetAccount names no resource; only the readiness route's role has it, alone.
          expect(actions, id).toEqual(['ses:GetAccount']);
          expect(id).toMatch(/^Routeready/);
        } else expect(actions.every((a: string) => a.startsWith('xray:'))).toBe(true);
      }
    }
  });

  it("has a stream of new images, which only the stream consumers' roles may read", () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: TABLE.streamView },
    });
    const readers = resourcesOf('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Record<string, any>[]).some((st) =>
        [st.Action].flat().includes('dynamodb:GetRecords'),
      ),
    );
    expect(readers.map(([id]) => id.replace(/Role.*$/, '')).sort()).toEqual(
      STREAM_CONSUMERS.filter((c) => c.source === 'table')
        .map((c) => `Stream${c.id}`)
        .sort(),
    );
  });

  it("writes its changes to an encrypted Kinesis data stream too, which only the changes' consumers' roles may read", () => {
    const streams = resourcesOf('AWS::Kinesis::Stream');
    expect(streams).toHaveLength(1);
    const [streamId, stream] = streams[0]!;
    expect(stream.Properties).toMatchObject({
      StreamModeDetails: { StreamMode: 'ON_DEMAND' },
      StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
      RetentionPeriodHours: 7 * 24,
    });
    expect((stream as { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KinesisStreamSpecification: {
        StreamArn: { 'Fn::GetAtt': [streamId, 'Arn'] },
        ApproximateCreationDateTimePrecision: 'MILLISECOND',
      },
    });
    const readers = resourcesOf('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as Record<string, any>[]).some((st) =>
        [st.Action].flat().includes('kinesis:GetRecords'),
      ),
    );
    expect(readers.map(([id]) => id.replace(/Role.*$/, '')).sort()).toEqual(
      STREAM_CONSUMERS.filter((c) => c.source === 'table-changes')
        .map((c) => `Stream${c.id}`)
        .sort(),
    );
  });
});

describe('NIST 800-53 fixes', () => {
  it('encrypts every log group with the rotated portal key, logs the WAF without the token, and backs the table up daily', () => {
    const groups = resourcesOf('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(ROUTES.length);
    for (const [id, group] of groups) expect(group.Properties.KmsKeyId, id).toBeDefined();
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }],
    });
    template.resourceCountIs('AWS::Backup::BackupPlan', 1);
    template.resourceCountIs('AWS::Backup::BackupSelection', 1);
  });
});

describe('audit records', () => {
  it('may be updated or deleted by no function: every function policy denies both on audit partitions', () => {
    const policies = resourcesOf('AWS::IAM::Policy').filter(
      ([id]) => /Route|Job|Event|Stream|CustomEmailSender/.test(id) && !id.includes('Scheduler'),
    );
    const denies = (statement: Record<string, any>) =>
      statement.Effect === 'Deny' &&
      ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'].every((a) => [statement.Action].flat().includes(a)) &&
      JSON.stringify(statement.Condition) ===
        JSON.stringify({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['COMPANY#*#AUDIT'] } });
    let writers = 0;
    for (const [id, policy] of policies) {
      const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
      expect(statements.some(denies), `${id} has no deny on audit records`).toBe(true);
      if (
        statements.some(
          (st) =>
            st.Effect !== 'Deny' &&
            [st.Action].flat().some((a: string) => a === 'dynamodb:UpdateItem' || a === 'dynamodb:DeleteItem'),
        )
      )
        writers += 1;
    }
    // Every route, job, event handler and stream consumer, and Cognito's custom email sender.
    expect(policies).toHaveLength(ROUTES.length + JOBS.length + EVENT_HANDLERS.length + STREAM_CONSUMERS.length + 1);
    expect(writers).toBeGreaterThan(0);
    console.log(
      `[cdk] ${policies.length} function policies deny updating and deleting audit records, ${writers} of them on functions that may update other items`,
    );
  });
});

describe('Cognito user pools', () => {
  const pools = () => resourcesOf('AWS::Cognito::UserPool');
  const staffPool = () => pools().find(([id]) => id.startsWith('StaffUsers'));
  const participantPool = () => pools().find(([id]) => id.startsWith('Users'));

  it("are two: participants' with an optional second factor, CBP staff's where Cognito requires one", () => {
    expect(pools()).toHaveLength(2);
    expect(participantPool()![1].Properties).toMatchObject({
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    // ON: no token without a second factor, and no setting a staff member can change turns it off.
    expect(staffPool()![1].Properties).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('allows admin-created users only, with the password policy of DESIGN section 7 and temporary passwords of 3 days', () => {
    const adminOnly = template.findResources('AWS::Cognito::UserPool', {
      Properties: { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } },
    });
    expect(Object.keys(adminOnly)).toHaveLength(2);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 15,
          RequireLowercase: false,
          RequireUppercase: false,
          RequireNumbers: false,
          RequireSymbols: false,
          TemporaryPasswordValidityDays: 3,
        },
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Schema: Match.arrayWith([Match.objectLike({ Name: 'companyId', Mutable: false })]),
    });
  });

  it("sends password-reset codes through the portal's custom email sender, which alone may decrypt them", () => {
    const keyId = resourcesOf('AWS::KMS::Key').find(([, k]) =>
      String(k.Properties.Description).includes('Cognito codes'),
    )?.[0];
    expect(keyId).toBeDefined();
    template.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('Cognito codes'),
      EnableKeyRotation: true,
    });
    for (const [id, pool] of pools())
      expect(pool.Properties.LambdaConfig, id).toMatchObject({
        KMSKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
        CustomEmailSender: { LambdaArn: expect.anything(), LambdaVersion: 'V1_0' },
      });
    const [, policy] = resourcesOf('AWS::IAM::Policy').find(([id]) => id.startsWith('CustomEmailSender')) ?? [];
    expect(policy).toBeDefined();
    const statements = policy!.Properties.PolicyDocument.Statement as Record<string, any>[];
    const decrypts = statements.filter((st) => st.Effect === 'Allow' && [st.Action].flat().includes('kms:Decrypt'));
    expect(decrypts.map((st) => st.Resource)).toEqual([{ 'Fn::GetAtt': [keyId, 'Arn'] }]);
    expect(
      statements.some(
        (st) => st.Effect === 'Allow' && [st.Action].flat().some((a: string) => a.startsWith('dynamodb:')),
      ),
    ).toBe(false);
  });

  it("has one group per role, staff's in the staff pool", () => {
    const groups = resourcesOf('AWS::Cognito::UserPoolGroup').map(([id, g]) => [id, g.Properties.GroupName]);
    expect(groups.map(([, name]) => name).sort()).toEqual([...ROLES].sort());
    expect(groups.filter(([id]) => id!.startsWith('StaffUsers')).map(([, name]) => name)).toEqual([
      'cbp-admin',
      'cbp-officer',
    ]);
  });

  it('has an app client per pool with 15-minute tokens that cannot write companyId', () => {
    const clients = resourcesOf('AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(2);
    for (const [, { Properties: client }] of clients) {
      expect(client).toMatchObject({
        AccessTokenValidity: 15,
        IdTokenValidity: 15,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' },
        PreventUserExistenceErrors: 'ENABLED',
      });
      expect(client.RefreshTokenValidity).toBeLessThanOrEqual(24 * 60);
      expect(client.WriteAttributes).toBeDefined();
      expect(client.WriteAttributes).not.toContain('custom:companyId');
    }
  });

  it('revokes refresh tokens on sign-out and rotates them on every refresh', () => {
    for (const [, client] of resourcesOf('AWS::Cognito::UserPoolClient')) {
      expect(client.Properties).toMatchObject({
        EnableTokenRevocation: true,
        RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      });
      // A rotating client refuses REFRESH_TOKEN_AUTH; the portal refreshes with GetTokensFromRefreshToken.
      expect(client.Properties.ExplicitAuthFlows).not.toContain('ALLOW_REFRESH_TOKEN_AUTH');
    }
    for (const [, pool] of pools()) expect(pool.Properties.UserPoolTier).toBe('PLUS');
  });

  it('federates no staff sign-in unless the context names an identity provider', () => {
    expect(resourcesOf('AWS::Cognito::UserPoolIdentityProvider')).toHaveLength(0);
    expect(resourcesOf('AWS::Cognito::UserPoolDomain')).toHaveLength(0);
  });
});

describe('the stack', () => {
  it("keeps each of its stacks under CloudFormation's 500 resources, with room to grow", () => {
    // A route costs seven resources or so in its area's nested stack (function, role, policy, log
    // group, permission, method, model) and one or two in the parent (its path and the path's CORS
    // method). See docs/decisions.md, 30.
    const parent = Object.keys(template.toJSON().Resources as object).length;
    const nested = stack.routeStacks.map(
      (s) => [s.node.id, Object.keys(Template.fromStack(s).toJSON().Resources as object).length] as const,
    );
    console.log(
      `[cdk] resources: ${parent} in the stack; in its route stacks ${nested.map(([id, n]) => `${id} ${n}`).join(', ')} (limit 500 each)`,
    );
    expect(parent).toBeLessThanOrEqual(450);
    for (const [id, n] of nested) expect(n, id).toBeLessThanOrEqual(450);
  });

  it('puts each route, its function and its method, in the nested stack of its area', () => {
    for (const area of AREAS) {
      const nested = stack.routeStacks.find((s) => s.node.id === `Routes${area.tag}`);
      expect(nested, area.tag).toBeDefined();
      const methods = Object.values(Template.fromStack(nested!).findResources('AWS::ApiGateway::Method'));
      expect(methods.map((m) => m.Properties.OperationName).sort()).toEqual(area.routes.map((r) => r.id).sort());
    }
    // The parent keeps only the paths' CORS methods.
    const parentMethods = Object.values(template.findResources('AWS::ApiGateway::Method'));
    expect(parentMethods.every((m) => m.Properties.HttpMethod === 'OPTIONS')).toBe(true);
    // The deployment waits for every area's methods.
    const [deployment] = Object.values(template.findResources('AWS::ApiGateway::Deployment'));
    const nestedIds = Object.keys(template.findResources('AWS::CloudFormation::Stack'));
    expect(nestedIds).toHaveLength(AREAS.length);
    for (const id of nestedIds) expect(deployment!.DependsOn).toContain(id);
  });

  it('lets API Gateway invoke each route function once, with no console test-invoke grant', () => {
    const permissions = resourcesOf('AWS::Lambda::Permission');
    expect(permissions.filter(([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com')).toHaveLength(
      ROUTES.length,
    );
    // The rest: EventBridge invoking each event handler, and Cognito its custom email sender.
    expect(permissions.filter(([, p]) => p.Properties.Principal === 'events.amazonaws.com')).toHaveLength(
      EVENT_HANDLERS.length,
    );
    // Each pool invokes the one custom email sender.
    expect(permissions.filter(([, p]) => p.Properties.Principal === 'cognito-idp.amazonaws.com')).toHaveLength(2);
    expect(permissions).toHaveLength(ROUTES.length + EVENT_HANDLERS.length + 2);
  });
});

describe('REST API', () => {
  const methods = () => resourcesOf('AWS::ApiGateway::Method').filter(([, m]) => m.Properties.HttpMethod !== 'OPTIONS');

  it("accepts tokens from both pools (participants' and CBP staff's) in its one authorizer", () => {
    const [, authorizer] = resourcesOf('AWS::ApiGateway::Authorizer')[0]!;
    expect(resourcesOf('AWS::ApiGateway::Authorizer')).toHaveLength(1);
    expect(authorizer.Properties.ProviderARNs).toHaveLength(2);
  });

  it('has a method for every route, with the Cognito authorizer on every non-public one', () => {
    const byName = new Map(methods().map(([, m]) => [m.Properties.OperationName as string, m.Properties]));
    expect(byName.size).toBe(ROUTES.length);
    for (const route of ROUTES as readonly RouteDefinition[]) {
      const method = byName.get(route.id);
      expect(method, route.id).toBeDefined();
      expect(method!.HttpMethod).toBe(route.method);
      if (route.auth === 'public') expect(method!.AuthorizationType).toBe('NONE');
      else {
        expect(method!.AuthorizationType).toBe('COGNITO_USER_POOLS');
        expect(method!.AuthorizerId).toBeDefined();
      }
      expect(method!.RequestValidatorId).toBeDefined();
      if (route.body) expect(method!.RequestModels?.['application/json']).toBeDefined();
    }
  });

  it('logs access as JSON, throttles the stage and traces requests', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      TracingEnabled: true,
      MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 })]),
    });
  });

  it('is protected by a WAF web ACL with managed rules and a rate limit', () => {
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
        Match.objectLike({ Name: 'RateLimitPerIp' }),
      ]),
    });
    template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
  });

  it('answers its own errors in the portal error shape', () => {
    template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'DEFAULT_4XX',
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"error"') },
    });
  });

  it("sends its own answers (an authorizer's 401, a throttling 429, a 5xx) never cached and HTTPS only, as the handlers do", () => {
    const responses = Object.values(template.findResources('AWS::ApiGateway::GatewayResponse'));
    expect(responses.map((r) => r.Properties.ResponseType).sort()).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
    for (const response of responses) {
      expect(response.Properties.ResponseParameters).toMatchObject({
        'gatewayresponse.header.Cache-Control': "'no-store'",
        'gatewayresponse.header.Strict-Transport-Security': "'max-age=63072000; includeSubDomains'",
        'gatewayresponse.header.X-Content-Type-Options': "'nosniff'",
      });
    }
  });
});

describe('Lambda functions', () => {
  it('run Node.js 22 on arm64 with tracing and a log group with retention, one per route, job, event handler and stream consumer, and the email sender', () => {
    const functions = resourcesOf('AWS::Lambda::Function').filter(([, f]) => f.Properties.Runtime === 'nodejs22.x');
    expect(functions).toHaveLength(ROUTES.length + JOBS.length + EVENT_HANDLERS.length + STREAM_CONSUMERS.length + 1);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
      });
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
    for (const [, group] of resourcesOf('AWS::Logs::LogGroup'))
      expect(group.Properties.RetentionInDays).toBeGreaterThanOrEqual(365);
  });

  it('get the table name only when they touch the table', () => {
    const functions = resourcesOf('AWS::Lambda::Function').filter(([, f]) => f.Properties.Runtime === 'nodejs22.x');
    const health = functions.find(([, f]) => String(f.Properties.Description).startsWith('GET /health'));
    expect(health![1].Properties.Environment?.Variables?.TABLE_NAME).toBeUndefined();
    const enroll = functions.find(([, f]) => String(f.Properties.Description).startsWith('POST /companies'));
    expect(enroll![1].Properties.Environment.Variables.TABLE_NAME).toBeDefined();
  });
});

describe('schedules', () => {
  it('run every job of the job table with retries and a dead-letter queue, alarmed', () => {
    const schedules = resourcesOf('AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(JOBS.length);
    for (const job of JOBS) {
      const found = schedules.find(([, s]) => s.Properties.ScheduleExpression === job.schedule);
      expect(found, job.id).toBeDefined();
      expect(found![1].Properties.Target.RetryPolicy.MaximumRetryAttempts).toBe(3);
      expect(found![1].Properties.Target.DeadLetterConfig.Arn).toBeDefined();
    }
    const alarms = resourcesOf('AWS::CloudWatch::Alarm');
    // One dead-letter alarm per job, one per event handler (asserted with the email feedback below)
    // and one per stream consumer's on-failure queue (asserted with the outbox's stream below).
    expect(alarms.filter(([, a]) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(
      JOBS.length + EVENT_HANDLERS.length + STREAM_CONSUMERS.length,
    );
    expect(alarms.filter(([, a]) => a.Properties.MetricName === '5XXError')).toHaveLength(1);
  });

  it('chain the audit trail every minute and verify the chains every hour, alarming on the first break counted (issue 20)', () => {
    const chainer = resourcesOf('AWS::Scheduler::Schedule').find(([id]) => id.startsWith('JobchainAuditTrail'));
    expect(chainer?.[1].Properties.ScheduleExpression).toBe('rate(1 minute)');
    const schedule = resourcesOf('AWS::Scheduler::Schedule').find(([id]) => id.startsWith('JobverifyAuditChains'));
    expect(schedule?.[1].Properties.ScheduleExpression).toBe('rate(1 hour)');
    const broken = resourcesOf('AWS::CloudWatch::Alarm').filter(
      ([, a]) => a.Properties.MetricName === 'AuditChainBroken',
    );
    expect(broken).toHaveLength(1);
    expect(broken[0]![1].Properties).toMatchObject({
      Namespace: 'CtpatPortal',
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [expect.objectContaining({ Ref: expect.stringMatching(/^Alarms/) })],
    });
    // Only the service Powertools adds: the job counts without dimensions (the broken company rides in the log line).
    expect(broken[0]![1].Properties.Dimensions).toEqual([{ Name: 'service', Value: 'ctpat-portal' }]);
  });
});

describe('SES', () => {
  it('has a configuration set and a sender identity that uses it', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'no-reply@ctpat.example.gov',
      ConfigurationSetAttributes: Match.anyValue(),
    });
  });

  it('has every email template of the template definitions', () => {
    for (const t of Object.values(EMAIL_TEMPLATES)) {
      template.hasResourceProperties('AWS::SES::Template', {
        Template: { TemplateName: t.name, SubjectPart: t.subject, TextPart: t.text },
      });
    }
  });

  it('alarms when an email delivery gives up, on the metric as Powertools publishes it (with the service)', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'CtpatPortal',
      MetricName: 'OutboxDeliveryFailed',
      Dimensions: [{ Name: 'service', Value: 'ctpat-portal' }],
      Threshold: 1,
    });
  });

  it('lets only the functions that send mail send it, and only with the portal identity and templates', () => {
    const senders: string[] = [];
    for (const [id, policy] of resourcesOf('AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        const actions: string[] = [statement.Action].flat();
        if (!actions.some((a) => a.startsWith('ses:'))) continue;
        // The readiness route asks SES for the account's status (GetAccount), which sends nothing.
        if (actions.every((a) => a === 'ses:GetAccount')) continue;
        expect(JSON.stringify(statement.Resource)).not.toContain('template/*');
        senders.push(id.replace(/Role.*$/, ''));
      }
    }
    // Off the request path (issue 25): no route function may send; the outbox's senders and Cognito's trigger do.
    expect(senders.sort()).toEqual(
      ['CustomEmailSender', 'JobsendOutbox', ...OUTBOX_CONSUMERS.map((c) => `Stream${c.id}`)].sort(),
    );
  });
});

const mappingOf = (id: string) => {
  const mappings = resourcesOf('AWS::Lambda::EventSourceMapping');
  expect(mappings).toHaveLength(STREAM_CONSUMERS.length);
  return mappings.find(([logicalId]) => logicalId.startsWith(`Stream${id}Function`))![1].Properties;
};

/** A consumer's mapping retries a failed batch split in two, then records it on an alarmed on-failure queue. */
const expectRetriedThenQueued = (consumer: (typeof STREAM_CONSUMERS)[number]) => {
  const props = mappingOf(consumer.id);
  expect(props).toMatchObject({
    BatchSize: consumer.batchSize,
    MaximumBatchingWindowInSeconds: 0,
    MaximumRetryAttempts: consumer.retryAttempts,
    BisectBatchOnFunctionError: true,
    MaximumRecordAgeInSeconds: consumer.maxRecordAgeSeconds,
    ParallelizationFactor: consumer.parallelizationFactor,
  });
  const queue = props.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0] as string;
  expect(queue).toMatch(new RegExp(`^Stream${consumer.id}Failures`));
  const alarmed = resourcesOf('AWS::CloudWatch::Alarm').filter(
    ([, a]) =>
      a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
      JSON.stringify(a.Properties.Dimensions).includes(queue),
  );
  expect(alarmed, consumer.id).toHaveLength(1);
};

/** What a consumer's role is allowed, and the statements that allow it. */
const allowedTo = (consumer: (typeof STREAM_CONSUMERS)[number]) => {
  const policies = resourcesOf('AWS::IAM::Policy').filter(([id]) => id.startsWith(`Stream${consumer.id}Role`));
  expect(policies).toHaveLength(1);
  const statements = (policies[0]![1].Properties.PolicyDocument.Statement as Record<string, any>[]).filter(
    (st) => st.Effect === 'Allow',
  );
  return { statements, allowed: statements.flatMap((st) => [st.Action].flat() as string[]).sort() };
};

/** What a stream consumer's or event handler's role has besides its access: its logs, its failure queue, tracing. */
const QUEUED_ROLE_ACTIONS = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:SendMessage',
  'xray:PutTelemetryRecords',
  'xray:PutTraceSegments',
];

const OUTBOX_CONSUMERS = STREAM_CONSUMERS.filter((c) => c.source === 'table');

describe("the outbox's stream consumers", () => {
  const newDelivery = {
    eventName: ['INSERT'],
    dynamodb: { Keys: { pk: { S: [{ prefix: 'OUTBOX#' }] }, sk: { S: ['DELIVERY'] } } },
  };

  it("read the table's stream from the latest record, passing each function only new delivery items, alerts on their own", () => {
    expect(OUTBOX_CONSUMERS.map((c) => c.id).sort()).toEqual(['sendNewAlerts', 'sendNewDeliveries']);
    for (const consumer of OUTBOX_CONSUMERS) {
      const props = mappingOf(consumer.id);
      expect(props.EventSourceArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'StreamArn'] });
      expect(props.FunctionName.Ref).toMatch(new RegExp(`^Stream${consumer.id}Function`));
      expect(props.StartingPosition).toBe('LATEST');
    }
    const patterns = (id: string) =>
      mappingOf(id).FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns('sendNewDeliveries')).toEqual([newDelivery]);
    expect(patterns('sendNewAlerts')).toEqual([
      { ...newDelivery, dynamodb: { ...newDelivery.dynamodb, NewImage: { shard: { S: [{ prefix: 'alert-' }] } } } },
    ]);
  });

  it('retry a failed batch split in two, then record it on an on-failure queue that is alarmed', () => {
    for (const consumer of OUTBOX_CONSUMERS) expectRetriedThenQueued(consumer);
  });

  it('may read the stream, lease and record deliveries and send with SES: no item reads, no Cognito, no Scan', () => {
    for (const consumer of OUTBOX_CONSUMERS) {
      const { statements, allowed } = allowedTo(consumer);
      expect(allowed).toEqual(
        [
          ...GRANTED_ACTIONS['table:stream'],
          ...GRANTED_ACTIONS['table:write'],
          ...GRANTED_ACTIONS['email:send'],
          ...QUEUED_ROLE_ACTIONS,
        ].sort(),
      );
      // The stream reads on the table's stream only; ListStreams (no resource-level permission) alone on *.
      const streamReads = statements.find((st) => [st.Action].flat().includes('dynamodb:GetRecords'))!;
      expect(streamReads.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'StreamArn'] });
      expect(statements.find((st) => [st.Action].flat().includes('dynamodb:ListStreams'))!.Resource).toBe('*');
      const fn = resourcesOf('AWS::Lambda::Function').find(([id]) => id.startsWith(`Stream${consumer.id}Function`))![1];
      expect(fn.Properties.Timeout).toBe(consumer.timeoutSeconds);
      expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual([
        'ALLOWED_ORIGINS',
        'EMAIL_CONFIGURATION_SET',
        'NODE_OPTIONS',
        'PORTAL_URL',
        'PROGRAM_EMAIL',
        'SENDER_ADDRESS',
        'TABLE_NAME',
      ]);
    }
  });
});

describe("the audit archive's consumer of the table's changes (issue 20, decision 83)", () => {
  const archiver = STREAM_CONSUMERS.find((c) => c.id === 'archiveAuditRecords')!;

  it('reads the Kinesis data stream from its oldest record, passing the function only new audit records', () => {
    const props = mappingOf(archiver.id);
    expect(props.EventSourceArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TableChanges/), 'Arn'] });
    expect(props.FunctionName.Ref).toMatch(/^StreamarchiveAuditRecordsFunction/);
    expect(props.StartingPosition).toBe('TRIM_HORIZON');
    // A Kinesis record carries the change as JSON in `data`: the filter looks there.
    expect(props.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { data: { eventName: ['INSERT'], dynamodb: { NewImage: { gsi1pk: { S: [{ prefix: 'AUDIT#' }] } } } } },
    ]);
  });

  it('retries a failed batch split in two, then records it on an on-failure queue that is alarmed', () => {
    expectRetriedThenQueued(archiver);
  });

  it('may read the changes and put copies in the archive: no item of the table, no mail, no Cognito', () => {
    const { statements, allowed } = allowedTo(archiver);
    expect(allowed).toEqual(
      [...GRANTED_ACTIONS['table:changes'], ...GRANTED_ACTIONS['archive:write'], ...QUEUED_ROLE_ACTIONS].sort(),
    );
    const reads = statements.find((st) => [st.Action].flat().includes('kinesis:GetRecords'))!;
    expect(reads.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^TableChanges/), 'Arn'] });
    expect(statements.find((st) => [st.Action].flat().includes('kinesis:ListStreams'))!.Resource).toBe('*');
    const fn = resourcesOf('AWS::Lambda::Function').find(([id]) =>
      id.startsWith('StreamarchiveAuditRecordsFunction'),
    )![1];
    expect(Object.keys(fn.Properties.Environment.Variables)).toContain('AUDIT_ARCHIVE_BUCKET');
    expect(Object.keys(fn.Properties.Environment.Variables)).not.toContain('SENDER_ADDRESS');
  });
});

describe('email feedback (bounces and complaints)', () => {
  const feedback = EVENT_HANDLERS.find((h) => h.id === 'emailFeedback')!;

  it("publishes the configuration set's bounces and complaints to the default event bus", () => {
    template.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.stringLikeRegexp('^EmailConfiguration') },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: { EventBusArn: { 'Fn::Join': ['', Match.arrayWith([':event-bus/default'])] } },
      },
    });
  });

  it("sends this configuration set's bounce and complaint events to the feedback handler, with retries and an alarmed dead-letter queue", () => {
    const rules = resourcesOf('AWS::Events::Rule');
    expect(rules).toHaveLength(EVENT_HANDLERS.length);
    const [, rule] = rules.find(([, r]) => r.Properties.Description === feedback.description)!;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Complaint Received'],
      detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: expect.stringMatching(/^EmailConfiguration/) }] } } },
    });
    const [target] = rule.Properties.Targets;
    expect(target.Arn['Fn::GetAtt'][0]).toMatch(/^EventemailFeedbackFunction/);
    expect(target.RetryPolicy.MaximumRetryAttempts).toBe(3);
    const queue = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    expect(queue).toMatch(/^EventemailFeedbackDeadLetters/);
    const alarmed = resourcesOf('AWS::CloudWatch::Alarm').filter(
      ([, a]) =>
        a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(a.Properties.Dimensions).includes(queue),
    );
    expect(alarmed).toHaveLength(1);
  });

  it('lets the feedback handler read and write the table and nothing else: no email, no Cognito, no Scan', () => {
    const policies = resourcesOf('AWS::IAM::Policy').filter(([id]) => id.startsWith('EventemailFeedbackRole'));
    expect(policies).toHaveLength(1);
    const allowed = (policies[0]![1].Properties.PolicyDocument.Statement as Record<string, any>[])
      .filter((st) => st.Effect === 'Allow')
      .flatMap((st) => [st.Action].flat() as string[]);
    expect(allowed.sort()).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
        ...QUEUED_ROLE_ACTIONS,
      ].sort(),
    );
    const fn = resourcesOf('AWS::Lambda::Function').find(([id]) => id.startsWith('EventemailFeedbackFunction'))![1];
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual([
      'ALLOWED_ORIGINS',
      'NODE_OPTIONS',
      'PROGRAM_EMAIL',
      'TABLE_NAME',
    ]);
  });
});

describe('cdk-nag', () => {
  it('reports zero unacknowledged findings from the AwsSolutions, Serverless and NIST 800-53 rev 5 packs, each acknowledgement with a reason', () => {
    const { packs, violations, acknowledgements } = nagFindings(app, assemblyDir);
    for (const pack of ['AwsSolutions', 'Serverless', 'NIST']) expect(packs).toContain(pack);
    expect(violations).toEqual([]);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const ack of acknowledgements) expect(ack.reason.length, ack.id).toBeGreaterThan(30);
    console.log(
      `[cdk-nag] AwsSolutions, Serverless, NIST 800-53 rev 5: 0 unacknowledged findings; ${acknowledgements.length} acknowledgements (${acknowledgements.filter((a) => a.id.includes('NIST')).length} of them NIST rules), each with a reason`,
    );
  });
});

describe('route table', () => {
  it('points every route and job at a module that exports handler', async () => {
    for (const route of ROUTES as readonly RouteDefinition[]) {
      const module = (await import(`../../functions/handlers/${route.handler}.ts`)) as { handler?: unknown };
      expect(typeof module.handler, route.handler).toBe('function');
    }
    for (const job of JOBS) {
      const module = (await import(`../../functions/jobs/${job.handler}.ts`)) as { handler?: unknown };
      expect(typeof module.handler, job.handler).toBe('function');
    }
    for (const handler of EVENT_HANDLERS) {
      const module = (await import(`../../functions/events/${handler.handler}.ts`)) as { handler?: unknown };
      expect(typeof module.handler, handler.handler).toBe('function');
    }
    for (const consumer of STREAM_CONSUMERS) {
      const module = (await import(`../../functions/streams/${consumer.handler}.ts`)) as { handler?: unknown };
      expect(typeof module.handler, consumer.handler).toBe('function');
    }
  });

  it('has unique ids and unique method-path pairs, and every authenticated route reads the table', () => {
    expect(new Set(ROUTES.map((r) => r.id)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(ROUTES.length);
    for (const route of ROUTES as readonly RouteDefinition[]) {
      if (route.auth !== 'public') expect(route.access, route.id).toContain('table:read');
    }
  });
});
