import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { getSession, login as loginRequest, logout as logoutRequest } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';

/** Where the session stands; `expired` tells the login page to say why the user is there. */
export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; user: Me }
  | { status: 'error'; error: unknown };

export type AuthContextValue = {
  state: AuthState;
  /** Signs in; rejects with an ApiError (wrong password, locked…) and leaves the state as it was. */
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Re-asks the server who is signed in (after a network error). */
  refresh(): void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

/** Holds the signed-in user and the CSRF token for the whole app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [probe, setProbe] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getSession(controller.signal).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setState({ status: 'authenticated', user: session.user });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401)
          setState({ status: 'anonymous', expired: false });
        else setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [probe]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState((previous) =>
        previous.status === 'authenticated' ? { status: 'anonymous', expired: true } : previous,
      );
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const session = await loginRequest(username, password);
    setCsrfToken(session.csrfToken);
    setState({ status: 'authenticated', user: session.user });
    return session.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } finally {
      // Even if the server is unreachable, this page forgets the session.
      setCsrfToken(null);
      setState({ status: 'anonymous', expired: false });
    }
  }, []);

  const refresh = useCallback(() => setProbe((n) => n + 1), []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The auth context; throws if used outside AuthProvider (a wiring bug). */
export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): Me {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}
