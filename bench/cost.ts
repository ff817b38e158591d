/**
 * The portal's monthly AWS bill at the C-TPAT program's size (issue 19 item 6; docs/cost.md),
 * built from what its real routes and jobs use per request, measured on the local stack
 * (bench/cost-measure.ts: DynamoDB request units by ConsumedCapacity from DynamoDB Local, Lambda
 * times, SES recipients, Cognito calls, the bytes each request leaves in the table), times a usage
 * model of the program (PROGRAM, MONTHLY: the assumptions, each named), at AWS's published
 * us-east-1 list prices (PRICES, each with its source and the date it took effect).
 *
 * `npm run cost` measures (two to three minutes; it starts its own emulators), writes the figures
 * to bench/results/cost.json and prints the model as markdown tables (docs/cost.md quotes them).
 * `npm run cost -- --reuse` prints the model from the last bench/results/cost.json without
 * measuring, for changing an assumption or a price.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { EVENT_HANDLERS } from '../functions/definitions/events.ts';
import { JOBS } from '../functions/definitions/jobs.ts';
import { LIMITS } from '../functions/definitions/limits.ts';
import { STREAM_CONSUMERS } from '../functions/definitions/stream-consumers.ts';
import type { costPerRequest } from './cost-measure.ts';
import { progress } from './lib.ts';

type Figures = Awaited<ReturnType<typeof costPerRequest>>;
const RESULTS = 'bench/results/cost.json';

/** When the prices below were written down (cross-checked against secondary sources; see docs/cost.md). */
export const PRICES_CHECKED = '2026-12-07';

/**
 * us-east-1 list prices in USD, on-demand, before any free tier, savings plan or enterprise
 * discount (the always-free tiers are noted in docs/cost.md, not subtracted). Each names its
 * page and when the price took effect.
 */
export const PRICES = {
  lambdaRequest: { usd: 0.2 / 1e6, source: 'aws.amazon.com/lambda/pricing: $0.20 per 1M requests' },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    source: 'aws.amazon.com/lambda/pricing: Arm, first 7.5 billion GB-s a month; INIT billed since 2025-08-01',
  },
  apiRequest: { usd: 3.5 / 1e6, source: 'aws.amazon.com/api-gateway/pricing: REST API, first 333M requests a month' },
  apiTransferGb: { usd: 0.09, source: 'aws.amazon.com/ec2/pricing/on-demand: data transfer out, first 10 TB' },
  wafWebAclMonth: { usd: 5, source: 'aws.amazon.com/waf/pricing: per web ACL a month' },
  wafRuleMonth: { usd: 1, source: 'aws.amazon.com/waf/pricing: per rule (or managed rule group) a month' },
  wafRequest: { usd: 0.6 / 1e6, source: 'aws.amazon.com/waf/pricing: $0.60 per 1M requests' },
  dynamoRead: {
    usd: 0.125 / 1e6,
    source: 'aws.amazon.com/dynamodb/pricing/on-demand: per read request unit, 2024-11-01',
  },
  dynamoWrite: {
    usd: 0.625 / 1e6,
    source: 'aws.amazon.com/dynamodb/pricing/on-demand: per write request unit, 2024-11-01',
  },
  dynamoStorageGbMonth: { usd: 0.25, source: 'aws.amazon.com/dynamodb/pricing/on-demand: Standard table class' },
  pitrGbMonth: { usd: 0.2, source: 'aws.amazon.com/dynamodb/pricing/on-demand: continuous backups (PITR)' },
  backupGbMonth: { usd: 0.1, source: 'aws.amazon.com/backup/pricing: DynamoDB backup, warm storage' },
  sesEmail: { usd: 0.1 / 1000, source: 'aws.amazon.com/ses/pricing: $0.10 per 1,000 outbound emails' },
  cognitoPlusMau: {
    usd: 0.02,
    source: 'aws.amazon.com/cognito/pricing: Plus feature plan per MAU, no free tier (plans since 2024-11-22)',
  },
  cloudFrontRequest: { usd: 0.01 / 10_000, source: 'aws.amazon.com/cloudfront/pricing: HTTPS requests, US' },
  cloudFrontGb: { usd: 0.085, source: 'aws.amazon.com/cloudfront/pricing: data transfer out, US, first 10 TB' },
  s3GbMonth: { usd: 0.023, source: 'aws.amazon.com/s3/pricing: S3 Standard, first 50 TB' },
  logsIngestGb: { usd: 0.5, source: 'aws.amazon.com/cloudwatch/pricing: Logs ingestion, Standard class' },
  logsStoreGbMonth: { usd: 0.03, source: 'aws.amazon.com/cloudwatch/pricing: Logs archival storage' },
  alarmMonth: { usd: 0.1, source: 'aws.amazon.com/cloudwatch/pricing: standard-resolution alarm metric' },
  metricMonth: { usd: 0.3, source: 'aws.amazon.com/cloudwatch/pricing: custom metric, first 10,000' },
  xrayTrace: { usd: 5 / 1e6, source: 'aws.amazon.com/xray/pricing: traces recorded' },
  kmsKeyMonth: { usd: 1, source: 'aws.amazon.com/kms/pricing: customer managed key a month' },
  schedulerInvocation: { usd: 1 / 1e6, source: 'aws.amazon.com/eventbridge/pricing: Scheduler invocations' },
} as const;

