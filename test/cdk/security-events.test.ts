/**
 * Security events in AWS (issue 20 item 3): API Gateway's access log names the token's subject,
 * every route's log group lies under one prefix, and a Contributor Insights rule over them per
 * alarm pages the on-call when one subject is refused too often or fails to sign in too often.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeStacksTemplate } from '../support/route-stacks.ts';
import { ROUTES } from '../../functions/definitions/routes.ts';
import { PortalStack } from '../../lib/portal-stack.ts';
import { SECURITY_BURSTS } from '../../lib/constructs/security-alarms.ts';
import { stubWebClient } from '../support/web-client.ts';

let template: Template;
let routeFunctions: Template;
beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new PortalStack(app, 'SecurityCheck', {
    senderAddress: 'no-reply@ctpat.example.gov',
    allowedOrigins: [],
    portalUrl: 'https://portal.example.gov',
    programEmail: 'program@cbp.example.gov',
    webAssetsPath: stubWebClient(),
  });
  template = Template.fromStack(stack);
  routeFunctions = routeStacksTemplate(stack);
}, 120_000);

const resources = (type: string) =>
  Object.values(template.findResources(type)) as { Properties: Record<string, any> }[];

describe('security events in the stack', () => {
  it("logs the Cognito subject and company in API Gateway's access log", () => {
    const [stage] = resources('AWS::ApiGateway::Stage');
    const format = JSON.parse(stage?.Properties.AccessLogSetting.Format);
    expect(format).toMatchObject({
      subject: '$context.authorizer.claims.sub',
      companyId: '$context.authorizer.claims.custom:companyId',
      ip: '$context.identity.sourceIp',
      status: '$context.status',
    });
  });

  it('alarms on one subject past each burst, over every route function log group', () => {
    const rules = resources('AWS::CloudWatch::InsightRule').map((r) => ({
      name: r.Properties.RuleName,
      body: JSON.parse(r.Properties.RuleBody),
    }));
    expect(rules.map((r) => r.name).sort()).toEqual([
      'SecurityCheck-FailedSignInsBySubject',
      'SecurityCheck-RefusalsBySubject',
    ]);
    for (const { body } of rules) {
      expect(body.LogGroupNames).toEqual(['/ctpat-portal/SecurityCheck/routes/*']);
      expect(body.Contribution.Keys).toEqual(['$.subject']);
    }
    const refusals = rules.find((r) => r.name.endsWith('RefusalsBySubject'));
    expect(refusals?.body.Contribution.Filters).toContainEqual({ Match: '$.outcome', In: ['refused'] });
    // Failed sign-ins count per address named; a body naming none is not one attacker's guesses.
    const failed = rules.find((r) => r.name.endsWith('FailedSignInsBySubject'));
    expect(failed?.body.Contribution.Filters).toEqual(
      expect.arrayContaining([
        { Match: '$.outcome', In: ['failure'] },
        { Match: '$.subject', NotIn: ['anonymous'] },
      ]),
    );
    const alarms = resources('AWS::CloudWatch::Alarm').filter((a) =>
      JSON.stringify(a.Properties.Metrics ?? '').includes('INSIGHT_RULE_METRIC'),
    );
    expect(alarms.map((a) => a.Properties.Threshold).sort((a, b) => a - b)).toEqual([
      SECURITY_BURSTS.failedSignIns.threshold,
      SECURITY_BURSTS.refusals.threshold,
    ]);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    const groups = Object.values(routeFunctions.findResources('AWS::Logs::LogGroup')).map(
      (g) => g.Properties.LogGroupName,
    );
    for (const route of ROUTES) expect(groups).toContain(`/ctpat-portal/SecurityCheck/routes/${route.id}`);
  });
});
