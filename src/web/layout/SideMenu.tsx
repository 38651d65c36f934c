import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthProvider.tsx';
import { menuFor, selectedMenuPath } from '../routes/access.ts';
import { APP_ROUTES } from '../routes/table.tsx';

type Props = {
  /** Called after a menu link is followed (closes the phone drawer). */
  onNavigate?: () => void;
  collapsed?: boolean;
};

/** The role-filtered menu built from the route table; labels are links so they work as links. */
export function SideMenu({ onNavigate, collapsed = false }: Props) {
  const { t } = useTranslation('nav');
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const groups = useMemo(() => menuFor(APP_ROUTES, user), [user]);

  const items: MenuProps['items'] = groups.map(({ group, routes }) => ({
    type: 'group' as const,
    key: `group:${group}`,
    // The first group needs no heading; the others name the area (名册, 系统管理…).
    label: group === 'main' || collapsed ? null : t(`groups.${group}`),
    children: routes.map((route) => ({
      key: route.path,
      icon: route.menu?.icon,
      label: (
        <Link to={route.path} onClick={onNavigate}>
          {route.menu ? t(`${route.menu.labelKey}.label`) : route.path}
        </Link>
      ),
    })),
  }));

  const selected = selectedMenuPath(
    pathname,
    groups.flatMap((g) => g.routes.map((r) => r.path)),
  );
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      inlineCollapsed={collapsed}
      className="rc-side-menu"
    />
  );
}
