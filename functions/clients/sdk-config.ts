import { SDK_BUDGETS, type SdkService } from '../definitions/timeouts.ts';
import { markUnsettled } from '../errors.ts';

/**
 * A client's configuration from its budget (`definitions/timeouts.ts`): the `requestHandler`
 * shorthand builds the SDK's own NodeHttpHandler with these options, so no http-handler package
 * joins a bundle. `throwOnRequestTimeout`: the handler in this SDK only warns past
 * `requestTimeout` unless told to throw (older ones, such as a Lambda runtime's, always throw).
 */
export const sdkConfig = (service: SdkService) => {
  const budget = SDK_BUDGETS[service];
  const scale = timeoutScale();
  return {
    maxAttempts: budget.maxAttempts,
    requestHandler: {
      connectionTimeout: budget.connectionTimeoutMs * scale,
      requestTimeout: budget.requestTimeoutMs * scale,
      throwOnRequestTimeout: true,
    },
  };
};

/**
 * `SDK_TIMEOUT_SCALE` (read at cold start; unset in the stack, meaning 1) multiplies the bounds:
 * the emulators on a developer's machine, or on CI's two cores with every test file running, are
 * not AWS (a DynamoDB Local call there can take seconds), so `npm start` (3) and the test projects
 * (4, `vitest.config.ts`) set it; the project whose tests pause DynamoDB Local past the bounds keeps 1.
 */
const timeoutScale = (): number => {
  const raw = process.env.SDK_TIMEOUT_SCALE;
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale < 1 || scale > 10)
    throw new Error(`SDK_TIMEOUT_SCALE must be a number from 1 to 10, not "${raw}"`);
  return scale;
};

/** Commands that read: everything else may change something. */
const READS = /^(Get|BatchGet|TransactGet|Query|Scan|Describe|List|AdminGet|AdminList)/;
/**
 * Calls that change nothing a caller must learn of, though they are not reads: a sign-in attempt
 * or a token refresh that was cut off is answered by trying again, which is all a 503 says. (The
 * recovery test that kills cognito-local mid-sign-in found these answered 504.)
 */
const SAFE_TO_REPEAT = new Set(['InitiateAuthCommand', 'GetTokensFromRefreshTokenCommand']);

/** Whether a cut-off call of this command may have changed something (a write) or not. */
export const mayChange = (commandName: string): boolean => !READS.test(commandName) && !SAFE_TO_REPEAT.has(commandName);
/** Errors that mean the request never left: nothing was sent, so nothing changed. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNSETTLED = Symbol('unsettled');

/** The service answered and refused (a 4xx: a failed condition, throttling, a bad request): nothing changed. */
const refused = (error: { $metadata?: { httpStatusCode?: number } }) => {
  const status = error.$metadata?.httpStatusCode ?? 0;
  return status >= 400 && status < 500;
};

interface Stack {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>, context: object) => (args: unknown) => Promise<unknown>,
    options: { step: 'deserialize'; priority: 'high'; name: string; override: boolean },
  ): void;
}

/**
 * Marks the error of a write whose outcome is unknown: some attempt was sent and never answered
 * (a timeout, a dropped connection, a 5xx), so the service may have applied it. Runs inside the
 * SDK's retries, once per attempt: a later attempt's clean refusal does not undo an earlier
 * attempt's doubt. The error middleware answers such an error 504 `outcome_unknown`, never the 503
 * that promises nothing changed (decision 69).
 */
export const tagUnsettledWrites = (client: { middlewareStack: unknown }): void => {
  (client.middlewareStack as Stack).add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const ctx = context as { commandName?: string; [UNSETTLED]?: boolean };
        const e = error as { code?: string; $metadata?: { httpStatusCode?: number } };
        if (mayChange(ctx.commandName ?? '') && !refused(e) && !NOT_SENT.has(e.code ?? '')) ctx[UNSETTLED] = true;
        if (ctx[UNSETTLED] && typeof error === 'object' && error !== null) markUnsettled(error, ctx.commandName ?? '');
        throw error;
      }
    },
    { step: 'deserialize', priority: 'high', name: 'unsettledWrites', override: true },
  );
};
