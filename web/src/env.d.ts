/// <reference types="vite/client" />

/** Every route's method, path and publicness, derived from the route table at build time (web/vite.config.ts). */
declare module 'virtual:route-addresses' {
  const addresses: import('./api/route-addresses.ts').RouteAddresses;
  export default addresses;
}
