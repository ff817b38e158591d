import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  /** True until the first answer for this key (the data meanwhile, if any, is another key's) and while an error is tried again. */
  readonly loading: boolean;
  reload(): void;
}

/**
 * A read of server data through TanStack Query (`api/queries.tsx` holds the cache): run when the
 * page opens and whenever `key` changes, answered from the cache when another part of the page
 * (or the page before) read the same key a moment ago, and read again when next shown after any
 * change the portal makes (`useSubmit`, `useAction`). `key` names what is read: the route id first, then
 * what picks the item (`['getCompany', companyId]`). Data read for another key (the previous
 * filters) stays shown while the new key loads, marked as loading, never as the current answer.
 */
export const useLoad = <T>(key: QueryKey, read: () => Promise<T>): Loaded<T> => {
  const query = useQuery<T, ApiError>({
    queryKey: key,
    queryFn: () => read().catch(rethrowAsApiError),
    // While another key loads, the last answer stays on the page, marked as loading (`Async`).
    placeholderData: keepPreviousData,
  });
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: (query.isPending && !query.isError) || query.isPlaceholderData || (query.isError && query.isFetching),
    reload: () => void query.refetch(),
  };
};

const rethrowAsApiError = (error: unknown): never => {
  throw asApiError(error);
};

export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError(0, 'client', error instanceof Error ? error.message : 'Something went wrong.');
