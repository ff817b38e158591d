/**
 * The cost benchmark's instruments (bench/cost-measure.ts): what one handler invocation uses in
 * the units AWS bills, read in the bench process from the portal's own SDK clients; a way to
 * invoke a route's handler as its Lambda function would be invoked; and a census of the table.
 *
 *  - DynamoDB request units: a middleware on the portal's DynamoDB client (in this process only)
 *    adds `ReturnConsumedCapacity: 'INDEXES'` to every read and write and sums the
 *    `ConsumedCapacity` DynamoDB Local answers (table and index units; INDEXES is TOTAL plus the
 *    split). DynamoDB Local computes them by DynamoDB's rules (4 KB read units, halved when
 *    eventually consistent, 1 KB write units, doubled in a transaction, each index write
 *    counted). It reports none for a write it refuses (a failed condition, a cancelled
 *    transaction) nor for a Query that finds nothing, both of which AWS bills: those are counted
 *    apart by AWS's rules.
 *  - Cognito calls by operation, SES sends and the recipients they name (SES bills each one).
 *  - Wall time and CPU time of the invocation (this process's CPU: the handler and the SDK; the
 *    emulators run in processes of their own, except the Cognito stand-in in front of
 *    cognito-local), and the bytes the function wrote to stdout and stderr (its log lines).
 *  - The census: every item in the table, grouped by kind (its keys with the ids taken out:
 *    `COMPANY#* AUDIT#*`), with its size by DynamoDB's rules and the index copies it has (each
 *    billed again, with the same 100 bytes of overhead). A Scan through a client of its own: the
 *    benchmark's bookkeeping, not the portal's code.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, Handler } from 'aws-lambda';
import { ROUTES, type RouteDefinition } from '../functions/definitions/routes.ts';
import { TABLE, tableIndexes } from '../functions/definitions/table.ts';
import { runAs } from '../lib/local/iam.ts';
import type { TokenVerifier } from '../lib/local/token-verifier.ts';
import { round } from './lib.ts';

// ---- The census: item sizes by DynamoDB's rules -------------------------------------------------

/** DynamoDB's per-item storage overhead, in the table and in each index. */
export const ITEM_OVERHEAD_BYTES = 100;

/** A number's size: about one byte per two significant digits, plus one. */
const numberSize = (n: string) =>
  Math.ceil(
    n
      .replace(/^-/, '')
      .replace(/^0+\.?0*/, '')
      .replace('.', '').length / 2,
  ) + 1;

/** A value's size by DynamoDB's rules (strings in UTF-8; a list or map 3 bytes plus 1 per element). */
const valueSize = (v: AttributeValue): number => {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + numberSize(s), 0);
  if (v.L) return 3 + v.L.reduce((n, e) => n + 1 + valueSize(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + 1 + Buffer.byteLength(k) + valueSize(e), 0);
  return 0;
};

export const itemSize = (item: Record<string, AttributeValue>) =>
  Object.entries(item).reduce((n, [name, v]) => n + Buffer.byteLength(name) + valueSize(v), 0);

/** A key with its ids taken out: upper-case words stay, anything else (an id, a date, an email) is `*`. */
const shape = (key: string | undefined) =>
  (key ?? '')
    .split('#')
    .map((part) => (/^[A-Z][A-Z_-]*$/.test(part) ? part : '*'))
    .join('#');

export const census = async (tableName: string) => {
  const client = new DynamoDBClient({});
  const kinds = new Map<string, { count: number; bytes: number; max: number; indexCopies: number; expiring: number }>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const kind = `${shape(item[TABLE.partitionKey]?.S)} ${shape(item[TABLE.sortKey]?.S)}`;
      const k = kinds.get(kind) ?? { count: 0, bytes: 0, max: 0, indexCopies: 0, expiring: 0 };
      const size = itemSize(item);
      k.count += 1;
      k.bytes += size;
      k.max = Math.max(k.max, size);
      k.indexCopies += tableIndexes.filter((index) => item[index.partitionKey] !== undefined).length;
      if (item[TABLE.ttlAttribute] !== undefined) k.expiring += 1;
      kinds.set(kind, k);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return [...kinds]
    .map(([kind, k]) => ({
      kind,
      count: k.count,
      avgBytes: Math.round(k.bytes / k.count),
      maxBytes: k.max,
      /** Index copies per item (each is billed with its own overhead; the indexes project every attribute). */
      indexCopies: round(k.indexCopies / k.count, 2),
      /** Billed storage per item: the item and its index copies, each with the overhead. */
      storedBytes: Math.round((k.bytes / k.count + ITEM_OVERHEAD_BYTES) * (1 + k.indexCopies / k.count)),
      expiringShare: round(k.expiring / k.count, 2),
    }))
    .sort((a, b) => b.count * b.storedBytes - a.count * a.storedBytes);
};

// ---- The meter ---------------------------------------------------------------------------------

