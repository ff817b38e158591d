import { type ComponentType, lazy, type ReactNode } from 'react';
import type { Role } from '../../../functions/definitions/roles.ts';

/** One page of the portal: its path, what it shows, and its place in the navigation. */
export interface PageRoute {
  readonly path: string;
  readonly element: ReactNode;
  /** Label in the navigation; pages without one are reached from other pages. */
  readonly nav?: string;
  /** Roles that see the page (default: every role of its area). */
  readonly roles?: readonly Role[];
  /** Left out of a removed company's navigation (the page itself says why it is closed): the API refuses it until CBP takes the company back. */
  readonly activeCompanyOnly?: boolean;
}

/**
 * A page whose script loads when it is first shown (its own chunk), from a named export of its
 * module; the first page's script carries only the frame and the page it opens on. The app's
 * Suspense boundary shows that the page is loading meanwhile.
 */
export const lazyPage = <M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
) => lazy(async () => ({ default: (await load())[name] }));
