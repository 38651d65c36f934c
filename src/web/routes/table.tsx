import { AuditOutlined, CloudUploadOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { AUDIT_READERS, ROSTER_IMPORTERS, ROSTER_READERS } from '../auth/roles.ts';
import type { RouteAccess } from './access.ts';

/** Keys of the `nav` namespace: a menu label and the one-line description on the home page. */
export type NavKey = 'home' | 'roster' | 'rosterImport' | 'audit';

/** One page of the signed-in app. Each page is its own chunk (React.lazy). */
export type AppRoute = RouteAccess<NavKey> & {
  page: LazyExoticComponent<ComponentType>;
  menu?: RouteAccess<NavKey>['menu'] & { icon: ReactNode };
};

/**
 * The route table: the router, the side menu, the home page's shortcuts and the role gate are all
 * built from it. Add a page here and it appears for exactly the roles listed.
 */
export const APP_ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    roles: 'any',
    page: lazy(() => import('../pages/HomePage.tsx')),
    menu: { labelKey: 'home', group: 'main', icon: <HomeOutlined /> },
  },
  {
    path: '/cadres',
    roles: ROSTER_READERS,
    page: lazy(() => import('../pages/roster/CadreListPage.tsx')),
    menu: { labelKey: 'roster', group: 'roster', icon: <TeamOutlined /> },
  },
  {
    path: '/cadres/import',
    roles: ROSTER_IMPORTERS,
    page: lazy(() => import('../pages/roster/CadreImportPage.tsx')),
    menu: { labelKey: 'rosterImport', group: 'roster', icon: <CloudUploadOutlined /> },
  },
  {
    path: '/cadres/:id',
    roles: ROSTER_READERS,
    page: lazy(() => import('../pages/roster/CadreDetailPage.tsx')),
  },
  {
    path: '/admin/audit',
    roles: AUDIT_READERS,
    page: lazy(() => import('../pages/admin/AuditLogPage.tsx')),
    menu: { labelKey: 'audit', group: 'admin', icon: <AuditOutlined /> },
  },
];
