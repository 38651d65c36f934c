import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth.tsx';
import { useCurrentUser } from '../auth/AuthProvider.tsx';
import { hasAnyRole } from '../auth/roles.ts';
import { PageLoading } from '../components/PageStates.tsx';
import { APP_ROUTES, type AppRoute } from './table.tsx';

// Lazy so the login route loads neither the layout nor any page code.
const LoginPage = lazy(() => import('../pages/LoginPage.tsx'));
// Public (no sign-in): the QR code on documents points here.
const VerifyPage = lazy(() => import('../pages/verify/VerifyPage.tsx'));
// Public (no sign-in): the published typical cases.
const PublicCasesPage = lazy(() => import('../pages/case-library/PublicCasesPage.tsx'));
const PublicCasePage = lazy(() => import('../pages/case-library/PublicCasePage.tsx'));
const AppLayout = lazy(() => import('../layout/AppLayout.tsx'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));
const ForbiddenPage = lazy(() => import('../pages/ForbiddenPage.tsx'));

/** Shows the page only to the roles the route table allows; others get 403, not a blank page. */
function RoleGate({ route }: { route: AppRoute }) {
  const user = useCurrentUser();
  const Page: ComponentType = route.page;
  return hasAnyRole(user, route.roles) ? <Page /> : <ForbiddenPage />;
}

/** All routes: /login outside the shell, everything else inside it behind sign-in. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/cases" element={<PublicCasesPage />} />
        <Route path="/cases/:id" element={<PublicCasePage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          {APP_ROUTES.map((route) => (
            <Route key={route.path} path={route.path} element={<RoleGate route={route} />} />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
