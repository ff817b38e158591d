/**
 * The cache of server data (TanStack Query), one per page load. A read is fresh for 30 s, so the
 * same data read twice on one page, or again on the next page, is one request; a change read
 * everything again (`useSubmit`, `useAction`). Nothing is retried on its own: an error is shown
 * with its retry button, as the portal's answers say what to do. The cache is emptied whenever a
 * session ends or another begins (`session.tsx`), so no one's data outlives their session in the
 * page.
 */
import { QueryClient } from '@tanstack/react-query';

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
