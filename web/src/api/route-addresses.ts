/**
 * What the browser needs of each route at run time: its method, its path and whether it is
 * public. The build (web/vite.config.ts) derives this from the route table and serves it as the
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
}

export type RouteAddresses = { readonly [I in RouteId]: RouteAddress };

/**
 * The source of `virtual:route-addresses` for `routes` (run by the build, not in the browser):
 * one short call per route, about half the bytes of the same addresses written out as JSON.
 */
export const routeAddressesModule = (routes: readonly RouteDefinition[]): string => {
  const entries = routes.map(
    (r) =>
      `${JSON.stringify(r.id)}:a(${JSON.stringify(r.method)},${JSON.stringify(r.path)}${r.auth === 'public' ? ',1' : ''})`,
  );
  return `const a=(method,path,open)=>({method,path,public:!!open});export default{${entries.join(',')}};`;
};
