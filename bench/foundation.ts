/**
 * The foundation benchmarks (DESIGN section 9):
 *  1. each handler's bundle size (targets, issue 18: a route's at most 150 KB minified, a job's
 *     at most 200 KB, the AWS SDK external);
 *  2. each handler's cold import time against a bare bundled GetItem handler (target: 1.3x), and
 *     against its floor: a bare handler that loads the same AWS SDK clients as the route's declared
 *     access (DynamoDB, Cognito, SES), each sending one command, so a route that must load the
 *     Cognito client is also shown against what loading it costs by itself;
 *  3. authenticated GET /companies/{companyId} latency on the local stack against a bare
 *     GetItem round trip to the same DynamoDB Local (target: median within 1.5x), and the
 *     number of DynamoDB round trips per request (target: 1).
 */
import { type BuildOptions, build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { ROUTES, type Access, type RouteDefinition } from '../functions/definitions/routes.ts';
import { JOBS } from '../functions/definitions/jobs.ts';
import { ROOT } from '../lib/local/paths.ts';
import { median, progress, quantile, round, signInThroughApi } from './lib.ts';

/** Bundle-size targets: a route's function, a scheduled job's. */
export const ROUTE_BUNDLE_LIMIT = 150 * 1024;
export const JOB_BUNDLE_LIMIT = 200 * 1024;
export const COLD_IMPORT_RATIO = 1.3;
export const LATENCY_RATIO = 1.5;
const COLD_RUNS = 9;
const LATENCY_REQUESTS = 300;

/** The same esbuild settings as the house Lambda construct (lib/constructs/portal-function.ts). */
export const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  mainFields: ['module', 'main'],
  external: ['@aws-sdk/*'],
  banner: { js: "import { createRequire } from 'module';const require = createRequire(import.meta.url);" },
  logLevel: 'error',
};

const bundle = async (entry: string, outfile: string) => {
  await build({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile });
  return statSync(outfile).size;
};

/** The SDK clients a function loads because of its declared access. */
type Client = 'dynamodb' | 'cognito' | 'ses';
const clientsOf = (access: readonly Access[]): Client[] => [
  ...(access.some((a) => a.startsWith('table:')) ? (['dynamodb'] as const) : []),
  // Reading the pools' public keys is a plain HTTPS fetch: no Cognito client.
  ...(access.some((a) => a.startsWith('cognito:') && a !== 'cognito:keys') ? (['cognito'] as const) : []),
  ...(access.some((a) => a.startsWith('email:')) ? (['ses'] as const) : []),
];

/** A bare handler loading `clients`, one command each: the least a function with that access loads. */
const floorSource = (clients: readonly Client[]): string => {
  const parts = {
    dynamodb: [
      "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
      'const dynamodb = new DynamoDBClient({});',
      "await dynamodb.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: e.pk }, sk: { S: 'x' } } }));",
    ],
    cognito: [
      "import { CognitoIdentityProviderClient, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';",
      'const cognito = new CognitoIdentityProviderClient({});',
      'await cognito.send(new AdminGetUserCommand({ UserPoolId: process.env.USER_POOL_ID, Username: e.pk }));',
    ],
    ses: [
      "import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';",
      'const ses = new SESv2Client({});',
      'await ses.send(new SendEmailCommand({ Destination: { ToAddresses: [e.pk] } }));',
    ],
  } as const;
  const used = clients.map((c) => parts[c]);
  return [
    ...used.map((p) => p[0]),
    ...used.map((p) => p[1]),
    'export const handler = async (e: { pk: string }) => {',
    ...used.map((p) => `  ${p[2]}`),
    '};',
    '',
  ].join('\n');
};