/** The program (issue 19: about 11,000 participant companies, 50,000 users, an alert a week to all, daily sweeps). */
export const PROGRAM = {
  companies: 11_000,
  users: 50_000,
  /** CBP staff with portal accounts (assumed: the supply chain security specialists and their managers). */
  staff: 300,
  /** Participant users who sign in at least once in a month (assumed); each is a Cognito MAU. */
  activeShare: 0.6,
  /** Sign-ins a month per active participant user (assumed: about one a week, after the week's alert). */
  sessionsPerActiveUser: 4,
  /** Alerts to every user a month (issue 19: one a week). */
  alertsPerMonth: 52 / 12,
  daysPerMonth: 365 / 12,
  workdaysPerMonth: 21,
  /**
   * Companies the daily sweep finds due on a day (assumed: a recertification and three reminders
   * a company a year). The measured mix removes a fifth of them, which overstates the emails.
   */
  duePerDay: (11_000 * 4) / 365,
} as const;

/** Bytes AWS logs per request that the local stack does not produce (assumed sizes of typical records). */
const LOG_BYTES = {
  /** Lambda's START, END and REPORT lines (with the X-Ray trace id) per invocation. */
  lambdaPlatform: 350,
  /** API Gateway's access log line (`jsonWithStandardFields`). */
  apiAccess: 450,
  /** A WAF log record (the request's headers, the rules that matched), the token redacted. */
  waf: 1_500,
  /** A CloudFront standard log line, to the S3 logs bucket. */
  cloudFront: 500,
};

/** Of browser API requests, the share preceded by a CORS preflight (assumed; Access-Control-Max-Age is an hour, per URL). */
const PREFLIGHT_SHARE = 0.5;
/** Requests to routes the benchmark does not measure, as a share of the measured ones, at their mean cost (assumed). */
const UNMEASURED_SHARE = 0.1;
/** Lambda memory (lib/constructs/portal-function.ts: every function is 512 MB). */
const LAMBDA_GB = 512 / 1024;
/** The table is modelled as it stands after this many months of use. */
const MONTHS_OF_DATA = 12;
/** AWS Backup keeps 35 daily backups (lib/portal-stack.ts), each a full copy of the table. */
const BACKUPS_KEPT = 35;
/** Log groups keep a year (lib/constructs); the steady state stores twelve months. */
const LOG_MONTHS_KEPT = 12;
/** Customer managed keys: the log key and the Cognito code key (lib/portal-stack.ts, lib/constructs/user-pool.ts). */
const KMS_KEYS = 2;
/** WAF rules (lib/constructs/api.ts): three managed rule groups, the body-size rule, the per-IP rate rule. */
const WAF_RULES = 5;
/** Files a visit to the web portal fetches: the page, its script and stylesheet, the runtime config (assumed uncached). */
const WEB_FILES_PER_VISIT = 4;
/** The web page (HTML and config) beside its script and stylesheet, gzip bytes (assumed). */
const WEB_PAGE_BYTES = 2_000;
/** The script and stylesheet, gzip bytes, from bench/results/web.json if it is there. */
const webAssetBytes = () => {
  if (!existsSync('bench/results/web.json')) return 125_000;
  const web = JSON.parse(readFileSync('bench/results/web.json', 'utf8')) as { assets: { gzipBytes: number }[] };
  return web.assets.reduce((n, a) => n + a.gzipBytes, 0);
};

