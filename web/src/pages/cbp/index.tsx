import type { PageRoute } from '../page-route.ts';

/** CBP staff's pages (under /cbp), in navigation order. */
export const cbpPages: readonly PageRoute[] = [];
