import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/** Runs a read when the page opens (and when `deps` change); `reload` runs it again. */
export const useLoad = <T,>(read: () => Promise<T>, deps: readonly unknown[]): Loaded<T> => {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    read()
      .then((data) => !cancelled && setState({ data, loading: false }))
      .catch((error: unknown) => !cancelled && setState({ error: asApiError(error), loading: false }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
};

export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError(0, 'client', error instanceof Error ? error.message : 'Something went wrong.');
