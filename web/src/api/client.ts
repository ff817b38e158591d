/**
 * The API client, typed from the route table the API itself is built from
 * (functions/definitions/routes.ts): a call names a route id, and its path parameters, query,
 * body and answer take the types of that route's zod schemas. No URL is written by hand.
 * The route table is imported for its types only; at run time the client reads just each
 * route's method and path (virtual:route-addresses), so no schema reaches the browser from here.
 */
import type * as z from 'zod/v4';
import type { ROUTES, RouteId } from '../../../functions/definitions/routes.ts';
import addresses from 'virtual:route-addresses';
import { FUNCTION_TIMEOUT_SECONDS } from '../../../functions/definitions/timeouts.ts';

type RouteOf<I extends RouteId> = Extract<(typeof ROUTES)[number], { id: I }>;
type PathOf<R> = R extends { pathParams: infer P } ? { readonly [K in keyof P]: string | number } : undefined;
type QueryOf<R> = R extends { query: infer Q extends z.core.$ZodType }
  ? Partial<Record<keyof z.input<Q>, string | number | undefined>>
  : undefined;
type BodyOf<R> = R extends { body: infer B extends z.core.$ZodType } ? z.input<B> : undefined;
export type ResponseOf<I extends RouteId> =
  RouteOf<I> extends { response: infer S extends z.core.$ZodType } ? z.output<S> : unknown;

export interface CallArgs<I extends RouteId> {
  readonly path?: PathOf<RouteOf<I>>;
  readonly query?: QueryOf<RouteOf<I>>;
  readonly body?: BodyOf<RouteOf<I>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * How a call to a route that takes an `Idempotency-Key` (decision 69) is retried. Each call
 * (one form submission) sends a fresh key, and after an answer that leaves the outcome open or
 * promises nothing changed it sends the same request with the same key again, so the server does
 * the work at most once and answers its first success (and a submission of the same request after
 * the retries ran out goes with the same key again): after no answer in `timeoutMs` or no
 * connection (status 0), a 503, a 504 (`outcome_unknown`, or API Gateway's own timeout) and a 409
 * `request_in_progress` (the first try still runs). It waits the answer's `Retry-After`, or
 * `backoffMs` doubled each time, and gives up after `attempts` in all with the last error. A 409
 * in progress is not counted: a key whose claim reached the server unconfirmed holds it until the
 * route's function would have timed out, so those are waited out for `inProgressPatienceMs`.
 */
export const KEYED_RETRY = {
  attempts: 5,
  backoffMs: 1_000,
  timeoutMs: 30_000,
  inProgressPatienceMs: (FUNCTION_TIMEOUT_SECONDS.route + 5) * 1_000,
} as const;

const inProgress = (error: ApiError) => error.status === 409 && error.code === 'request_in_progress';

const retriesWithKey = (error: ApiError) =>
  error.status === 0 || error.status === 503 || error.status === 504 || inProgress(error);

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An API error as the API's one error body shape carries it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldError[] = [],
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** The first message for a field (`name`, `address.city`), for field-level errors in forms. */
  fieldError(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

export const routePath = <I extends RouteId>(id: I, path?: PathOf<RouteOf<I>>): string => {
  const route = addresses[id];
  if (!route) throw new Error(`No route ${id}`);
  const params = (path ?? {}) as Record<string, string | number>;
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Route ${id} needs path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
};

export interface Transport {
  readonly apiUrl: string;
  /** The current ID token, if signed in. */
  token(): string | undefined;
  /** Called on a 401 from an authenticated call: refreshes the tokens once; true when it did. */
  refresh(): Promise<boolean>;
  /** Called when the session is over (refresh failed). */
  expired(): void;
  /** A fresh Idempotency-Key (default `crypto.randomUUID()`). */
  newKey?(): string;
  /** Waits before a retry (default `setTimeout`); tests pass their own. */
  wait?(ms: number): Promise<void>;
}

export const createClient = (transport: Transport) => {
  const send = async <I extends RouteId>(
    id: I,
    args: CallArgs<I>,
    retried: boolean,
    signal?: AbortSignal,
  ): Promise<ResponseOf<I>> => {
    const route = addresses[id];
    const url = new URL(transport.apiUrl + routePath(id, args.path));
    for (const [key, value] of Object.entries((args.query ?? {}) as Record<string, unknown>)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const token = route.public ? undefined : transport.token();
    const headers: Record<string, string> = { accept: 'application/json', ...args.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (args.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers,
        body: args.body === undefined ? undefined : JSON.stringify(args.body),
        ...(signal ? { signal } : {}),
      });
    } catch {
      throw new ApiError(0, 'network', 'The portal could not be reached. Check your connection and try again.');
    }
    if (response.status === 401 && token && !retried) {
      if (await transport.refresh()) return send(id, args, true, signal);
      transport.expired();
    }
    const text = await response.text();
    // Every answer is JSON but a file's (a CSV report), which is answered as its text.
    const isFile = (response.headers.get('content-type') ?? '').startsWith('text/csv');
    const json = text ? (isFile ? text : (JSON.parse(text) as unknown)) : undefined;
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string; details?: FieldError[] } } | undefined)
        ?.error;
      const retryAfter = Number(response.headers.get('retry-after')) || undefined;
      throw new ApiError(
        response.status,
        error?.code ?? 'error',
        error?.message ?? `The portal answered ${response.status}.`,
        error?.details ?? [],
        retryAfter,
      );
    }
    return json as ResponseOf<I>;
  };
  const newKey = transport.newKey ?? (() => crypto.randomUUID());
  const wait = transport.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /**
   * The keys of submissions whose outcome stayed open after every retry, by request: the same
   * request submitted again (the form keeps its text, and the user clicks again) is the same
   * request to the server, so it goes with the same key; any other request gets a fresh one.
   */
  const openKeys = new Map<string, string>();
  /** One submission to a keyed route: one key, sent again on each retry (`KEYED_RETRY`). */
  const sendKeyed = async <I extends RouteId>(id: I, args: CallArgs<I>): Promise<ResponseOf<I>> => {
    const request = JSON.stringify([id, args.path ?? {}, args.body ?? null]);
    const key = openKeys.get(request) ?? newKey();
    const keyed = { ...args, headers: { ...args.headers, 'Idempotency-Key': key } };
    const began = Date.now();
    let failures = 0;
    for (;;) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), KEYED_RETRY.timeoutMs);
      try {
        const answer = await send(id, keyed, false, timeout.signal);
        openKeys.delete(request);
        return answer;
      } catch (error) {
        const open = error instanceof ApiError && retriesWithKey(error);
        const waited = open && inProgress(error) && Date.now() - began < KEYED_RETRY.inProgressPatienceMs;
        if (open && !waited) failures += 1;
        if (!open || failures >= KEYED_RETRY.attempts) {
          if (open) openKeys.set(request, key);
          else openKeys.delete(request);
          throw error;
        }
        await wait(
          error.retryAfter ? error.retryAfter * 1_000 : KEYED_RETRY.backoffMs * 2 ** Math.max(0, failures - 1),
        );
      } finally {
        clearTimeout(timer);
      }
    }
  };
  return {
    call: <I extends RouteId>(id: I, args: CallArgs<I> = {}) =>
      addresses[id]?.keyed ? sendKeyed(id, args) : send(id, args, false),
  };
};

export type ApiClient = ReturnType<typeof createClient>;
