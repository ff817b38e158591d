/**
 * What the browser needs of each route at run time: its method, its path, whether it is public
 * and whether it takes an `Idempotency-Key`. The build (web/vite.config.ts) derives this from the route table and serves it as the
 * module `virtual:route-addresses`, so the script carries the addresses but none of the routes'
 * schemas; the client takes its types from the route table through type-only imports.
 */
import type { HttpMethod, RouteDefinition, RouteId } from '../../../functions/definitions/routes.ts';

export interface RouteAddress {
  readonly method: HttpMethod;
  /** API Gateway path template, e.g. `/companies/{companyId}`. */
  readonly path: string;
  /** Called without a token (sign-in, password reset, account request). */
  readonly public: boolean;
  /** Takes an `Idempotency-Key` (decision 69): the client sends one per call and retries with it. */
  readonly keyed: boolean;
}

export type RouteAddresses = { readonly [I in RouteId]: RouteAddress };

/** The addresses of `routes` by route id (run by the build, not in the browser). */
export const routeAddresses = (routes: readonly RouteDefinition[]): Record<string, RouteAddress> =>
  Object.fromEntries(
    routes.map((r) => [
      r.id,
      { method: r.method, path: r.path, public: r.auth === 'public', keyed: r.idempotency === 'key' },
    ]),
  );
