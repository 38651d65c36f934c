import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert, PageLoading } from '../components/PageStates.tsx';
import { useAuth } from './AuthProvider.tsx';
import { loginPathFor } from './redirect.ts';

/** Renders its children only for a signed-in user; otherwise goes to login and remembers the path. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, refresh } = useAuth();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return <PageLoading fullScreen />;
    case 'error':
      return (
        <main className="rc-state-full">
          <ErrorAlert error={state.error} onRetry={refresh} />
        </main>
      );
    case 'anonymous':
      return <Navigate to={loginPathFor(location.pathname + location.search, state.expired)} replace />;
    case 'authenticated':
      return children;
  }
}
