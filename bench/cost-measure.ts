/**
 * The cost benchmark (issue 19, item 6; docs/cost.md): what the portal's real routes and jobs
 * use per request, in the units AWS bills, on the local stack (DynamoDB Local and the emulators,
 * as bench/foundation.ts starts them). For each route of a representative set, `REPEATS` warm
 * invocations after `WARM_UP`: DynamoDB read and write request units (as DynamoDB Local reports
 * them: bench/cost-meter.ts), round trips, Cognito calls, SES sends and recipients, the handler's
 * wall and CPU time (median), the bytes it logged, and what its stream consumers did afterwards
 * (the emails a request queued leave through the table's stream). Then the jobs: the daily sweep
 * over `SWEEP_COMPANIES` companies with nothing and with `SWEEP_DUE` due, an alert to 1,000
 * recipients from publish to the last email (through the stream consumers, and again through the
 * scheduled sender), and the every-minute jobs with nothing to do. Last, a census of the table's
 * items by kind with their sizes, and for each request and job the bytes it left in the table,
 * for the storage model.
 *
 * bench/cost.ts runs it (`npm run cost`), writes its figures to bench/results/cost.json and turns
 * them into the monthly cost model.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, median, progress, round, signInThroughApi } from './lib.ts';
import {
  attachMeter,
  census,
  roundTrips,
  routeInvoker,
  tableBytes,
  type RouteAnswer,
  type RouteId,
  type RouteRequest,
  type Usage,
} from './cost-meter.ts';

// The benchmark repeats writes a person would not (a thread every second); the abuse limits'
// counters are still read and written, only their counts are scaled (read once at cold start).
process.env.RATE_LIMIT_SCALE ??= '1000';

const REPEATS = 7;
const WARM_UP = 2;
const PASSWORD = 'cost benchmark passphrase 2006';
/** Text answers of this length in the security profile (a complete importer profile). */
const PROFILE_TEXT_LENGTH = 200;

/** Per-request figures: medians of times, means of counts (a digest or a notice may come only on some). */
const summarize = (samples: { usage: Usage; downstream: Usage; bytes: number }[]) => {
  const mean = (f: (u: Usage) => number, which: 'usage' | 'downstream' = 'usage') =>
    round(samples.reduce((n, s) => n + f(s[which]), 0) / samples.length, 2);
  const calls = (pick: (u: Usage) => Record<string, number>, which: 'usage' | 'downstream' = 'usage') => {
    const names = new Set(samples.flatMap((s) => Object.keys(pick(s[which]))));
    return Object.fromEntries([...names].map((n) => [n, mean((u) => pick(u)[n] ?? 0, which)]));
  };
  return {
    wallMs: round(median(samples.map((s) => s.usage.wallMs))),
    cpuMs: round(median(samples.map((s) => s.usage.cpuMs))),
    rru: mean((u) => u.rru),
    rruFloor: mean((u) => u.rruFloor),
    wru: mean((u) => u.wru),
    indexWru: mean((u) => u.indexWru),
    refusedWrites: mean((u) => u.refusedWrites),
    refusedWru: mean((u) => u.refusedWru),
    roundTrips: mean(roundTrips),
    dynamo: calls((u) => u.dynamo),
    cognito: calls((u) => u.cognito),
    sesCalls: mean((u) => u.sesCalls),
    emails: mean((u) => u.emails),
    logBytes: mean((u) => u.logBytes),
    responseBytes: Math.round(samples.reduce((n, s) => n + s.bytes, 0) / samples.length),
    /** The stream consumers' work for what the request queued (new outbox deliveries). */
    downstream: {
      rru: mean((u) => u.rru, 'downstream'),
      wru: mean((u) => u.wru, 'downstream'),
      roundTrips: mean(roundTrips, 'downstream'),
      sesCalls: mean((u) => u.sesCalls, 'downstream'),
      emails: mean((u) => u.emails, 'downstream'),
      refusedWrites: mean((u) => u.refusedWrites, 'downstream'),
      refusedWru: mean((u) => u.refusedWru, 'downstream'),
      /** This process's CPU while the consumers ran: theirs and the local poller's reads, an upper bound. */
      cpuMs: round(median(samples.map((s) => s.downstream.cpuMs))),
    },
  };
};

