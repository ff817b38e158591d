import type { PageRoute } from '../page-route.ts';

/** The participant area's pages, in navigation order. */
export const companyPages: readonly PageRoute[] = [];