/** What one metered stretch of work used. */
export interface Usage {
  /** Read request units, table and indexes, as DynamoDB Local reports them. */
  rru: number;
  /**
   * Read units DynamoDB Local reports as 0 and AWS bills: a Query that finds nothing still
   * costs its minimum (0.5, or 1 when strongly consistent). Added here by that rule.
   */
  rruFloor: number;
  /** Write request units, table and indexes (an index write included). */
  wru: number;
  /** Of `wru`, the indexes' share. */
  indexWru: number;
  /** DynamoDB calls by operation (each a round trip). */
  dynamo: Record<string, number>;
  /** Writes DynamoDB refused (a failed condition, a cancelled transaction): AWS bills them, DynamoDB Local reports nothing. */
  refusedWrites: number;
  /**
   * The units AWS bills for the refused single-item writes, computed by its rule: the size of the
   * item the condition was checked against, in 1 KB units, at least 1. (A cancelled transaction is counted above only.)
   */
  refusedWru: number;
  cognito: Record<string, number>;
  sesCalls: number;
  /** Recipients named in SES sends: the emails SES bills. */
  emails: number;
  logBytes: number;
  wallMs: number;
  cpuMs: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
const REFUSALS = new Set(['ConditionalCheckFailedException', 'TransactionCanceledException']);

interface Capacity {
  readonly CapacityUnits?: number;
  readonly GlobalSecondaryIndexes?: Record<string, { readonly CapacityUnits?: number }>;
}

const empty = (): Usage => ({
  rru: 0,
  rruFloor: 0,
  wru: 0,
  indexWru: 0,
  dynamo: {},
  refusedWrites: 0,
  refusedWru: 0,
  cognito: {},
  sesCalls: 0,
  emails: 0,
  logBytes: 0,
  wallMs: 0,
  cpuMs: 0,
});

const bump = (counts: Record<string, number>, name: string) => {
  counts[name] = (counts[name] ?? 0) + 1;
};

type Destination = { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
const addressesIn = (d: Destination | undefined) =>
  (d?.ToAddresses?.length ?? 0) + (d?.CcAddresses?.length ?? 0) + (d?.BccAddresses?.length ?? 0);

/**
 * Puts the meter on the portal's clients. `measure(work)` runs work and answers what it used;
 * nothing outside a `measure` is counted. Measures never overlap (the benchmark runs one thing
 * at a time), so a plain variable is the window.
 */
export const attachMeter = (clients: {
  readonly dynamo: DynamoDBClient;
  readonly cognito: CognitoIdentityProviderClient;
  readonly ses: SESv2Client;
}) => {
  let open: Usage | undefined;
  /** The items refused writes were checked against, sized once the measure's time is taken. */
  let refused: { TableName: string; Key: Record<string, AttributeValue> }[] = [];
  const sizing = new DynamoDBClient({});
  const keyOf = (item: Record<string, AttributeValue>) => ({
    [TABLE.partitionKey]: item[TABLE.partitionKey]!,
    [TABLE.sortKey]: item[TABLE.sortKey]!,
  });

  clients.dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const command = (context.commandName ?? '').replace(/Command$/, '');
      const metered = READS.has(command) || WRITES.has(command);
      const input = args.input as Record<string, unknown>;
      try {
        const result = await next(metered ? { ...args, input: { ...input, ReturnConsumedCapacity: 'INDEXES' } } : args);
        if (open) {
          bump(open.dynamo, command);
          const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
          for (const c of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
            const units = c.CapacityUnits ?? 0;
            const index = Object.values(c.GlobalSecondaryIndexes ?? {}).reduce((n, i) => n + (i.CapacityUnits ?? 0), 0);
            if (READS.has(command)) {
              open.rru += units;
              if (command === 'Query' && units === 0) open.rruFloor += input.ConsistentRead ? 1 : 0.5;
            } else {
              open.wru += units;
              open.indexWru += index;
            }
          }
        }
        return result;
      } catch (error) {
        if (open) {
          bump(open.dynamo, command);
          if (REFUSALS.has((error as Error).name)) open.refusedWrites += 1;
          const item = (input.Key ?? input.Item) as Record<string, AttributeValue> | undefined;
          if ((error as Error).name === 'ConditionalCheckFailedException' && item)
            refused.push({ TableName: input.TableName as string, Key: keyOf(item) });
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'costMeter' },
  );

  clients.cognito.middlewareStack.add(
    (next, context) => async (args) => {
      if (open) bump(open.cognito, (context.commandName ?? '').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'costMeter' },
  );

  clients.ses.middlewareStack.add(
    (next) => async (args) => {
      if (open) {
        const input = args.input as {
          Destination?: Destination;
          BulkEmailEntries?: { Destination?: Destination }[];
        };
        open.sesCalls += 1;
        open.emails += input.BulkEmailEntries
          ? input.BulkEmailEntries.reduce((n, e) => n + addressesIn(e.Destination), 0)
          : addressesIn(input.Destination);
      }
      return next(args);
    },
    { step: 'initialize', name: 'costMeter' },
  );

  /** What the function writes to stdout and stderr while measured: its log lines, counted, not shown. */
  const capture = (usage: Usage) => {
    const saved = { out: process.stdout.write, err: process.stderr.write };
    const count = (chunk: unknown) => {
      usage.logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk as Uint8Array).length;
      return true;
    };
    process.stdout.write = count as typeof process.stdout.write;
    process.stderr.write = count as typeof process.stderr.write;
    return () => {
      process.stdout.write = saved.out;
      process.stderr.write = saved.err;
    };
  };

  const measure = async <T>(work: () => Promise<T>): Promise<{ result: T; usage: Usage }> => {
    if (open) throw new Error('measures may not overlap');
    const usage = empty();
    open = usage;
    const release = capture(usage);
    const cpu = process.cpuUsage();
    const started = performance.now();
    try {
      const result = await work();
      usage.wallMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      usage.cpuMs = (used.user + used.system) / 1000;
      release();
      open = undefined;
      for (const r of refused.splice(0)) {
        const { Item } = await sizing.send(new GetItemCommand({ ...r, ConsistentRead: true }));
        usage.refusedWru += Math.max(1, Math.ceil((Item ? itemSize(Item) : 0) / 1024));
      }
      return { result, usage };
    } finally {
      release();
      open = undefined;
      refused = [];
    }
  };
  return { measure };
};

/** DynamoDB, Cognito and SES calls: the round trips a function waits on. */
export const roundTrips = (u: Usage) =>
  Object.values(u.dynamo).reduce((n, c) => n + c, 0) + Object.values(u.cognito).reduce((n, c) => n + c, 0) + u.sesCalls;

// ---- Invoking a route as its function ------------------------------------------------------------

type ProxyHandler = Handler<APIGatewayProxyEvent, APIGatewayProxyResult>;
export type RouteId = (typeof ROUTES)[number]['id'];

/** One request to a route. */
export interface RouteRequest {
  readonly token?: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a benchmark reads what each route answers by name
  readonly body: any;
  readonly bytes: number;
}

const context = (name: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: name,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
  memoryLimitInMB: '512',
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${name}`,
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/**
 * Prepares one request (route, claims, event) and answers the invocation to measure: a function
 * that runs the handler and nothing else.
 */
export const routeInvoker =
  (verifier: TokenVerifier) =>
  async (id: RouteId, request: RouteRequest = {}): Promise<() => Promise<RouteAnswer>> => {
    const route = (ROUTES as readonly RouteDefinition[]).find((r) => r.id === id);
    if (!route) throw new Error(`no route ${id}`);
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = request.params?.[name];
      if (value === undefined) throw new Error(`${id} needs the path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const claims = request.token ? await verifier.verify(request.token) : undefined;
    if (route.auth !== 'public' && !claims) throw new Error(`${id} needs a valid token`);
    const headers: Record<string, string> = {
      'user-agent': 'ctpat-cost-bench',
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    };
    const event: APIGatewayProxyEvent = {
      resource: route.path,
      path,
      httpMethod: route.method,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      queryStringParameters: request.query ? { ...request.query } : null,
      multiValueQueryStringParameters: null,
      pathParameters: request.params ? { ...request.params } : null,
      stageVariables: null,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'bench',
        authorizer: claims ? { claims } : null,
        httpMethod: route.method,
        identity: { sourceIp: '198.51.100.7', userAgent: 'ctpat-cost-bench' },
        path,
        protocol: 'HTTP/1.1',
        requestId: randomUUID(),
        requestTimeEpoch: Date.now(),
        resourceId: route.id,
        resourcePath: route.path,
        stage: 'bench',
      } as APIGatewayProxyEvent['requestContext'],
    };
    const { handler } = (await import(`../functions/handlers/${route.handler}.ts`)) as { handler: ProxyHandler };
    return async () => {
      const result = await runAs({ name: `route ${route.id}`, access: route.access }, async () =>
        handler(event, context(route.id), () => undefined),
      );
      if (!result) throw new Error(`${id} answered nothing`);
      const text = result.body ?? '';
      return { status: result.statusCode, body: text ? JSON.parse(text) : undefined, bytes: Buffer.byteLength(text) };
    };
  };

/** The table's billed storage (items, their index copies, the overhead), split by whether items expire (TTL). */
export const tableBytes = async (tableName: string) => {
  const kinds = await census(tableName);
  const sum = (share: (k: (typeof kinds)[number]) => number) =>
    kinds.reduce((n, k) => n + k.count * k.storedBytes * share(k), 0);
  return { durable: Math.round(sum((k) => 1 - k.expiringShare)), expiring: Math.round(sum((k) => k.expiringShare)) };
};
