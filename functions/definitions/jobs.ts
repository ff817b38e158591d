/**
 * The job table: scheduled jobs as plain data. In AWS each becomes an EventBridge Scheduler
 * schedule invoking its function (with retries and a dead-letter queue); locally the local
 * scheduler runs the same handlers, and `npm run simulate` runs them as of a given date.
 */
import type { Access } from './routes.ts';

export interface JobDefinition {
  /** Stable id: the construct id and the name `npm run simulate` prints. */
  readonly id: string;
  /** Module under `functions/jobs/` exporting `handler`. */
  readonly handler: string;
  /** EventBridge Scheduler expression, in UTC. */
  readonly schedule: string;
  readonly description: string;
  readonly access: readonly Access[];
  /** Minutes between runs on the local scheduler (it does not parse cron). */
  readonly localEveryMinutes: number;
  /** A count the job writes (namespace CtpatPortal) whose first occurrence in an hour alarms. */
  readonly alarm?: { readonly metric: string; readonly description: string };
}

export const JOBS = [
  {
    id: 'dailySweep',
    handler: 'sweep',
    // 06:00 UTC is 01:00 EST or 02:00 EDT: always after midnight in Washington, so each run sees
    // the program day that has just begun (decision 24), whichever side of a DST change it is.
    schedule: 'cron(0 6 * * ? *)',
    description: 'Reads the open obligations that are due (deadlines, recertifications, reminders) and acts on each',
    access: ['table:read', 'table:write'],
    localEveryMinutes: 24 * 60,
  },
  {
    id: 'fanOutAlerts',
    handler: 'fan-out-alerts',
    schedule: 'rate(1 minute)',
    description:
      'Delivers published alerts page by page: inbox items for the targeted companies and email deliveries for their users',
    access: ['table:read', 'table:write'],
    localEveryMinutes: 1,
  },
  {
    id: 'sendOutbox',
    handler: 'send-outbox',
    schedule: 'rate(1 minute)',
    description:
      'Safety net for the email outbox: sends every delivery that is due (new, retrying, or abandoned by a sender)',
    access: ['table:read', 'table:write', 'email:send'],
    localEveryMinutes: 1,
  },
  {
    id: 'chainAuditTrail',
    handler: 'chain-audit-trail',
    schedule: 'rate(1 minute)',
    description: "Appends each new audit record to its company's hash chain",
    access: ['table:read', 'table:write'],
    localEveryMinutes: 1,
  },
  {
    id: 'verifyAuditChains',
    handler: 'verify-audit-chains',
    schedule: 'rate(1 hour)',
    description:
      "Verifies each company's audit hash chain: what was appended since the last run, and each chain in full once a week",
    access: ['table:read', 'table:write'],
    localEveryMinutes: 60,
    alarm: { metric: 'AuditChainBroken', description: "A company's audit hash chain is broken (see the job's log)" },
  },
] as const satisfies readonly JobDefinition[];
