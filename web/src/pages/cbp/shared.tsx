/**
 * Parts the CBP staff pages share: the table box, category names, cursor paging that keeps
 * the pages already shown, and the gate that sends staff without an authenticator app to set one up.
 */
import { useState, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import type { ApiError } from '../../api/client.ts';
import { asApiError, useLoad } from '../../components/use-load.ts';
import { CATEGORIES } from '../../../../functions/definitions/categories.ts';
import type { Role } from '../../../../functions/definitions/roles.ts';

/**
 * A wide table's box: scrolls sideways on a phone and is a labelled, focusable region so
 * keyboard users can scroll it (axe scrollable-region-focusable). Same shape as the shared
 * TableWrap being added to components/data.tsx; the lead will unify the two.
 */
export const TableWrap = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);

export const categoryName = (id: string): string => CATEGORIES.find((c) => c.id === id)?.name ?? id;
export const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c.id as string, label: c.name as string }));

export const isAdmin = (role: Role | undefined): boolean => role === 'cbp-admin';

/** Today's date on the portal's clock, `YYYY-MM-DD`. */
export const portalToday = (now: string | undefined): string => (now ?? new Date().toISOString()).slice(0, 10);

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * A cursor-paged list: the first page loads with the page (and again when `deps` change);
 * `more()` appends the next one.
 */
export const usePaged = <P extends Page<unknown>,>(read: (cursor: string | undefined) => Promise<P>, deps: readonly unknown[]) => {
  type T = P['items'][number];
  const [extra, setExtra] = useState<{ items: P['items'][number][]; cursor: string | null; of: unknown } | undefined>();
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>();
  const first = useLoad(() => read(undefined), deps);
  // Pages appended to an earlier first page are dropped when the first page reloads.
  const appended = extra && extra.of === first.data ? extra : undefined;
  const items: T[] | undefined = first.data ? [...(first.data.items as T[]), ...(appended?.items ?? [])] : undefined;
  const cursor = appended ? appended.cursor : (first.data?.nextCursor ?? null);
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(undefined);
    try {
      const page = await read(cursor);
      setExtra({ items: [...(appended?.items ?? []), ...(page.items as T[])], cursor: page.nextCursor, of: first.data });
    } catch (error) {
      setMoreError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return { state: { data: items, error: first.error, reload: first.reload }, cursor, more, busy, moreError, first: first.data };
};

/**
 * CBP staff must set up an authenticator app before the API serves them anything but who they
 * are (mfa_required): until then every staff page sends them to the set-up.
 */
export const StaffOnly = ({ children }: { children: ReactNode }) => {
  const { me } = useSession();
  if (me && !me.mfaEnrolled) return <Navigate to="/cbp/mfa" replace />;
  return <>{children}</>;
};

/** "Kind" of an alert in words. */
export const ALERT_KINDS = [
  { value: 'cargo-security-alert', label: 'Cargo security alert' },
  { value: 'sanitized-intelligence', label: 'Sanitized intelligence' },
] as const;
export const alertKindName = (kind: string): string => ALERT_KINDS.find((k) => k.value === kind)?.label ?? kind;

/** A button's action outside a form (approve, disable, ...): its error and busy state. */
export const useAction = () => {
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
};
