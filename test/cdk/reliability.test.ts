/**
 * Issue 25 items 4 and 5 in the stack: an alarm per kind of permanent email failure, the
 * readiness route's function with only the access it declares, and the re-drive command's core
 * loading with only the stack's operator outputs (as `npm run outbox` resolves them).
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { createPortalApp } from '../../lib/portal-app.ts';
import type { PortalStack } from '../../lib/portal-stack.ts';
import {
  FAILURE_KINDS,
  PERMANENT_FAILURE_KINDS,
  PERMANENT_FAILURE_METRIC,
  EMAIL_RUNBOOK,
  type FailureKind,
} from '../../functions/definitions/email-failures.ts';
import { OPERATOR_OUTPUTS } from '../../lib/stack-outputs.ts';
import { ROOT } from '../../lib/local/paths.ts';
import { stubWebClient } from '../support/web-client.ts';

const run = promisify(execFile);
let template: Template;
let routeFunctions: Template;

beforeAll(() => {
  const app = createPortalApp(new App({ context: { webAssetsPath: stubWebClient() } }));
  const stack = app.node.findChild('CtpatPortal') as PortalStack;
  template = Template.fromStack(stack);
  routeFunctions = routeStacksTemplate(stack);
}, 600_000);

const kindAlarms = () =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter(
    (a) => a.Properties.MetricName === PERMANENT_FAILURE_METRIC,
  );

describe('alarms on permanent email failures', () => {
  it('alarm each permanent kind on its own, at its first occurrence, to the alarm topic', () => {
    const topic = Object.keys(template.findResources('AWS::SNS::Topic'))[0]!;
    for (const kind of PERMANENT_FAILURE_KINDS)
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'CtpatPortal',
        MetricName: PERMANENT_FAILURE_METRIC,
        Dimensions: [
          { Name: 'Kind', Value: kind },
          { Name: 'service', Value: 'ctpat-portal' },
        ],
        Statistic: 'Sum',
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topic }],
        AlarmDescription: Match.stringLikeRegexp(`What to do: ${EMAIL_RUNBOOK.replace(/[.#]/g, '\\$&')}, "${kind}"`),
      });
  });

  it('raise none for the kinds that pass by themselves (the outbox retries them)', () => {
    const alarmed = kindAlarms().map(
      (a) => a.Properties.Dimensions.find((d: { Name: string }) => d.Name === 'Kind').Value as FailureKind,
    );
    expect(alarmed.sort()).toEqual([...PERMANENT_FAILURE_KINDS].sort());
    const transient = (Object.keys(FAILURE_KINDS) as FailureKind[]).filter((k) => !FAILURE_KINDS[k].permanent);
    expect(transient.sort()).toEqual(['throttled', 'unavailable', 'unknown']);
  });
});

describe("the readiness route's function", () => {
  const readiness = () => {
    const [id, fn] = Object.entries(routeFunctions.findResources('AWS::Lambda::Function')).find(([logicalId]) =>
      logicalId.startsWith('Routeready'),
    )!;
    const policies = Object.entries(routeFunctions.findResources('AWS::IAM::Policy')).filter(([logicalId]) =>
      logicalId.startsWith('Routeready'),
    );
    const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Record<string, any>[]);
    return { id, fn, statements };
  };

  it('may read the table and ask SES for its status, and nothing else: no write, no send, no Cognito call', () => {
    const { statements } = readiness();
    const allowed = statements.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat() as string[]);
    const portal = allowed.filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'));
    expect(portal.sort()).toEqual(
      [
        'dynamodb:BatchGetItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:GetItem',
        'dynamodb:Query',
        'ses:GetAccount',
      ].sort(),
    );
    const status = statements.find((s) => [s.Action].flat().includes('ses:GetAccount'))!;
    expect(status.Resource).toBe('*');
  });

  it("gets both pools' key documents' addresses and none of a sender's settings", () => {
    const variables = readiness().fn.Properties.Environment.Variables as Record<string, unknown>;
    expect(JSON.stringify(variables.USER_POOL_KEYS_URL)).toContain('/.well-known/jwks.json');
    expect(JSON.stringify(variables.STAFF_USER_POOL_KEYS_URL)).toContain('/.well-known/jwks.json');
    expect(JSON.stringify(variables.USER_POOL_KEYS_URL)).not.toEqual(
      JSON.stringify(variables.STAFF_USER_POOL_KEYS_URL),
    );
    expect(Object.keys(variables)).not.toContain('SENDER_ADDRESS');
    expect(Object.keys(variables)).toContain('TABLE_NAME');
  });
});

describe('npm run outbox -- redrive on a deployment', () => {
  it("has its core load in a process with only the stack's operator outputs set, and not without the table", async () => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    for (const name of Object.values(OPERATOR_OUTPUTS)) env[name] = 'placeholder';
    const script = 'await import("./lib/admin/redrive-outbox.ts")';
    await expect(run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env })).resolves.toBeDefined();
    delete env.TABLE_NAME;
    await expect(run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env })).rejects.toThrow(
      /TABLE_NAME/,
    );
  });
});