/** Milliseconds to import a bundle in a fresh Node process (the Lambda init phase's share). */
const coldImport = (file: string): number => {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      ...process.env,
      AWS_REGION: 'us-east-1',
      TABLE_NAME: 'bench',
      USER_POOL_ID: 'bench',
      USER_POOL_CLIENT_ID: 'bench',
      STAFF_USER_POOL_ID: 'bench',
      STAFF_USER_POOL_CLIENT_ID: 'bench',
      SENDER_ADDRESS: 'bench@example.com',
      EMAIL_CONFIGURATION_SET: 'bench',
      PORTAL_URL: 'https://bench.example.com',
      PROGRAM_EMAIL: 'bench@example.com',
      ALLOWED_ORIGINS: 'https://bench.example.com',
      USER_POOL_KEYS_URL: 'https://bench.example.com/jwks.json',
      STAFF_USER_POOL_KEYS_URL: 'https://bench.example.com/staff-jwks.json',
      EXPORTS_BUCKET: 'bench',
      AUDIT_ARCHIVE_BUCKET: 'bench',
      CODE_KEY_ARN: 'arn:aws:kms:us-east-1:000000000000:key/bench',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: ROOT,
  });
  return Number(out.toString().trim());
};

/** What `bundlesAndColdStarts` measures: every handler by default (`npm run bench`). */
export interface ColdStartOptions {
  /** Only these handlers (by name, `job:<name>` for jobs); every one when absent. */
  readonly only?: readonly string[];
  /** Cold imports per bundle (the median is kept). */
  readonly runs?: number;
  /** Leave the bundles in bench/.build for profiling (`node --cpu-prof`). */
  readonly keep?: boolean;
}

export const bundlesAndColdStarts = async ({ only, runs = COLD_RUNS, keep = false }: ColdStartOptions = {}) => {
  // Inside the repository so the bundles resolve the external AWS SDK from node_modules.
  const dir = join(ROOT, 'bench', '.build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entries = [
    ...(ROUTES as readonly RouteDefinition[]).map((r) => ({
      name: r.handler,
      entry: join(ROOT, 'functions', 'handlers', `${r.handler}.ts`),
      clients: clientsOf(r.access),
    })),
    ...JOBS.map((j) => ({
      name: `job:${j.handler}`,
      entry: join(ROOT, 'functions', 'jobs', `${j.handler}.ts`),
      clients: clientsOf(j.access),
    })),
  ].filter((e) => !only || only.includes(e.name));
  if (only && entries.length < only.length) throw new Error(`no handler named ${only.join(', ')}`);
  const bareFile = join(dir, 'bare-get-item.mjs');
  const bareSize = await bundle(join(ROOT, 'bench', 'bare-get-item.ts'), bareFile);
  // One floor per set of clients some handler loads (none for a function that loads no client).
  const floors = new Map<string, string>();
  for (const clients of new Set(entries.filter((e) => e.clients.length > 0).map((e) => e.clients.join('+')))) {
    const source = join(dir, `floor-${clients}.ts`);
    writeFileSync(source, floorSource(clients.split('+') as Client[]));
    const file = join(dir, `floor-${clients}.mjs`);
    await bundle(source, file);
    floors.set(clients, file);
  }
  const rows = [];
  for (const e of entries) {
    const file = join(dir, `${e.name.replace(':', '-')}.mjs`);
    rows.push({ ...e, file, size: await bundle(e.entry, file) });
  }
  progress(
    `bundled ${rows.length} handlers; measuring cold imports (${runs} runs each, interleaved with the bare handler) ...`,
  );
  const bareTimes: number[] = [];
  const times = new Map<string, number[]>(rows.map((r) => [r.name, []]));
  const floorTimes = new Map<string, number[]>([...floors.keys()].map((k) => [k, []]));
  for (let run = 0; run < runs; run += 1) {
    bareTimes.push(coldImport(bareFile));
    for (const [k, file] of floors) floorTimes.get(k)!.push(coldImport(file));
    for (const r of rows) times.get(r.name)!.push(coldImport(r.file));
  }
  const bareMs = median(bareTimes);
  const floorMs = new Map([...floorTimes].map(([k, t]) => [k, median(t)]));
  if (!keep) rmSync(dir, { recursive: true, force: true });
  return {
    bare: { sizeBytes: bareSize, coldImportMs: round(bareMs) },
    floors: [...floorMs].map(([clients, ms]) => ({ clients, coldImportMs: round(ms), ratio: round(ms / bareMs) })),
    handlers: rows.map((r) => {
      const ms = median(times.get(r.name)!);
      const floor = floorMs.get(r.clients.join('+'));
      return {
        handler: r.name,
        clients: r.clients,
        /** Against a bare handler loading the same clients (null: it loads none). */
        floorRatio: floor === undefined ? null : round(ms / floor),
        sizeBytes: r.size,
        withinSize: r.size <= (r.name.startsWith('job:') ? JOB_BUNDLE_LIMIT : ROUTE_BUNDLE_LIMIT),
        coldImportMs: round(ms),
        ratio: round(ms / bareMs),
        withinRatio: ms / bareMs <= COLD_IMPORT_RATIO,
      };
    }),
  };
};

