import type { Me, Role } from '../api/types.ts';
import { hasAnyRole } from '../auth/roles.ts';

/**
 * Menu groups, in display order. Later issues add their own (matters, committee, statistics…);
 * a group with no visible entry is not shown.
 */
export const MENU_GROUPS = ['main', 'matters', 'procedures', 'stats', 'roster', 'admin'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** The part of a route entry that decides visibility and menu placement (no React here). */
export type RouteAccess<LabelKey extends string = string> = {
  path: string;
  roles: readonly Role[] | 'any';
  menu?: { labelKey: LabelKey; group: MenuGroup };
};

/** Routes this user may open. */
export function routesFor<R extends RouteAccess>(routes: readonly R[], user: Pick<Me, 'roles'>): R[] {
  return routes.filter((route) => hasAnyRole(user, route.roles));
}

/** The user's menu: visible entries with a `menu`, grouped in MENU_GROUPS order, empty groups dropped. */
export function menuFor<R extends RouteAccess>(
  routes: readonly R[],
  user: Pick<Me, 'roles'>,
): { group: MenuGroup; routes: R[] }[] {
  const visible = routesFor(routes, user).filter((route) => route.menu);
  return MENU_GROUPS.map((group) => ({
    group,
    routes: visible.filter((route) => route.menu?.group === group),
  })).filter((entry) => entry.routes.length > 0);
}

/**
 * Which menu entry to highlight: the longest menu path that is the current path or a parent
 * of it by whole segments (so /cadres/42 highlights /cadres, but /cadresx does not).
 */
export function selectedMenuPath(pathname: string, menuPaths: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const path of menuPaths) {
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (!best || path.length > best.length)) best = path;
  }
  return best;
}