// ---- The jobs ----------------------------------------------------------------------------------

/**
 * Each job handler run as its function (the local scheduler's `loadJob`), metered like a route.
 *  - The every-minute jobs (alert fan-out, outbox sender) with nothing to do: 43,200 runs a month each.
 *  - The daily sweep over SWEEP_COMPANIES companies: with nothing due, and with SWEEP_DUE due
 *    (a fifth past their deadline and removed, the rest at a reminder step), plus the emails the
 *    stream consumers then send.
 *  - One cargo security alert to FAN_OUT_COMPANIES x FAN_OUT_USERS = 1,000 recipients, from the
 *    publish request (whose first pages go out within it) through the fan-out job to the last
 *    email: once sent by the stream consumers (as in AWS), once by the scheduled sender (its
 *    safety net), the consumers then finding the deliveries sent.
 */
const SWEEP_COMPANIES = 2_000;
const SWEEP_DUE = 100;
const SWEEP_REMOVALS = 20;
const FAN_OUT_COMPANIES = 200;
const FAN_OUT_USERS = 5;
const AS_OF = '2006-06-02T06:00:00.000Z';

/** What several measures used together. */
const total = (usages: readonly Usage[]) => {
  const sum = (f: (u: Usage) => number) =>
    round(
      usages.reduce((n, u) => n + f(u), 0),
      2,
    );
  const calls = (pick: (u: Usage) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const u of usages) for (const [k, v] of Object.entries(pick(u))) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    invocations: usages.length,
    wallMs: sum((u) => u.wallMs),
    cpuMs: sum((u) => u.cpuMs),
    rru: sum((u) => u.rru),
    rruFloor: sum((u) => u.rruFloor),
    wru: sum((u) => u.wru),
    indexWru: sum((u) => u.indexWru),
    refusedWrites: sum((u) => u.refusedWrites),
    refusedWru: sum((u) => u.refusedWru),
    roundTrips: sum(roundTrips),
    dynamo: calls((u) => u.dynamo),
    sesCalls: sum((u) => u.sesCalls),
    emails: sum((u) => u.emails),
    logBytes: sum((u) => u.logBytes),
  };
};

/** Median times and the counts of one run (each run of an idle job does the same work). */
const perRun = (runs: readonly Usage[]) => ({
  ...total(runs.slice(-1)),
  wallMs: round(median(runs.map((u) => u.wallMs))),
  cpuMs: round(median(runs.map((u) => u.cpuMs))),
  runs: runs.length,
});

interface JobDeps {
  readonly meter: ReturnType<typeof attachMeter>;
  /** The stream consumers' work since the last call, measured. */
  readonly settle: () => Promise<Usage>;
  /** The table the census reads: what the work left behind, for the storage model. */
  readonly tableName: string;
  /** A CBP officer's ID token. */
  readonly officer: string;
  readonly prepare: ReturnType<typeof routeInvoker>;
  readonly repeats: number;
}

