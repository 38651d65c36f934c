import {
  AuditOutlined,
  BarChartOutlined,
  TrophyOutlined,
  SafetyOutlined,
  BookOutlined,
  CalendarOutlined,
  ApartmentOutlined,
  UserOutlined,
  CloudUploadOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  FormOutlined,
  HomeOutlined,
  ProfileOutlined,
  ExceptionOutlined,
  ReadOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ADMINISTRATORS,
  APPLICANTS,
  AUDIT_READERS,
  MATTER_LIST_READERS,
  MATTER_OPENERS,
  MEETING_MEMBERS,
  POLICY_READERS,
  STATS_VIEWERS,
  CONSISTENCY_VIEWERS,
  ROSTER_IMPORTERS,
  ROSTER_READERS,
  SANCTION_LIST_READERS,
  OUTCOME_LEDGER_READERS,
} from '../auth/roles.ts';
import type { RouteAccess } from './access.ts';
import { CASE_LIBRARY_READERS } from '../pages/case-library/access.ts';
import { PROCEDURE_ROUTES, type ProcedureNavKey } from '../pages/procedures/registry.tsx';

/** Keys of the `nav` namespace: a menu label and the one-line description on the home page. */
export type NavKey =
  | 'home'
  | 'myMatters'
  | 'apply'
  | 'matters'
  | 'newMatter'
  | 'meetings'
  | 'dashboard'
  | 'scorecard'
  | 'consistency'
  | 'roster'
  | 'rosterImport'
  | 'users'
  | 'units'
  | 'policies'
  | 'calendar'
  | 'audit'
  | 'caseLibrary'
  | 'sanctions'
  | 'outcomeLedger'
  | ProcedureNavKey;

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
    path: '/my',
    roles: APPLICANTS,
    page: lazy(() => import('../pages/apply/MyMattersPage.tsx')),
    menu: { labelKey: 'myMatters', group: 'main', icon: <ProfileOutlined /> },
  },
  {
    path: '/apply',
    roles: APPLICANTS,
    page: lazy(() => import('../pages/apply/ApplyPage.tsx')),
    menu: { labelKey: 'apply', group: 'main', icon: <FormOutlined /> },
  },
  {
    path: '/apply/:id',
    roles: APPLICANTS,
    page: lazy(() => import('../pages/apply/ApplyPage.tsx')),
  },
  {
    path: '/matters',
    roles: MATTER_LIST_READERS,
    page: lazy(() => import('../pages/matters/InboxPage.tsx')),
    menu: { labelKey: 'matters', group: 'matters', icon: <FolderOpenOutlined /> },
  },
  {
    path: '/matters/new',
    roles: MATTER_OPENERS,
    page: lazy(() => import('../pages/matters/NewMatterPage.tsx')),
    menu: { labelKey: 'newMatter', group: 'matters', icon: <FileAddOutlined /> },
  },
  {
    // Every signed-in user: the server answers 404 for a matter outside what they may see.
    path: '/matters/:id',
    roles: 'any',
    page: lazy(() => import('../pages/matters/MatterPage.tsx')),
  },
  {
    path: '/meetings',
    roles: MEETING_MEMBERS,
    page: lazy(() => import('../pages/meetings/MeetingAgendaPage.tsx')),
    menu: { labelKey: 'meetings', group: 'matters', icon: <UsergroupAddOutlined /> },
  },
  // 纠错, 事前报备 (and the procedures after them): list, create and detail of each, from one registry.
  ...PROCEDURE_ROUTES,
  // 处分与影响期: the sanctions register, where follow-up visits are planned (回访教育).
  {
    path: '/sanctions',
    roles: SANCTION_LIST_READERS,
    page: lazy(() => import('../pages/procedures/follow-up/SanctionsPage.tsx')),
    menu: { labelKey: 'sanctions', group: 'procedures', icon: <ExceptionOutlined /> },
  },
  // 结果运用台账: the organisation department's ledger of every outcome about its cadres.
  {
    path: '/outcome-ledger',
    roles: OUTCOME_LEDGER_READERS,
    page: lazy(() => import('../pages/outcomes/OutcomeLedgerPage.tsx')),
    menu: { labelKey: 'outcomeLedger', group: 'roster', icon: <SolutionOutlined /> },
  },
  // 典型案例库: the commission and the higher level search and publish; everyone reads /cases (public).
  {
    path: '/case-library',
    roles: CASE_LIBRARY_READERS,
    page: lazy(() => import('../pages/case-library/CaseLibraryPage.tsx')),
    menu: { labelKey: 'caseLibrary', group: 'matters', icon: <ReadOutlined /> },
  },
  {
    // Every signed-in user: the server answers 404 for a case outside what they may read.
    path: '/case-library/:id',
    roles: 'any',
    page: lazy(() => import('../pages/case-library/CaseReviewPage.tsx')),
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
    path: '/dashboard',
    roles: STATS_VIEWERS,
    page: lazy(() => import('../pages/stats/DashboardPage.tsx')),
    menu: { labelKey: 'dashboard', group: 'stats', icon: <BarChartOutlined /> },
  },
  // 实施力度评价: the scorecard compares counties; a county's own staff see their county alone.
  {
    path: '/scorecard',
    roles: STATS_VIEWERS,
    page: lazy(() => import('../pages/stats/ScorecardPage.tsx')),
    menu: { labelKey: 'scorecard', group: 'stats', icon: <TrophyOutlined /> },
  },
  // 认定尺度: the outcome mix by unit and decision-maker (tolerance used as a shield).
  {
    path: '/consistency',
    roles: CONSISTENCY_VIEWERS,
    page: lazy(() => import('../pages/stats/ConsistencyPage.tsx')),
    menu: { labelKey: 'consistency', group: 'stats', icon: <SafetyOutlined /> },
  },
  {
    path: '/admin/users',
    roles: ADMINISTRATORS,
    page: lazy(() => import('../pages/admin/UsersPage.tsx')),
    menu: { labelKey: 'users', group: 'admin', icon: <UserOutlined /> },
  },
  {
    path: '/admin/units',
    roles: ADMINISTRATORS,
    page: lazy(() => import('../pages/admin/UnitsPage.tsx')),
    menu: { labelKey: 'units', group: 'admin', icon: <ApartmentOutlined /> },
  },
  {
    path: '/policies',
    roles: POLICY_READERS,
    page: lazy(() => import('../pages/admin/PoliciesPage.tsx')),
    menu: { labelKey: 'policies', group: 'admin', icon: <BookOutlined /> },
  },
  {
    path: '/policies/:id/:version',
    roles: POLICY_READERS,
    page: lazy(() => import('../pages/admin/PolicyPage.tsx')),
  },
  {
    path: '/admin/calendar',
    roles: ADMINISTRATORS,
    page: lazy(() => import('../pages/admin/CalendarPage.tsx')),
    menu: { labelKey: 'calendar', group: 'admin', icon: <CalendarOutlined /> },
  },
  {
    path: '/admin/audit',
    roles: AUDIT_READERS,
    page: lazy(() => import('../pages/admin/AuditLogPage.tsx')),
    menu: { labelKey: 'audit', group: 'admin', icon: <AuditOutlined /> },
  },
];
