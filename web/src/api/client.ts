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

type RouteOf<I extends RouteId> = Extract<(typeof ROUTES)[number], { id: I }>;
type PathOf<R> = R extends { pathParams: infer P } ? { readonly [K in keyof P]: string | number } : undefined;
type QueryOf<R> = R extends { query: infer Q extends z.ZodType }
  ? Partial<Record<keyof z.input<Q>, string | number | undefined>>
  : undefined;
type BodyOf<R> = R extends { body: infer B extends z.ZodType } ? z.input<B> : undefined;
export type ResponseOf<I extends RouteId> =
  RouteOf<I> extends { response: infer S extends z.ZodType } ? z.output<S> : unknown;

export interface CallArgs<I extends RouteId> {
  readonly path?: PathOf<RouteOf<I>>;
  readonly query?: QueryOf<RouteOf<I>>;
  readonly body?: BodyOf<RouteOf<I>>;
  readonly headers?: Readonly<Record<string, string>>;
}

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
}

export const createClient = (transport: Transport) => {
  const send = async <I extends RouteId>(id: I, args: CallArgs<I>, retried: boolean): Promise<ResponseOf<I>> => {
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
      });
    } catch {
      throw new ApiError(0, 'network', 'The portal could not be reached. Check your connection and try again.');
    }
    if (response.status === 401 && token && !retried) {
      if (await transport.refresh()) return send(id, args, true);
      transport.expired();
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : undefined;
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
  return {
    call: <I extends RouteId>(id: I, args: CallArgs<I> = {}) => send(id, args, false),
  };
};

export type ApiClient = ReturnType<typeof createClient>;
