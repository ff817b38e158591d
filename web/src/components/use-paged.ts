/** Hooks the participant and staff pages share: cursor paging, and a button's action outside a form. */
import { useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { asApiError, useLoad, type Loaded } from './use-load.ts';

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * A cursor-paged list: the first page loads with the page (and again when `deps` change);
 * `more()` appends the next one. Pages appended to an earlier first page are dropped when the
 * first page reloads. `page` is the first page's load (for what a list answer carries besides its
 * items), `state` the same load with every item shown so far, `items` those items.
 */
export const usePaged = <P extends Page<unknown>>(
  read: (cursor: string | undefined) => Promise<P>,
  deps: readonly unknown[],
) => {
  type T = P['items'][number];
  const [extra, setExtra] = useState<{ items: T[]; cursor: string | null; of: unknown } | undefined>();
  const [busy, setBusy] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>();
  const page: Loaded<P> = useLoad(() => read(undefined), deps);
  const appended = extra && extra.of === page.data ? extra : undefined;
  const items: T[] | undefined = page.data ? [...(page.data.items as T[]), ...(appended?.items ?? [])] : undefined;
  const cursor = appended ? appended.cursor : (page.data?.nextCursor ?? null);
  const more = async () => {
    if (!cursor) return;
    setBusy(true);
    setMoreError(undefined);
    try {
      const next = await read(cursor);
      setExtra({ items: [...(appended?.items ?? []), ...(next.items as T[])], cursor: next.nextCursor, of: page.data });
    } catch (error) {
      setMoreError(asApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return {
    page,
    state: { data: items, error: page.error, loading: page.loading, reload: page.reload },
    items: items ?? [],
    first: page.data,
    cursor,
    more,
    busy,
    moreError,
  };
};

/** A button's action outside a form (approve, disable, revoke, acknowledge): its error and busy state; `run` answers whether it succeeded. */
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