const jobCosts = async ({ meter, settle, officer, prepare, repeats, tableName }: JobDeps) => {
  const { loadJob } = await import('../lib/local/scheduler.ts');
  const { putCompanies, putMembers, putObligations } = await import('../test/support/items.ts');
  const { openObligation } = await import('../functions/domain/obligations.ts');
  const jobs = {
    sweep: await loadJob('dailySweep'),
    fanOut: await loadJob('fanOutAlerts'),
    sendOutbox: await loadJob('sendOutbox'),
  };
  const measureJob = async (run: () => Promise<unknown>) => (await meter.measure(run)).usage;

  progress(`the every-minute jobs with nothing to do, ${repeats} runs each ...`);
  const idle = { fanOutAlerts: [] as Usage[], sendOutbox: [] as Usage[] };
  for (let i = 0; i < repeats + 1; i += 1) {
    const fanOut = await measureJob(() => jobs.fanOut());
    const send = await measureJob(() => jobs.sendOutbox());
    if (i > 0) {
      idle.fanOutAlerts.push(fanOut);
      idle.sendOutbox.push(send);
    }
  }

  progress(`the daily sweep over ${SWEEP_COMPANIES.toLocaleString('en-US')} companies ...`);
  const company = (n: number) => ({
    companyId: `sweep-${String(n).padStart(6, '0')}`,
    legalName: `Sweep Company ${n}`,
    category: n < SWEEP_REMOVALS ? ('exporter' as const) : ('importer' as const),
    pocEmail: `poc-${n}@sweep.example.com`,
    identifiers: { iorNumber: '12-3456789', ein: '12-3456789' },
    status: 'active' as const,
    enrolledAt: n < SWEEP_REMOVALS ? '2006-03-01T00:00:00.000Z' : '2006-05-01T00:00:00.000Z',
    enrolledBy: 'bench',
    version: 1,
  });
  // As bench/sweep.ts: exporters enrolled in March are past their deadline; importers are at their 30-day step.
  const obligation = (n: number) =>
    n < SWEEP_DUE
      ? { ...openObligation(company(n), 'enrollment', '2006-06-01T00:00:00.000Z'), remindersSent: [] }
      : {
          ...openObligation(company(n), 'recertification', '2007-02-01T00:00:00.000Z', { dueDate: '2007-05-01' }),
          policyRevision: 0,
          remindersSent: [],
        };
  const seed = async (from: number, to: number) => {
    for (let start = from; start < to; start += 1_000) {
      const ns = Array.from({ length: Math.min(1_000, to - start) }, (_, i) => start + i);
      await putCompanies(ns.map(company));
      await putObligations(ns.map(obligation));
    }
  };
  await seed(SWEEP_DUE, SWEEP_COMPANIES);
  const idleSweeps: Usage[] = [];
  for (let i = 0; i < repeats + 1; i += 1) {
    const usage = await measureJob(() => jobs.sweep({ asOf: AS_OF }));
    if (i > 0) idleSweeps.push(usage);
  }
  const dueSweeps: Usage[] = [];
  const dueEmails: Usage[] = [];
  let dueStoredBytes = 0;
  for (let i = 0; i < 3; i += 1) {
    await seed(0, SWEEP_DUE);
    const before = await tableBytes(tableName);
    const usage = await measureJob(() => jobs.sweep({ asOf: AS_OF }));
    dueSweeps.push(usage);
    dueEmails.push(await settle());
    dueStoredBytes += (await tableBytes(tableName)).durable - before.durable;
  }

  progress(
    `an alert to ${FAN_OUT_COMPANIES * FAN_OUT_USERS} recipients (${FAN_OUT_COMPANIES} companies x ${FAN_OUT_USERS} users) ...`,
  );
  const ids = Array.from({ length: FAN_OUT_COMPANIES }, (_, i) => `fanout-${String(i).padStart(6, '0')}`);
  await putCompanies(
    ids.map((companyId) => ({
      companyId,
      legalName: `Fan-out ${companyId}`,
      // A category no other company of this benchmark has: the alert reaches exactly these.
      category: 'rail-carrier' as const,
      pocEmail: `u0@${companyId}.example.com`,
      identifiers: {},
      status: 'active' as const,
      enrolledAt: '2016-01-01T00:00:00.000Z',
      enrolledBy: 'bench',
      version: 1,
    })),
  );
  await putMembers(
    ids.flatMap((companyId) =>
      Array.from({ length: FAN_OUT_USERS }, (_, u) => ({
        companyId,
        userId: `${companyId}-u${u}`,
        email: `u${u}@${companyId}.example.com`,
        name: `User ${u}`,
        role: u === 0 ? ('primary-poc' as const) : ('company-user' as const),
        status: 'active' as const,
        permissions: { editProfile: true, authorizeSharing: false },
        createdAt: '2016-01-01T00:00:00.000Z',
        version: 1,
      })),
    ),
  );
  /** Publishes an alert to the fan-out companies and runs the fan-out job until it has nothing left. */
  const publishAndFanOut = async (title: string) => {
    const publish = await prepare('publishAlert', {
      token: officer,
      body: {
        kind: 'cargo-security-alert',
        title,
        body: 'Verify bolt seals on every inbound container and report anomalies.',
        severity: 'high',
        audience: { scope: 'categories', categories: ['rail-carrier'] },
      },
    });
    const request = await meter.measure(publish);
    if (request.result.status !== 201) throw new Error(`publishAlert: ${request.result.status}`);
    const fanOutRuns: Usage[] = [];
    for (let run = 0; run < 50; run += 1) {
      const { result, usage } = await meter.measure(() => jobs.fanOut() as Promise<{ fanOuts: number }>);
      fanOutRuns.push(usage);
      if (result.fanOuts === 0) break;
    }
    return { request: request.usage, fanOutRuns };
  };
  const beforeAlert = await tableBytes(tableName);
  const viaStream = await publishAndFanOut('Seal tampering reported (stream)');
  const streamSending = await settle();
  const alertStoredBytes = (await tableBytes(tableName)).durable - beforeAlert.durable;
  const viaSender = await publishAndFanOut('Seal tampering reported (sender)');
  const senderRuns: Usage[] = [];
  for (let run = 0; run < 20; run += 1) {
    const { result, usage } = await meter.measure(() => jobs.sendOutbox() as Promise<{ due: number }>);
    senderRuns.push(usage);
    if (result.due === 0) break;
  }
  const afterSender = await settle();
  const recipients = FAN_OUT_COMPANIES * FAN_OUT_USERS;
  const sent = streamSending.emails;
  if (sent !== recipients) throw new Error(`the stream consumers sent ${sent} emails, not ${recipients}`);

  return {
    idle: { fanOutAlerts: perRun(idle.fanOutAlerts), sendOutbox: perRun(idle.sendOutbox) },
    sweep: {
      companies: SWEEP_COMPANIES,
      nothingDue: perRun(idleSweeps),
      due: SWEEP_DUE,
      removals: SWEEP_REMOVALS,
      reminders: SWEEP_DUE - SWEEP_REMOVALS,
      withDue: perRun(dueSweeps),
      emailsAfter: perRun(dueEmails),
      /** Bytes the table keeps (not expiring) per company due, the emails' deliveries included. */
      storedBytesPerDue: Math.round(dueStoredBytes / 3 / SWEEP_DUE),
    },
    alert: {
      recipients,
      companies: FAN_OUT_COMPANIES,
      /** Bytes the table keeps (not expiring) after the alert, per recipient (the companies' inbox items included). */
      storedBytesPerRecipient: Math.round(alertStoredBytes / recipients),
      viaStream: {
        publishRequest: total([viaStream.request]),
        fanOutJob: total(viaStream.fanOutRuns),
        streamConsumers: total([streamSending]),
        all: total([viaStream.request, ...viaStream.fanOutRuns, streamSending]),
      },
      viaSender: {
        publishRequest: total([viaSender.request]),
        fanOutJob: total(viaSender.fanOutRuns),
        scheduledSender: total(senderRuns),
        streamConsumersAfter: total([afterSender]),
        all: total([viaSender.request, ...viaSender.fanOutRuns, ...senderRuns, afterSender]),
      },
    },
  };
};

