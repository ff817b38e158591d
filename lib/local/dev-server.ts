/**
 * The local stand-in for API Gateway: serves the route table, verifies Cognito tokens where
 * the Cognito authorizer would, builds the same REST proxy event (claims under
 * requestContext.authorizer.claims) and calls the same handler modules, each as its own function
 * with its route's declared access, which the local IAM stand-in (`iam.ts`) holds its SDK calls to.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context, Handler } from 'aws-lambda';
import { ROUTES, type RouteDefinition } from '../../functions/definitions/routes.ts';
import {
  API_SECURITY_HEADERS,
  CORS_ALLOW_HEADERS,
  CORS_ALLOW_METHODS,
} from '../../functions/definitions/api-headers.ts';
import type { TokenVerifier } from './token-verifier.ts';
import { runAs } from './iam.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../../functions/definitions/timeouts.ts';

/** API Gateway's own payload limit; larger requests never reach a handler. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export interface DevServerProps {
  readonly verifier: TokenVerifier;
  /** Default: 127.0.0.1. */
  readonly host?: string;
  /** Default: 0 (a free port). */
  readonly port?: number;
  /**
   * The web portal's origins, the same list the handlers read from `ALLOWED_ORIGINS`: the dev
   * server's own answers (the CORS preflight, its errors) allow these and no other, as API Gateway
   * does. The handlers' answers carry their own CORS headers.
   */
  readonly allowedOrigins: readonly string[];
  /** Log each request as one line (default false). */
  readonly log?: boolean;
  /** The route table served (default: `ROUTES`); a test may serve a route with less access than it declares. */
  readonly routes?: readonly RouteDefinition[];
}

interface CompiledRoute {
  readonly route: RouteDefinition;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
}

const compile = (route: RouteDefinition): CompiledRoute => {
  const paramNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      paramNames.push(param);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), paramNames };
};

const handlers = new Map<string, Promise<Handler<APIGatewayProxyEvent, APIGatewayProxyResult>>>();
const loadHandler = (name: string) => {
  let loaded = handlers.get(name);
  if (!loaded) {
    loaded = import(`../../functions/handlers/${name}.ts`).then(
      (module: { handler: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> }) => module.handler,
    );
    handlers.set(name, loaded);
  }
  return loaded;
};

const gatewayError = (statusCode: number, code: string, message: string): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...API_SECURITY_HEADERS },
  body: JSON.stringify({ error: { code, message, details: [] } }),
});

const readBody = (req: IncomingMessage): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * The context Lambda hands a route's function: its time left counts down from the function's
 * configured timeout (what the CDK stack sets), as middy's last-resort answer and Powertools'
 * in-progress expiry of an Idempotency-Key read it.
 */
const lambdaContext = (name: string, timeoutMs = FUNCTION_TIMEOUT_SECONDS.route * 1000): Context => {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

/** An answer, and whether the server gave it itself (API Gateway's own) or a handler did. */
interface Dispatched {
  readonly result: APIGatewayProxyResult;
  readonly own: boolean;
}

/** Handles one request the way API Gateway plus the Lambda proxy integration would. */
const dispatch = async (
  req: IncomingMessage,
  props: DevServerProps,
  compiled: readonly CompiledRoute[],
): Promise<Dispatched> => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  const matches = compiled
    .map((c) => ({ c, m: c.pattern.exec(url.pathname) }))
    .filter((x): x is { c: CompiledRoute; m: RegExpExecArray } => x.m !== null);
  if (matches.length === 0) return { result: gatewayError(404, 'not_found', 'No such resource.'), own: true };
  const match = matches.find((x) => x.c.route.method === method);
  if (!match)
    return {
      result: gatewayError(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}.`),
      own: true,
    };
  const { route } = match.c;

  const body = await readBody(req);
  if (body === 'too-large')
    return { result: gatewayError(413, 'payload_too_large', 'The request body is larger than 10 MB.'), own: true };

  let claims: Record<string, string> | undefined;
  if (route.auth !== 'public') {
    const header = req.headers.authorization ?? '';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    claims = token ? await props.verifier.verify(token) : undefined;
    if (!claims) return { result: gatewayError(401, 'unauthorized', 'Sign in to use this endpoint.'), own: true };
  }

  const pathParameters: Record<string, string> = {};
  try {
    match.c.paramNames.forEach((name, i) => {
      pathParameters[name] = decodeURIComponent(match.m[i + 1] ?? '');
    });
  } catch {
    return { result: gatewayError(400, 'bad_request', 'The path is not validly encoded.'), own: true };
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[key] = value;
  const query = Object.fromEntries(url.searchParams.entries());

  const event: APIGatewayProxyEvent = {
    resource: route.path,
    path: url.pathname,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: Object.keys(query).length ? query : null,
    multiValueQueryStringParameters: null,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
    stageVariables: null,
    body: body.length ? body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: claims ? { claims } : null,
      httpMethod: method,
      identity: {
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? null,
      } as APIGatewayProxyEvent['requestContext']['identity'],
      path: url.pathname,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: route.id,
      resourcePath: route.path,
      stage: 'local',
    },
  };
  const handler = await loadHandler(route.handler);
  // As the route's own function: its SDK calls get what its role would allow, and no more.
  const result = await runAs({ name: `route ${route.id}`, access: route.access }, async () =>
    handler(
      event,
      lambdaContext(route.id, (route.timeoutSeconds ?? FUNCTION_TIMEOUT_SECONDS.route) * 1000),
      () => undefined,
    ),
  );
  if (!result) throw new Error(`Handler ${route.handler} returned nothing`);
  return { result, own: false };
};

/** Starts the dev API server; resolves once it listens. */
export const startDevServer = async (props: DevServerProps): Promise<{ server: Server; url: string }> => {
  const compiled = (props.routes ?? (ROUTES as readonly RouteDefinition[])).map(compile);
  /** CORS headers for an answer the server gives itself: an allowed origin echoed, any other ignored. */
  const corsFor = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (!origin || !props.allowedOrigins.includes(origin)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  };
  const preflight = (req: IncomingMessage): APIGatewayProxyResult => ({
    statusCode: 204,
    headers: {
      ...corsFor(req),
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS.join(','),
      'Access-Control-Allow-Methods': CORS_ALLOW_METHODS.join(','),
      'Access-Control-Max-Age': '3600',
    },
    body: '',
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const send = (result: APIGatewayProxyResult, own: boolean) => {
      res.writeHead(result.statusCode, { ...(own ? corsFor(req) : {}), ...(result.headers as Record<string, string>) });
      res.end(result.body);
      if (props.log) console.log(`[api] ${req.method} ${req.url} -> ${result.statusCode} (${Date.now() - started} ms)`);
    };
    if (req.method === 'OPTIONS') return send(preflight(req), true);
    dispatch(req, props, compiled).then(
      ({ result, own }) => send(result, own),
      (error: unknown) => {
        // A handler that throws past its middleware is what API Gateway reports as a 502.
        console.error('[api] integration failure', error);
        send(gatewayError(502, 'bad_gateway', 'Internal server error.'), true);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(props.port ?? 0, props.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return { server, url: `http://${address}:${port}` };
};
