/**
 * How long the portal waits for AWS, as plain data: each function's timeout and each SDK client's
 * connection timeout, request timeout and attempts. The CDK stack sets the functions' timeouts
 * from here, the clients (`functions/clients/`) read their figures from here, the local dev
 * server reports the same timeout in its Lambda context, and `test/unit/timeouts.test.ts` holds
 * the two together: a backend that stops answering ends a call in an error the handler chose to
 * answer, long before the function's timeout (decision 69).
 */
import type { Access } from './routes/types.ts';

/** A function's timeout, in seconds, by kind (stream consumers carry theirs in `stream-consumers.ts`). */
export const FUNCTION_TIMEOUT_SECONDS = {
  /** API Gateway gives up at 29 s; two calls that hang in a row still end by 16 s. A route may set its own (`timeoutSeconds`: the export's 28). */
  route: 20,
  /** Cognito's custom email sender: a KMS decrypt and an SES send. */
  trigger: 30,
  event: 60,
  job: 300,
} as const;

/** The services a function's SDK clients talk to. */
export type SdkService = 'dynamodb' | 'cognito' | 'ses' | 'kms';

/** One client's bounds. */
export interface SdkBudget {
  /** Time to open a connection (NodeHttpHandler `connectionTimeout`). */
  readonly connectionTimeoutMs: number;
  /** Time for one attempt's request and response (NodeHttpHandler `requestTimeout`). */
  readonly requestTimeoutMs: number;
  /** Attempts in all, the first included (the SDK's `maxAttempts`; its default is 3). */
  readonly maxAttempts: number;
}

/**
 * DynamoDB answers in milliseconds and Cognito and SES in well under a second; these bounds are
 * for a backend that stopped answering, not for a slow one, and leave room for the emulators on a
 * busy two-core machine. Two attempts: one retry rides out a blip, a third would only wait longer.
 */
export const SDK_BUDGETS: Readonly<Record<SdkService, SdkBudget>> = {
  dynamodb: { connectionTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxAttempts: 2 },
  cognito: { connectionTimeoutMs: 1_000, requestTimeoutMs: 2_500, maxAttempts: 2 },
  ses: { connectionTimeoutMs: 1_000, requestTimeoutMs: 3_000, maxAttempts: 2 },
  kms: { connectionTimeoutMs: 1_000, requestTimeoutMs: 1_500, maxAttempts: 2 },
};

/**
 * The SDK's longest wait before each retry (standard mode): a random share of `base x 2^i` for the
 * i-th retry, capped at 20 s, where base is 1 s after throttling and 50 ms after anything else.
 * Bounded here by the throttling base. (A `Retry-After` from the service may lengthen a wait by up
 * to 5 s; DynamoDB, Cognito, SES and KMS send none.) The unit test checks this against the SDK.
 */
export const RETRY_BACKOFF_BASE_MS = 1_000;
export const RETRY_BACKOFF_CAP_MS = 20_000;

/** The longest the SDK waits between attempts, in all, for `maxAttempts` attempts. */
export const backoffBoundMs = (maxAttempts: number): number => {
  let total = 0;
  for (let retry = 0; retry < maxAttempts - 1; retry += 1)
    total += Math.min(RETRY_BACKOFF_BASE_MS * 2 ** retry, RETRY_BACKOFF_CAP_MS);
  return total;
};

/** The longest one SDK call can take before it fails: every attempt times out, with the longest waits between. */
export const worstCallMs = (budget: SdkBudget): number =>
  budget.maxAttempts * (budget.connectionTimeoutMs + budget.requestTimeoutMs) + backoffBoundMs(budget.maxAttempts);

/** The services a function with this access calls. */
export const servicesOf = (access: readonly Access[]): SdkService[] => {
  const services = new Set<SdkService>();
  for (const a of access) {
    if (a.startsWith('table:')) services.add('dynamodb');
    else if (a.startsWith('cognito:')) services.add('cognito');
    else if (a === 'email:send') services.add('ses');
  }
  return [...services];
};

/**
 * The longest a function's work can run on when its backends stop answering: the call that hangs,
 * then one more that hangs as the function gives up (an undo, or releasing its Idempotency-Key's
 * record), each as long as the slowest of its services allows. Everything else returns at once.
 */
export const worstFailureMs = (services: readonly SdkService[]): number =>
  2 * Math.max(0, ...services.map((s) => worstCallMs(SDK_BUDGETS[s])));

/** The share of a function's timeout its worst failure may take: the rest is left for answering. */
export const WORST_FAILURE_SHARE = 0.8;