// ---- The routes --------------------------------------------------------------------------------

export const costPerRequest = async () => {
  const { startBackends, startApi } = await import('../lib/local/runtime.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-bench-cost-'));
  progress('starting the emulators (DynamoDB Local in memory) for the cost benchmark ...');
  const backends = await startBackends({ dataDir, persist: false });
  try {
    const api = await startApi(backends);
    const streams = api.streams;
    const { dynamo } = await import('../functions/clients/dynamodb.ts');
    const { cognito } = await import('../functions/clients/cognito.ts');
    const { ses } = await import('../functions/clients/ses.ts');
    const { cognitoIdTokenVerifier, portalPools } = await import('../lib/local/token-verifier.ts');
    const { provisionUser } = await import('../functions/domain/users.ts');
    const { allPorts } = await import('../lib/local/all-ports.ts');
    const { completeAnswers, accountInfoFor } = await import('../test/support/profile.ts');
    const { ROUTES } = await import('../functions/definitions/routes.ts');
    const meter = attachMeter({ dynamo, cognito, ses });
    const prepare = routeInvoker(cognitoIdTokenVerifier(portalPools(backends.resources)));

    /** Setup goes through the dev server, as a client would; only measured calls are invoked directly. */
    const http = async (
      method: string,
      path: string,
      token: string,
      body?: unknown,
    ): Promise<Record<string, string>> => {
      const res = await fetch(`${api.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const answer = (await res.json()) as Record<string, string>;
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const login = async (email: string) => {
      const res = await fetch(`${api.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return ((await res.json()) as { tokens: { idToken: string; refreshToken: string } }).tokens;
    };
    const person = async (email: string, companyId: string, role: 'primary-poc' | 'company-user' | 'cbp-officer') => {
      const userId = await provisionUser(allPorts, {
        email,
        name: `Bench ${role}`,
        companyId,
        role,
        password: PASSWORD,
      });
      return { userId, email };
    };

    progress('setting up: a CBP officer, a company with its POC and four users, threads, alerts ...');
    await person('officer@cbp.bench.example.gov', 'CBP', 'cbp-officer');
    const officer = await signInThroughApi(api.url, 'officer@cbp.bench.example.gov', PASSWORD);
    let enrolled = 0;
    const companyWithPoc = async () => {
      enrolled += 1;
      const pocEmail = `poc${enrolled}@bench-imports.example.com`;
      const { companyId } = await http('POST', '/companies', officer, {
        legalName: `Bench Imports ${enrolled}`,
        category: 'importer',
        pocEmail,
        identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
      });
      await person(pocEmail, companyId!, 'primary-poc');
      const tokens = await login(pocEmail);
      return { companyId: companyId!, pocEmail, token: tokens.idToken, refreshToken: tokens.refreshToken };
    };
    const main = await companyWithPoc();
    const base = `/companies/${main.companyId}`;
    for (let u = 1; u <= 4; u += 1) await person(`user${u}@bench-imports.example.com`, main.companyId, 'company-user');
    await http('PUT', `${base}/account-info`, main.token, accountInfoFor(0));
    const answers = completeAnswers('importer', PROFILE_TEXT_LENGTH);
    await http('PUT', `${base}/security-profile`, main.token, { version: 0, answers });
    const threadIds: string[] = [];
    for (let t = 0; t < 10; t += 1) {
      const thread = await http('POST', `${base}/threads`, main.token, {
        subject: `Seal verification ${t}`,
        body: 'Our new seal log is attached to the profile; please confirm it meets the criteria.',
      });
      threadIds.push(thread.threadId!);
    }
    await http('POST', `${base}/threads/${threadIds[0]}/messages`, officer, { body: 'Received; we are reviewing it.' });
    const alertIds: string[] = [];
    for (let a = 0; a < WARM_UP + REPEATS + 1; a += 1) {
      const alert = await http('POST', '/alerts', officer, {
        kind: 'cargo-security-alert',
        title: `Seal tampering reported ${a}`,
        body: 'Verify bolt seals on every inbound container and report anomalies.',
        severity: 'high',
        audience: { scope: 'companies', companyIds: [main.companyId] },
      });
      alertIds.push(alert.alertId!);
    }
    // Companies for the one-shot certification, each with a complete profile.
    const certifying: Awaited<ReturnType<typeof companyWithPoc>>[] = [];
    for (let c = 0; c < WARM_UP + REPEATS; c += 1) {
      const company = await companyWithPoc();
      await http('PUT', `/companies/${company.companyId}/security-profile`, company.token, { version: 0, answers });
      certifying.push(company);
    }
    await streams.settled();
    await streams.pause();

    // Each scenario prepares its i-th request; state a route hands on (a version, a token) is kept here.
    let refreshToken = main.refreshToken;
    let accountVersion = 1;
    let profileVersion = 1;
    const added: { userId: string }[] = [];
    const poc = (id: RouteId, request: Omit<RouteRequest, 'token'> = {}) =>
      prepare(id, { ...request, token: main.token });
    const scenarios: { name: string; route: RouteId; next: (i: number) => ReturnType<typeof prepare> }[] = [
      {
        name: 'sign-in (participant)',
        route: 'login',
        next: () => prepare('login', { body: { email: main.pocEmail, password: PASSWORD } }),
      },
      { name: 'token refresh', route: 'refresh', next: () => prepare('refresh', { body: { refreshToken } }) },
      { name: 'who am I', route: 'getMe', next: () => poc('getMe') },
      {
        name: 'sign-out',
        route: 'logout',
        next: async () => prepare('logout', { body: { refreshToken: (await login(main.pocEmail)).refreshToken } }),
      },
      { name: 'deadline policies', route: 'listDeadlines', next: () => poc('listDeadlines') },
      {
        name: 'own company',
        route: 'getCompany',
        next: () => poc('getCompany', { params: { companyId: main.companyId } }),
      },
      {
        name: 'a company, by CBP',
        route: 'getCompany',
        next: () => prepare('getCompany', { token: officer, params: { companyId: main.companyId } }),
      },
      {
        name: 'list threads (10)',
        route: 'listThreads',
        next: () => poc('listThreads', { params: { companyId: main.companyId } }),
      },
      {
        name: "a thread's messages",
        route: 'listMessages',
        next: () => poc('listMessages', { params: { companyId: main.companyId, threadId: threadIds[0]! } }),
      },
      {
        name: 'start a thread',
        route: 'startThread',
        next: (i) =>
          poc('startThread', {
            params: { companyId: main.companyId },
            body: { subject: `Question ${i}`, body: 'Which seal standard applies to our new trailers?' },
          }),
      },
      {
        name: 'post a message (company)',
        route: 'postMessage',
        next: (i) =>
          poc('postMessage', {
            params: { companyId: main.companyId, threadId: threadIds[1]! },
            body: { body: `Follow-up ${i}: the log now covers the second warehouse.` },
          }),
      },
      {
        name: 'post a message (CBP reply)',
        route: 'postMessage',
        next: (i) =>
          prepare('postMessage', {
            token: officer,
            params: { companyId: main.companyId, threadId: threadIds[0]! },
            body: { body: `Reply ${i}: the log meets the criteria.` },
          }),
      },
      {
        name: 'save account info',
        route: 'saveAccountInfo',
        next: () =>
          poc('saveAccountInfo', { params: { companyId: main.companyId }, body: accountInfoFor(accountVersion) }),
      },
      {
        name: 'read the security profile',
        route: 'getSecurityProfile',
        next: () => poc('getSecurityProfile', { params: { companyId: main.companyId } }),
      },
      {
        name: 'save a security profile version',
        route: 'saveSecurityProfile',
        next: (i) =>
          poc('saveSecurityProfile', {
            params: { companyId: main.companyId },
            body: { version: profileVersion, answers: completeAnswers('importer', PROFILE_TEXT_LENGTH - (i % 2)) },
          }),
      },
      { name: 'list alerts (inbox)', route: 'listAlerts', next: () => poc('listAlerts') },
      { name: 'read an alert', route: 'getAlert', next: (i) => poc('getAlert', { params: { alertId: alertIds[i]! } }) },
      {
        name: 'acknowledge an alert',
        route: 'acknowledgeAlert',
        next: (i) => poc('acknowledgeAlert', { params: { alertId: alertIds[i]! } }),
      },
      {
        name: 'export',
        route: 'exportCompany',
        next: () => poc('exportCompany', { params: { companyId: main.companyId } }),
      },
      {
        name: 'certify',
        route: 'certify',
        next: (i) =>
          prepare('certify', {
            token: certifying[i]!.token,
            params: { companyId: certifying[i]!.companyId },
            body: { profileVersion: 1, attestation: true },
          }),
      },
      {
        name: 'list users',
        route: 'listCompanyUsers',
        next: () => poc('listCompanyUsers', { params: { companyId: main.companyId } }),
      },
      {
        name: 'add a user',
        route: 'addCompanyUser',
        next: (i) =>
          poc('addCompanyUser', {
            params: { companyId: main.companyId },
            body: {
              email: `added${i}@bench-imports.example.com`,
              name: `Added ${i}`,
              permissions: { editProfile: false, authorizeSharing: false },
            },
          }),
      },
      {
        name: 'disable a user',
        route: 'updateCompanyUser',
        next: (i) =>
          poc('updateCompanyUser', {
            params: { companyId: main.companyId, userId: added[i]!.userId },
            body: { version: 1, status: 'disabled' },
          }),
      },
    ];

    /** The stream consumers' work since the last settle (they are paused while a handler is measured). */
    const settle = async () =>
      (
        await meter.measure(async () => {
          streams.resume();
          await streams.settled();
          await streams.pause();
        })
      ).usage;

    const routes = [];
    for (const s of scenarios) {
      progress(`${s.name}: ${WARM_UP} warm-up and ${REPEATS} measured invocations ...`);
      const route = ROUTES.find((r) => r.id === s.route)!;
      const samples = [];
      const before = await tableBytes(backends.resources.tableName);
      for (let i = 0; i < WARM_UP + REPEATS; i += 1) {
        const invoke = await s.next(i);
        const { result, usage } = await meter.measure<RouteAnswer>(invoke);
        const expected = ('successStatus' in route ? route.successStatus : undefined) ?? 200;
        if (result.status !== expected)
          throw new Error(`${s.name}: ${result.status} ${JSON.stringify(result.body)} (expected ${expected})`);
        if (s.route === 'refresh') refreshToken = result.body.tokens.refreshToken ?? refreshToken;
        if (s.route === 'saveAccountInfo') accountVersion = result.body.version;
        if (s.route === 'saveSecurityProfile') profileVersion = result.body.version;
        if (s.route === 'addCompanyUser') added.push(result.body);
        const downstream = await settle();
        if (i >= WARM_UP) samples.push({ usage, downstream, bytes: result.bytes });
      }
      const after = await tableBytes(backends.resources.tableName);
      routes.push({
        scenario: s.name,
        route: s.route,
        ...summarize(samples),
        /** Bytes the table keeps (not expiring) per request: its items, audit records and queued deliveries. */
        storedBytes: Math.round((after.durable - before.durable) / (WARM_UP + REPEATS)),
      });
    }

    const jobs = await jobCosts({
      meter,
      settle,
      officer,
      prepare,
      repeats: REPEATS,
      tableName: backends.resources.tableName,
    });
    progress("counting the table's items by kind ...");
    const items = await census(backends.resources.tableName);
    api.server.close();
    return {
      benchmark: 'cost',
      at: new Date().toISOString(),
      machine: machine(),
      repeats: REPEATS,
      warmUp: WARM_UP,
      capacityMethod:
        "ReturnConsumedCapacity 'INDEXES' added by a middleware on the portal's DynamoDB client in the bench process; ConsumedCapacity as DynamoDB Local reports it",
      profileTextLength: PROFILE_TEXT_LENGTH,
      sizes: {
        sweepCompanies: SWEEP_COMPANIES,
        sweepDue: SWEEP_DUE,
        fanOutCompanies: FAN_OUT_COMPANIES,
        fanOutUsers: FAN_OUT_USERS,
      },
      routes,
      jobs,
      items,
    };
  } finally {
    await backends.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
