import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** The bursts that page someone (issue 20 item 3): per subject, in five minutes. */
export const SECURITY_BURSTS = {
  /** Refused requests (401, 403, 404, 429) for one user: a script walking ids, or a stolen token probing. */
  refusals: { threshold: 50, minutes: 5 },
  /** Failed sign-ins naming one address: password guessing (Cognito's own lockout starts after five). */
  failedSignIns: { threshold: 10, minutes: 5 },
} as const;

export interface SecurityAlarmsProps {
  /** The prefix every route function's log group name starts with. */
  readonly routeLogPrefix: string;
  readonly alarmTopic: sns.ITopic;
  /** Unique in the account and region: the stack's name. */
  readonly namePrefix: string;
}

/**
 * Alarms on the security events the functions log (`functions/http/security-events.ts`): a
 * CloudWatch Contributor Insights rule counts each subject's events over every route's log group,
 * and an alarm watches the largest contributor, so one user or one address past the burst pages
 * the on-call, whoever it is, with no metric per user. The rule's report names who it was.
 */
export class SecurityAlarms extends Construct {
  readonly rules: cloudwatch.CfnInsightRule[] = [];

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    const watch = (
      name: string,
      filters: ({ Match: string; In: string[] } | { Match: string; NotIn: string[] })[],
      burst: { threshold: number; minutes: number },
      description: string,
    ) => {
      const ruleName = `${props.namePrefix}-${name}`;
      const rule = new cloudwatch.CfnInsightRule(this, `${name}Rule`, {
        ruleName,
        ruleState: 'ENABLED',
        ruleBody: JSON.stringify({
          Schema: { Name: 'CloudWatchLogRule', Version: 1 },
          LogGroupNames: [`${props.routeLogPrefix}*`],
          LogFormat: 'JSON',
          Contribution: { Keys: ['$.subject'], Filters: [{ Match: '$.message', In: ['security event'] }, ...filters] },
          AggregateOn: 'Count',
        }),
      });
      this.rules.push(rule);
      const alarm = new cloudwatch.Alarm(this, `${name}Alarm`, {
        metric: new cloudwatch.MathExpression({
          expression: `INSIGHT_RULE_METRIC('${ruleName}', 'MaxContributorValue')`,
          usingMetrics: {},
          period: Duration.minutes(burst.minutes),
          label: `${name}: the largest subject's count`,
        }),
        threshold: burst.threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      alarm.node.addDependency(rule);
      alarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
    };
    watch(
      'RefusalsBySubject',
      [{ Match: '$.outcome', In: ['refused'] }],
      SECURITY_BURSTS.refusals,
      `One subject was refused more than ${SECURITY_BURSTS.refusals.threshold} times in ${SECURITY_BURSTS.refusals.minutes} minutes (the rule's report names it)`,
    );
    watch(
      'FailedSignInsBySubject',
      [
        { Match: '$.securityEvent', In: ['sign-in'] },
        { Match: '$.outcome', In: ['failure'] },
        // A sign-in that names no address (a malformed body) is no one's guess at a password:
        // counted under one subject, every broken client at once would look like one attacker.
        { Match: '$.subject', NotIn: ['anonymous'] },
      ],
      SECURITY_BURSTS.failedSignIns,
      `One address failed to sign in more than ${SECURITY_BURSTS.failedSignIns.threshold} times in ${SECURITY_BURSTS.failedSignIns.minutes} minutes (the rule's report names it)`,
    );
  }
}
