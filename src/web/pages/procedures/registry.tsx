import { AuditOutlined, SafetyOutlined, SolutionOutlined, ToolOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { Role } from '../../api/types.ts';
import {
  CORRECTION_OPENERS,
  CORRECTION_READERS,
  FOLLOW_UP_PLANNERS,
  FOLLOW_UP_READERS,
  NAME_CLEARING_OPENERS,
  NAME_CLEARING_READERS,
  PRE_REGISTRATION_FILERS,
  PRE_REGISTRATION_READERS,
} from '../../auth/roles.ts';
import type { AppRoute } from '../../routes/table.tsx';
import type { ProcedurePages } from './pages.tsx';

/**
 * The procedures beside tolerance that have pages, for the route table, the menu and the home page.
 * Light on purpose (no page code): each procedure's pages load with its config when first opened.
 *
 * To give a procedure its pages (澄清正名 `name_clearing`, 回访教育 `follow_up`):
 * 1. write `<procedure>/config.tsx` like correction/config.tsx — its forms mirroring the contract's
 *    action bodies, how its own facts are drawn, what its records' data say — ending in
 *    `export const X_PAGES = procedurePages(X)`;
 * 2. add one entry below (path, who may list it, who may open one, nav key, icon, loader);
 * 3. add its texts under `procedures:<type>` (i18n/procedures.zh-CN.ts and .en.ts) and its menu label
 *    under `nav.<navKey>` (i18n/zh-CN.ts and en.ts), and the nav key to `ProcedureNavKey`;
 * 4. add it to forms.test.ts (its forms against its contract) and texts.test.ts runs over it by itself.
 */
export type ProcedureNavKey = 'corrections' | 'preRegistrations' | 'nameClearings' | 'followUps';

export type ProcedureEntry = {
  /** The matter type. */
  type: string;
  path: string;
  navKey: ProcedureNavKey;
  icon: ReactNode;
  /** Who gets the list. */
  roles: readonly Role[];
  /** Who gets the create page. */
  createRoles: readonly Role[];
  load: () => Promise<ProcedurePages>;
};

export const PROCEDURES: readonly ProcedureEntry[] = [
  {
    type: 'correction',
    path: '/corrections',
    navKey: 'corrections',
    icon: <ToolOutlined />,
    roles: CORRECTION_READERS,
    createRoles: CORRECTION_OPENERS,
    load: () => import('./correction/config.tsx').then((m) => m.CORRECTION_PAGES),
  },
  {
    type: 'pre_registration',
    path: '/pre-registrations',
    navKey: 'preRegistrations',
    icon: <AuditOutlined />,
    roles: PRE_REGISTRATION_READERS,
    createRoles: PRE_REGISTRATION_FILERS,
    load: () => import('./pre-registration/config.tsx').then((m) => m.PRE_REGISTRATION_PAGES),
  },
  {
    type: 'name_clearing',
    path: '/name-clearings',
    navKey: 'nameClearings',
    icon: <SafetyOutlined />,
    roles: NAME_CLEARING_READERS,
    createRoles: NAME_CLEARING_OPENERS,
    load: () => import('./name-clearing/config.tsx').then((m) => m.NAME_CLEARING_PAGES),
  },
  {
    type: 'follow_up',
    path: '/follow-ups',
    navKey: 'followUps',
    icon: <SolutionOutlined />,
    roles: FOLLOW_UP_READERS,
    createRoles: FOLLOW_UP_PLANNERS,
    load: () => import('./follow-up/config.tsx').then((m) => m.FOLLOW_UP_PAGES),
  },
];

/** Where a matter of `type` opens in the web app (tolerance matters at /matters). */
export function matterHref(type: string, id: string): string {
  const path = PROCEDURES.find((p) => p.type === type)?.path ?? '/matters';
  return `${path}/${encodeURIComponent(id)}`;
}

/** The routes of every procedure: list (with its menu entry), create and detail. */
export const PROCEDURE_ROUTES: AppRoute[] = PROCEDURES.flatMap((p) => [
  {
    path: p.path,
    roles: p.roles,
    page: lazy(() => p.load().then((pages) => ({ default: pages.List }))),
    menu: { labelKey: p.navKey, group: 'procedures' as const, icon: p.icon },
  },
  {
    path: `${p.path}/new`,
    roles: p.createRoles,
    page: lazy(() => p.load().then((pages) => ({ default: pages.Create }))),
  },
  {
    // Every signed-in user, like /matters/:id: the server answers 404 for what they may not see.
    path: `${p.path}/:id`,
    roles: 'any' as const,
    page: lazy(() => p.load().then((pages) => ({ default: pages.Detail }))),
  },
]);
