/** Hooks the participant and staff pages share: cursor paging, and a button's action outside a form. */
import { keepPreviousData, type QueryKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { asApiError, type Loaded } from './use-load.ts';

interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * A cursor-paged list through TanStack Query's infinite query: the first page loads with the page
 * (and again when `key` changes); `more()` appends the next one, and a refresh (after a change)
 * reads again every page shown. `page` is the first page's load (for what a list answer carries
 * besides its items), `state` the same load with every item shown so far, `items` those items.
 */
export const usePaged = <P extends Page<unknown>>(key: QueryKey, read: (cursor: string | undefined) => Promise<P>) => {
  type T = P['items'][number];
  const query = useInfiniteQuery<P, ApiError, { pages: P[] }, QueryKey, string | undefined>({
    queryKey: ['paged', ...key],
    queryFn: ({ pageParam }) =>
      read(pageParam).catch((error: unknown) => {
        throw asApiError(error);
      }),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const firstError = query.isError && !query.isFetchNextPageError ? query.error : undefined;
  const loading =
    (query.isPending && !query.isError) || query.isPlaceholderData || (Boolean(firstError) && query.isFetching);
  const first = query.data?.pages[0];
  const items: T[] | undefined = query.data?.pages.flatMap((p) => p.items as T[]);
  const reload = () => void query.refetch();
  const page: Loaded<P> = { data: first, error: firstError ?? undefined, loading, reload };
  return {
    page,
    state: { data: items, error: firstError ?? undefined, loading, reload },
    items: items ?? [],
    first,
    cursor: query.data?.pages.at(-1)?.nextCursor ?? null,
    more: async () => {
      if (query.hasNextPage && !query.isFetchingNextPage) await query.fetchNextPage();
    },
    busy: query.isFetchingNextPage,
    moreError: query.isFetchNextPageError ? query.error : undefined,
  };
};

/**
 * A button's action outside a form (approve, disable, revoke, acknowledge): its error and busy
 * state; `run` answers whether it succeeded. After a success every cached read is stale (read
 * again when next shown), unless the action changes nothing (`changes: false`, a download).
 */
export const useAction = ({ changes = true }: { changes?: boolean } = {}) => {
  const queries = useQueryClient();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(undefined);
    try {
      await action();
      if (changes) void queries.invalidateQueries({ refetchType: 'none' });
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
