import type { ReactNode } from 'react';
import type { Role } from '../../../functions/definitions/roles.ts';

/** One page of the portal: its path, what it shows, and its place in the navigation. */
export interface PageRoute {
  readonly path: string;
  readonly element: ReactNode;
  /** Label in the navigation; pages without one are reached from other pages. */
  readonly nav?: string;
  /** Roles that see the page (default: every role of its area). */
  readonly roles?: readonly Role[];
  /** What the area's other roles are told at the page's address (who may use it), rather than "Page not found". */
  readonly refusal?: { readonly title: string; readonly text: string };
  /** Left out of a removed company's navigation (the page itself says why it is closed): the API refuses it until CBP takes the company back. */
  readonly activeCompanyOnly?: boolean;
}