/** Cognito's Essentials plan, for comparison (the portal is on Plus for threat protection, decision 8). */
const ESSENTIALS = {
  usd: 0.015,
  freeMau: 10_000,
  source: 'aws.amazon.com/cognito/pricing: $0.015 per MAU after 10,000 free a month',
};

/** The median cold import of the route bundles (bench/results/foundation.json), if it is there. */
const coldInitMs = () => {
  if (!existsSync('bench/results/foundation.json')) return undefined;
  const { bundles } = JSON.parse(readFileSync('bench/results/foundation.json', 'utf8')) as {
    bundles: { handlers: { coldImportMs: number }[] };
  };
  const sorted = bundles.handlers.map((h) => h.coldImportMs).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const SECONDS_PER_MONTH = PROGRAM.daysPerMonth * 86_400;
const participantSessions = PROGRAM.users * PROGRAM.activeShare * PROGRAM.sessionsPerActiveUser;
const staffSessions = PROGRAM.staff * PROGRAM.workdaysPerMonth;

/**
 * Requests a month per measured scenario (bench/cost-measure.ts names them). Sessions drive the
 * reads; companies drive the writes. Each figure is an assumption, stated in its expression.
 */
export const MONTHLY: Record<string, number> = {
  'sign-in (participant)': participantSessions + staffSessions,
  'token refresh': participantSessions + staffSessions * 4,
  'who am I': participantSessions + staffSessions,
  'sign-out': (participantSessions + staffSessions) * 0.5,
  'deadline policies': participantSessions,
  'own company': participantSessions,
  'a company, by CBP': staffSessions * 20,
  'list threads (10)': participantSessions * 0.5 + staffSessions * 10,
  "a thread's messages": participantSessions * 0.5 + staffSessions * 10,
  'start a thread': PROGRAM.companies * 0.5,
  'post a message (company)': PROGRAM.companies * 1,
  'post a message (CBP reply)': PROGRAM.companies * 1.5,
  'save account info': PROGRAM.companies / 12,
  'read the security profile': participantSessions * 0.25 + staffSessions * 5,
  'save a security profile version': (PROGRAM.companies * 3) / 12,
  'list alerts (inbox)': participantSessions,
  'read an alert': PROGRAM.users * PROGRAM.alertsPerMonth * 0.5,
  'acknowledge an alert': PROGRAM.companies * PROGRAM.alertsPerMonth * 0.8,
  export: PROGRAM.companies * 0.05,
  certify: PROGRAM.companies / 12,
  'list users': participantSessions * 0.1,
  'add a user': PROGRAM.companies * 0.1,
  'disable a user': PROGRAM.companies * 0.05,
};

/** What a month of the program uses, in billed units. */
interface Usage {
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  apiRequests: number;
  apiBytes: number;
  rru: number;
  wru: number;
  emails: number;
  storedBytes: number;
  logBytes: number;
}
const none = (): Usage => ({
  lambdaInvocations: 0,
  lambdaGbSeconds: 0,
  apiRequests: 0,
  apiBytes: 0,
  rru: 0,
  wru: 0,
  emails: 0,
  storedBytes: 0,
  logBytes: 0,
});
const add = (into: Usage, u: Usage, times = 1) => {
  for (const key of Object.keys(into) as (keyof Usage)[]) into[key] += u[key] * times;
};
const dollars = (u: Usage) =>
  u.lambdaInvocations * PRICES.lambdaRequest.usd +
  u.lambdaGbSeconds * PRICES.lambdaArmGbSecond.usd +
  u.apiRequests * (PRICES.apiRequest.usd + PRICES.wafRequest.usd) +
  u.rru * PRICES.dynamoRead.usd +
  u.wru * PRICES.dynamoWrite.usd +
  u.emails * PRICES.sesEmail.usd;

/** One request of a measured scenario: the route's function and the stream consumers' work for what it queued. */
const perRequest = (r: Figures['routes'][number]): Usage => {
  const consumerInvocations = r.downstream.sesCalls;
  const apiRequests = 1 + PREFLIGHT_SHARE;
  return {
    lambdaInvocations: 1 + consumerInvocations,
    // The handler's wall time; the consumers' CPU time (their wall time includes the local poller's waits).
    lambdaGbSeconds: ((r.wallMs + r.downstream.cpuMs) / 1000) * LAMBDA_GB,
    apiRequests,
    apiBytes: r.responseBytes,
    rru: r.rru + r.rruFloor + r.downstream.rru,
    wru: r.wru + r.refusedWru + r.downstream.wru + r.downstream.refusedWru,
    emails: r.emails + r.downstream.emails,
    storedBytes: r.storedBytes,
    logBytes:
      r.logBytes +
      (1 + consumerInvocations) * LOG_BYTES.lambdaPlatform +
      apiRequests * (LOG_BYTES.apiAccess + LOG_BYTES.waf),
  };
};

type Job = Figures['jobs']['alert']['viaStream']['publishRequest'];
/**
 * A job's work (one run or several, as measured) as billed units: billed for its wall time, or for
 * its CPU time where the wall time includes the local stream poller's waits (the consumers).
 */
const jobUsage = (j: Job, time: 'wall' | 'cpu' = 'wall'): Usage => ({
  lambdaInvocations: j.invocations,
  lambdaGbSeconds: ((time === 'wall' ? j.wallMs : j.cpuMs) / 1000) * LAMBDA_GB,
  apiRequests: 0,
  apiBytes: 0,
  rru: j.rru + j.rruFloor,
  wru: j.wru + j.refusedWru,
  emails: j.emails,
  storedBytes: 0,
  logBytes: j.logBytes + j.invocations * LOG_BYTES.lambdaPlatform,
});

export const model = (figures: Figures) => {
  const rows: { scenario: string; monthly: number; each: Usage; usd: number }[] = [];
  const requests = none();
  for (const r of figures.routes) {
    const monthly = MONTHLY[r.scenario];
    if (monthly === undefined) throw new Error(`no monthly volume for the measured scenario "${r.scenario}"`);
    const each = perRequest(r);
    add(requests, each, monthly);
    rows.push({ scenario: r.scenario, monthly, each, usd: dollars(each) * monthly });
  }
  const measuredCount = rows.reduce((n, r) => n + r.monthly, 0);
  const unmeasured = none();
  add(unmeasured, requests, UNMEASURED_SHARE);
  add(requests, unmeasured);
  rows.push({
    scenario: `other routes (${Math.round(UNMEASURED_SHARE * 100)}% more, at the mean)`,
    monthly: measuredCount * UNMEASURED_SHARE,
    each: unmeasured,
    usd: dollars(unmeasured),
  });

  const { idle, sweep, alert } = figures.jobs;
  const jobs = none();
  // The every-minute jobs, almost always with nothing to do (their busy minutes are in the alerts and sweeps).
  const minutes = SECONDS_PER_MONTH / 60;
  add(jobs, jobUsage(idle.fanOutAlerts), minutes);
  add(jobs, jobUsage(idle.sendOutbox), minutes);
  // The daily sweep: the run itself, and per company due what it and the emails it queued did.
  add(jobs, jobUsage(sweep.nothingDue), PROGRAM.daysPerMonth);
  const dueWork = none();
  add(dueWork, jobUsage(sweep.withDue));
  add(dueWork, jobUsage(sweep.nothingDue), -1);
  add(dueWork, jobUsage(sweep.emailsAfter, 'cpu'));
  dueWork.lambdaInvocations = sweep.emailsAfter.sesCalls;
  dueWork.storedBytes = sweep.storedBytesPerDue * sweep.due;
  add(jobs, dueWork, (PROGRAM.duePerDay * PROGRAM.daysPerMonth) / sweep.due);
  // The alerts: publish to last email, measured for `alert.recipients`, scaled by recipients.
  const oneAlert = none();
  add(oneAlert, jobUsage(alert.viaStream.publishRequest));
  add(oneAlert, jobUsage(alert.viaStream.fanOutJob));
  add(oneAlert, jobUsage(alert.viaStream.streamConsumers, 'cpu'));
  oneAlert.lambdaInvocations = 1 + alert.viaStream.fanOutJob.invocations + alert.viaStream.streamConsumers.sesCalls;
  oneAlert.storedBytes = alert.storedBytesPerRecipient * alert.recipients;
  oneAlert.apiRequests = 1;
  const alerts = none();
  add(alerts, oneAlert, (PROGRAM.alertsPerMonth * PROGRAM.users) / alert.recipients);
  alerts.apiRequests = PROGRAM.alertsPerMonth;

  const all = none();
  for (const u of [requests, jobs, alerts]) add(all, u);

  // The table after MONTHS_OF_DATA months: what the program holds to begin with, by the census's
  // item sizes, and what each month's requests and jobs leave.
  const sizeOf = (kind: string) => figures.items.find((i) => i.kind === kind)?.storedBytes ?? 0;
  const baseline =
    PROGRAM.companies *
      (sizeOf('COMPANY#* COMPANY') +
        sizeOf('COMPANY#* PROFILE') +
        sizeOf('COMPANY#* ACCOUNT_INFO') +
        sizeOf('COMPANY#* OBLIGATION#*')) +
    PROGRAM.users * sizeOf('COMPANY#* USER#*');
  const tableGb = (baseline + MONTHS_OF_DATA * all.storedBytes) / 1e9;

  const visits = participantSessions + staffSessions;
  const webGb = (visits * (webAssetBytes() + WEB_PAGE_BYTES)) / 1e9;
  const cloudFrontLogGb = (visits * WEB_FILES_PER_VISIT * LOG_BYTES.cloudFront) / 1e9;
  const logGb = all.logBytes / 1e9;
  const mau = PROGRAM.users * PROGRAM.activeShare + PROGRAM.staff;
  // X-Ray's default sampling: the first request each second, then 5%. API Gateway traces every request
  // (preflights too) and the functions no request invokes trace on their own. Spread evenly over the
  // month, which overstates it: at busy hours more than one a second is left to the 5%.
  const routeInvocations = measuredCount * (1 + UNMEASURED_SHARE);
  const traceable = all.apiRequests + all.lambdaInvocations - routeInvocations;
  const traced = Math.min(traceable, SECONDS_PER_MONTH) + 0.05 * Math.max(0, traceable - SECONDS_PER_MONTH);
  const alarms = 2 + JOBS.length + EVENT_HANDLERS.length + STREAM_CONSUMERS.length;
  const metrics = 1 + Object.keys(LIMITS).length;
  const schedulerRuns = 2 * minutes + PROGRAM.daysPerMonth;

  const fmt = (n: number, unit: string) => `${Math.round(n).toLocaleString('en-US')} ${unit}`;
  const gb = (n: number, unit = 'GB') => `${n < 10 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US')} ${unit}`;
  const lines: { service: string; item: string; quantity: string; usd: number }[] = [
    {
      service: 'Cognito',
      item: 'monthly active users, Plus plan (both pools)',
      quantity: fmt(mau, 'MAU'),
      usd: mau * PRICES.cognitoPlusMau.usd,
    },
    {
      service: 'API Gateway',
      item: 'REST requests (preflights included)',
      quantity: fmt(all.apiRequests, 'requests'),
      usd: all.apiRequests * PRICES.apiRequest.usd,
    },
    {
      service: 'API Gateway',
      item: 'responses out',
      quantity: gb(all.apiBytes / 1e9),
      usd: (all.apiBytes / 1e9) * PRICES.apiTransferGb.usd,
    },
    {
      service: 'WAF',
      item: `web ACL, ${WAF_RULES} rules, requests`,
      quantity: fmt(all.apiRequests, 'requests'),
      usd: PRICES.wafWebAclMonth.usd + WAF_RULES * PRICES.wafRuleMonth.usd + all.apiRequests * PRICES.wafRequest.usd,
    },
    {
      service: 'Lambda',
      item: 'invocations',
      quantity: fmt(all.lambdaInvocations, 'invocations'),
      usd: all.lambdaInvocations * PRICES.lambdaRequest.usd,
    },
    {
      service: 'Lambda',
      item: 'duration, 512 MB Arm',
      quantity: fmt(all.lambdaGbSeconds, 'GB-s'),
      usd: all.lambdaGbSeconds * PRICES.lambdaArmGbSecond.usd,
    },
    {
      service: 'DynamoDB',
      item: 'read request units',
      quantity: fmt(all.rru, 'RRU'),
      usd: all.rru * PRICES.dynamoRead.usd,
    },
    {
      service: 'DynamoDB',
      item: 'write request units',
      quantity: fmt(all.wru, 'WRU'),
      usd: all.wru * PRICES.dynamoWrite.usd,
    },
    {
      service: 'DynamoDB',
      item: `storage after ${MONTHS_OF_DATA} months`,
      quantity: gb(tableGb, 'GB'),
      usd: tableGb * PRICES.dynamoStorageGbMonth.usd,
    },
    {
      service: 'DynamoDB',
      item: 'point-in-time recovery',
      quantity: gb(tableGb, 'GB'),
      usd: tableGb * PRICES.pitrGbMonth.usd,
    },
    {
      service: 'AWS Backup',
      item: `${BACKUPS_KEPT} daily full backups`,
      quantity: gb(tableGb * BACKUPS_KEPT, 'GB'),
      usd: tableGb * BACKUPS_KEPT * PRICES.backupGbMonth.usd,
    },
    {
      service: 'SES',
      item: 'emails (each recipient)',
      quantity: fmt(all.emails, 'emails'),
      usd: all.emails * PRICES.sesEmail.usd,
    },
    {
      service: 'CloudFront',
      item: 'web portal requests and bytes',
      quantity: `${fmt(visits * WEB_FILES_PER_VISIT, 'requests')}, ${gb(webGb)}`,
      usd: visits * WEB_FILES_PER_VISIT * PRICES.cloudFrontRequest.usd + webGb * PRICES.cloudFrontGb.usd,
    },
    {
      service: 'S3',
      item: 'CloudFront logs, kept a year',
      quantity: gb(cloudFrontLogGb * 12),
      usd: cloudFrontLogGb * 12 * PRICES.s3GbMonth.usd,
    },
    {
      service: 'CloudWatch',
      item: 'log ingestion (functions, API access, WAF)',
      quantity: gb(logGb),
      usd: logGb * PRICES.logsIngestGb.usd,
    },
    {
      service: 'CloudWatch',
      item: `log storage, ${LOG_MONTHS_KEPT} months kept`,
      quantity: gb(logGb * LOG_MONTHS_KEPT),
      usd: logGb * LOG_MONTHS_KEPT * PRICES.logsStoreGbMonth.usd,
    },
    {
      service: 'CloudWatch',
      item: `${alarms} alarms, ${metrics} custom metrics`,
      quantity: `${alarms + metrics}`,
      usd: alarms * PRICES.alarmMonth.usd + metrics * PRICES.metricMonth.usd,
    },
    {
      service: 'X-Ray',
      item: 'traces recorded (default sampling)',
      quantity: fmt(traced, 'traces'),
      usd: traced * PRICES.xrayTrace.usd,
    },
    { service: 'KMS', item: 'customer managed keys', quantity: `${KMS_KEYS}`, usd: KMS_KEYS * PRICES.kmsKeyMonth.usd },
    {
      service: 'EventBridge Scheduler',
      item: 'job invocations',
      quantity: fmt(schedulerRuns, 'runs'),
      usd: schedulerRuns * PRICES.schedulerInvocation.usd,
    },
  ];
  lines.sort((a, b) => b.usd - a.usd);
  const total = lines.reduce((n, l) => n + l.usd, 0);
  return {
    lines,
    total,
    rows,
    all,
    mau,
    tableGb,
    baselineGb: baseline / 1e9,
    growthGbPerMonth: all.storedBytes / 1e9,
    jobs: dollars(jobs),
    alerts: dollars(alerts),
    requests: dollars(requests),
  };
};

const usd = (n: number) => (n >= 100 ? `$${Math.round(n).toLocaleString('en-US')}` : `$${n.toFixed(2)}`);

/** The model as markdown: the monthly bill by service, then what each request costs and how often it comes. */
export const report = (figures: Figures) => {
  const m = model(figures);
  const out: string[] = [];
  out.push(
    `Measured ${figures.at.slice(0, 10)} on ${figures.machine.cpu}, ${figures.machine.cores} cores (shared), Node ${figures.machine.node}; prices us-east-1, checked ${PRICES_CHECKED}.`,
  );
  out.push('', '| Service | What | Quantity a month | USD a month | Share |', '| --- | --- | ---: | ---: | ---: |');
  for (const l of m.lines)
    out.push(`| ${l.service} | ${l.item} | ${l.quantity} | ${usd(l.usd)} | ${Math.round((l.usd / m.total) * 100)}% |`);
  out.push(`| **Total** | | | **${usd(m.total)}** | |`);
  out.push(
    '',
    `Of the per-request services (Lambda, API Gateway and WAF requests, DynamoDB units, SES): requests ${usd(m.requests)}, alerts ${usd(m.alerts)}, jobs ${usd(m.jobs)}.`,
  );
  out.push(
    '',
    '| Request | A month | RRU | WRU | Lambda ms | Emails | Stored bytes | USD a month |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of [...m.rows].sort((a, b) => b.usd - a.usd)) {
    const ms = (r.each.lambdaGbSeconds / LAMBDA_GB) * 1000;
    const per = r.scenario.startsWith('other') ? '' : undefined;
    out.push(
      `| ${r.scenario} | ${Math.round(r.monthly).toLocaleString('en-US')} | ${per ?? r.each.rru.toFixed(1)} | ${per ?? r.each.wru.toFixed(1)} | ${per ?? Math.round(ms)} | ${per ?? r.each.emails} | ${per ?? r.each.storedBytes} | ${usd(r.usd)} |`,
    );
  }
  const { alert, sweep, idle } = figures.jobs;
  out.push(
    '',
    `- The table: ${m.baselineGb.toFixed(2)} GB for the program's companies, users and profiles, and ${Math.round(m.growthGbPerMonth * 1000)} MB more a month (items that do not expire), ${m.tableGb.toFixed(2)} GB after ${MONTHS_OF_DATA} months.`,
    `- An alert to ${alert.recipients.toLocaleString('en-US')} recipients (publish to last email): ${alert.viaStream.all.rru + alert.viaStream.all.rruFloor} RRU, ${alert.viaStream.all.wru + alert.viaStream.all.refusedWru} WRU, ${alert.viaStream.all.sesCalls} SES calls, ${alert.viaStream.all.emails} emails, ${alert.storedBytesPerRecipient} bytes kept per recipient.`,
    `- The same alert sent by the scheduled sender instead (the stream consumers late, finding it sent): ${alert.viaSender.all.rru + alert.viaSender.all.rruFloor} RRU, ${alert.viaSender.all.wru + alert.viaSender.all.refusedWru} WRU (${alert.viaSender.all.refusedWru} of them the consumers' refused claims).`,
    `- The daily sweep: ${sweep.nothingDue.rru + sweep.nothingDue.rruFloor} RRU with nothing due (over ${sweep.companies.toLocaleString('en-US')} companies); ${sweep.due} due: ${sweep.withDue.wru} WRU, then ${sweep.emailsAfter.emails} emails (${sweep.emailsAfter.wru} WRU).`,
    `- The every-minute jobs idle: fan-out ${idle.fanOutAlerts.rruFloor} RRU and ${idle.fanOutAlerts.wallMs} ms a run, sender ${idle.sendOutbox.rruFloor} RRU and ${idle.sendOutbox.wallMs} ms a run.`,
  );
  const cognito = m.mau * PRICES.cognitoPlusMau.usd;
  const allActive = (PROGRAM.users + PROGRAM.staff) * PRICES.cognitoPlusMau.usd;
  const essentials = Math.max(0, m.mau - ESSENTIALS.freeMau) * ESSENTIALS.usd;
  out.push(
    '',
    `- If every participant user signed in every month (${(PROGRAM.users + PROGRAM.staff).toLocaleString('en-US')} MAU), Cognito would be ${usd(allActive)} a month instead of ${usd(cognito)}.`,
    `- On the Essentials plan (${ESSENTIALS.source}), without threat protection's compromised-credential checks, Cognito would be ${usd(essentials)}.`,
  );
  const init = coldInitMs();
  if (init !== undefined) {
    const bound = m.all.lambdaInvocations * (init / 1000) * LAMBDA_GB * PRICES.lambdaArmGbSecond.usd;
    out.push(
      `- Cold starts are not in the table: at most ${usd(bound)} a month if every invocation were cold (INIT of ${Math.round(init)} ms, the median cold import in bench/results/foundation.json, billed since 2025-08-01).`,
    );
  }
  return { markdown: out.join('\n'), model: m };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  let figures: Figures;
  if (process.argv.includes('--reuse')) {
    if (!existsSync(RESULTS)) throw new Error(`${RESULTS} is missing: run npm run cost without --reuse first`);
    figures = JSON.parse(readFileSync(RESULTS, 'utf8')) as Figures;
  } else {
    await import('../lib/local/quiet-sdk.ts');
    const { costPerRequest } = await import('./cost-measure.ts');
    // The functions' own lines (a job's report, a metric) are counted while measured and dropped otherwise.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      figures = await costPerRequest();
    } finally {
      process.stdout.write = write;
    }
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);
    progress(`wrote ${RESULTS}`);
  }
  console.log(report(figures).markdown);
}
