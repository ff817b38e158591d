import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Runs a read when the page opens (and when `deps` change); `reload` runs it again. `loading` is
 * true from the very render in which `deps` change, so data read for other deps (the previous
 * filters) is never taken for the current answer.
 */
export const useLoad = <T>(read: () => Promise<T>, deps: readonly unknown[]): Loaded<T> => {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean; of?: readonly unknown[] }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  const key = [...deps, round];
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    read()
      .then((data) => !cancelled && setState({ data, loading: false, of: key }))
      .catch((error: unknown) => !cancelled && setState({ error: asApiError(error), loading: false, of: key }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const current =
    state.of !== undefined && state.of.length === key.length && state.of.every((value, i) => Object.is(value, key[i]));
  return { data: state.data, error: state.error, loading: state.loading || !current, reload };
};

export const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError(0, 'client', error instanceof Error ? error.message : 'Something went wrong.');