export const apiLatency = async () => {
  const { startBackends, startApi } = await import('../lib/local/runtime.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'ctpat-bench-'));
  progress('starting the emulators (DynamoDB Local in memory) ...');
  const backends = await startBackends({ dataDir, persist: false });
  try {
    const api = await startApi(backends);
    const { provisionUser } = await import('../functions/domain/users.ts');
    const { allPorts } = await import('../lib/local/all-ports.ts');
    const password = 'benchmark passphrase 2006';
    await provisionUser(allPorts, {
      email: 'bench-officer@cbp.example.gov',
      name: 'Bench Officer',
      companyId: 'CBP',
      role: 'cbp-officer',
      password,
    });
    const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      };
      return (await (
        await fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
      ).json()) as T;
    };
    const token = await signInThroughApi(api.url, 'bench-officer@cbp.example.gov', password);
    const company = await post<{ companyId: string }>(
      '/companies',
      {
        legalName: 'Bench Imports',
        category: 'importer',
        pocEmail: 'poc@bench.example.com',
        identifiers: { iorNumber: '12-3456789', ein: '12-3456789' },
      },
      token,
    );

    // Count the handlers' DynamoDB round trips through their own module-scoped client.
    const { dynamo, TABLE_NAME } = await import('../functions/clients/dynamodb.ts');
    let roundTrips = 0;
    dynamo.middlewareStack.add(
      (next) => async (args) => {
        roundTrips += 1;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'countRoundTrips' },
    );

    // The company's primary POC, so both kinds of caller are measured: staff reading another
    // company (membership, then the company) and a company reading its own (one round trip).
    await provisionUser(allPorts, {
      email: 'poc@bench.example.com',
      name: 'Bench POC',
      companyId: company.companyId,
      role: 'primary-poc',
      password,
    });
    const pocToken = (
      await post<{ tokens: { idToken: string } }>('/auth/login', { email: 'poc@bench.example.com', password })
    ).tokens.idToken;

    const bare = new DynamoDBClient({});
    const key = { pk: { S: `COMPANY#${company.companyId}` }, sk: { S: 'COMPANY' } };
    const url = `${api.url}/companies/${company.companyId}`;
    const measure = async (caller: string, bearer: string) => {
      const headers = { authorization: `Bearer ${bearer}` };
      progress(`${caller}: warming up, then ${LATENCY_REQUESTS} requests each, interleaved with bare GetItems ...`);
      for (let i = 0; i < 30; i += 1) {
        await fetch(url, { headers }).then((r) => r.arrayBuffer());
        await bare.send(new GetItemCommand({ TableName: TABLE_NAME, Key: key }));
      }
      roundTrips = 0;
      const apiTimes: number[] = [];
      const bareTimes: number[] = [];
      let failures = 0;
      for (let i = 0; i < LATENCY_REQUESTS; i += 1) {
        let t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        apiTimes.push(performance.now() - t);
        if (res.status !== 200) failures += 1;
        t = performance.now();
        await bare.send(new GetItemCommand({ TableName: TABLE_NAME, Key: key }));
        bareTimes.push(performance.now() - t);
      }
      return {
        caller,
        requests: LATENCY_REQUESTS,
        failures,
        api: { medianMs: round(median(apiTimes)), p99Ms: round(quantile(apiTimes, 0.99)) },
        bareGetItem: { medianMs: round(median(bareTimes)), p99Ms: round(quantile(bareTimes, 0.99)) },
        ratio: round(median(apiTimes) / median(bareTimes)),
        dynamoRoundTripsPerRequest: round(roundTrips / LATENCY_REQUESTS),
      };
    };
    const results = [
      await measure('CBP officer, another company', token),
      await measure('primary POC, own company', pocToken),
    ];
    bare.destroy();
    api.server.close();
    return results;
  } finally {
    await backends.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
