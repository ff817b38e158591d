/**
 * The signed-in session: tokens kept in sessionStorage (gone when the tab closes, as a federal
 * system should), the caller's identity from GET /me, and the typed API client bound to both.
 * Signing out revokes the refresh token at the API (POST /auth/logout), so a copy of it stops
 * working too.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createClient, type ApiClient, type ResponseOf } from './client.ts';
import type { EndReason } from './session-timeout.ts';

export type Me = ResponseOf<'getMe'>;
type LoginResult = ResponseOf<'login'>;
type Tokens = Extract<LoginResult, { tokens: unknown }>['tokens'];

const STORAGE_KEY = 'ctpat.session';

interface Stored {
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** When the person signed in (ms since the epoch): the absolute session limit counts from it. */
  readonly signedInAt?: number;
}

const load = (): Stored | undefined => {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
};

export interface Session {
  readonly api: ApiClient;
  readonly me: Me | undefined;
  /** True while the stored session is being checked at start-up. */
  readonly loading: boolean;
  readonly accessToken: string | undefined;
  /** Keeps the tokens of a completed sign-in and loads who the user is. */
  signedIn(tokens: Tokens): Promise<Me>;
  /** When this sign-in happened (ms since the epoch). */
  readonly signedInAt: number | undefined;
  /** Why the last session ended on its own (shown on the sign-in page), if it did. */
  readonly endedBecause: EndReason | undefined;
  /** Ends the session: the browser forgets the tokens and the API revokes the refresh token. */
  signOut(reason?: EndReason): void;
  /** Reloads GET /me (after a change to one's own standing or MFA). */
  reloadMe(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
};

/** The API client alone (for public pages too). */
export const useApi = (): ApiClient => useSession().api;

export const SessionProvider = ({ apiUrl, children }: { apiUrl: string; children: ReactNode }) => {
  const queries = useQueryClient();
  // A session stored before sign-in times were kept counts from this page load.
  const [startedAt] = useState(() => Date.now());
  const [stored, setStored] = useState<Stored | undefined>(load);
  const [me, setMe] = useState<Me | undefined>();
  const [loading, setLoading] = useState(Boolean(stored));
  const [endedBecause, setEndedBecause] = useState<EndReason | undefined>();

  const keep = useCallback((next: Stored | undefined) => {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
    setStored(next);
  }, []);

  const api = useMemo(() => {
    let current = stored;
    const client = createClient({
      apiUrl,
      token: () => current?.idToken,
      refresh: async () => {
        if (!current?.refreshToken) return false;
        try {
          const result = await client.call('refresh', { body: { refreshToken: current.refreshToken } });
          if (!('tokens' in result)) return false;
          // With rotation Cognito answers a new refresh token and retires the one just used.
          const refreshToken = result.tokens.refreshToken ?? current.refreshToken;
          current = {
            ...current,
            idToken: result.tokens.idToken,
            accessToken: result.tokens.accessToken,
            refreshToken,
          };
          keep(current);
          return true;
        } catch {
          return false;
        }
      },
      expired: () => {
        current = undefined;
        queries.clear();
        keep(undefined);
        setMe(undefined);
      },
    });
    return client;
    // The client is rebuilt when a new sign-in replaces the tokens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [apiUrl, stored?.idToken]);

  const reloadMe = useCallback(async () => {
    setMe(await api.call('getMe'));
  }, [api]);

  useEffect(() => {
    if (!stored || me) return;
    let cancelled = false;
    api
      .call('getMe')
      .then((found) => !cancelled && setMe(found))
      .catch(() => !cancelled && keep(undefined))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [api, stored, me, keep]);

  const session: Session = {
    api,
    me,
    loading: loading && !me,
    accessToken: stored?.accessToken,
    signedInAt: stored ? (stored.signedInAt ?? startedAt) : undefined,
    endedBecause,
    signedIn: async (tokens) => {
      const next = {
        idToken: tokens.idToken,
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        signedInAt: Date.now(),
      };
      setEndedBecause(undefined);
      queries.clear();
      keep(next);
      const client = createClient({
        apiUrl,
        token: () => next.idToken,
        refresh: async () => false,
        expired: () => undefined,
      });
      const found = await client.call('getMe');
      setMe(found);
      setLoading(false);
      return found;
    },
    signOut: (reason) => {
      const refreshToken = load()?.refreshToken;
      keep(undefined);
      queries.clear();
      setMe(undefined);
      setEndedBecause(reason);
      // The page is signed out at once; the revocation follows. It answers alike for any token.
      if (refreshToken) api.call('logout', { body: { refreshToken } }).catch(() => undefined);
    },
    reloadMe,
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
};
