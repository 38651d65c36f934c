import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Layout, Tag } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthProvider.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Logo } from '../components/Logo.tsx';
import { PageLoading } from '../components/PageStates.tsx';
import { useIsPhone } from '../components/useIsPhone.ts';
import { SideMenu } from './SideMenu.tsx';
import { UserSummaryCompact, UserSummaryWide } from './UserSummary.tsx';

const SIDER_STORAGE_KEY = 'rongcuo.siderCollapsed';

// Storage can be unavailable (privacy settings); the menu then just starts expanded.
function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}
function writeFlag(key: string, value: boolean): void {
  try {
    localStorage.setItem(key, value ? '1' : '0');
  } catch {
    /* not remembered; harmless */
  }
}

/**
 * The signed-in shell: a header across the top, the role menu at the side (a drawer on phones),
 * and the page, which loads as its own chunk under an error boundary reset on navigation.
 */
export default function AppLayout() {
  const { t } = useTranslation(['layout', 'common']);
  const isPhone = useIsPhone();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => readFlag(SIDER_STORAGE_KEY));

  const toggleCollapsed = (value: boolean) => {
    setCollapsed(value);
    writeFlag(SIDER_STORAGE_KEY, value);
  };

  // AntApp (message / modal context for pages) lives here, so the login page does not load it.
  return (
    <AntApp>
      <Layout className="rc-shell">
        <a className="rc-skip-link" href="#main-content">
          {t('skipToContent')}
        </a>
        <Layout.Header className="rc-header">
          {isPhone ? (
            <Button
              type="text"
              className="rc-header-button"
              icon={<MenuOutlined />}
              aria-label={t('openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            // antd's own Sider trigger is a div that the keyboard cannot reach; this button replaces it.
            <Button
              type="text"
              className="rc-header-button"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('expandMenu') : t('collapseMenu')}
              aria-expanded={!collapsed}
              onClick={() => toggleCollapsed(!collapsed)}
            />
          )}
          <Link to="/" className="rc-brand" aria-label={t('homeLink')}>
            <Logo size={isPhone ? 24 : 28} />
            <span className="rc-brand-name">{t('common:appName')}</span>
          </Link>
          {user.demo ? <Tag className="rc-demo-tag">{t('demo')}</Tag> : null}
          <div className="rc-header-right">
            <LanguageSwitch iconOnly={isPhone} className="rc-header-button" />
            {isPhone ? <UserSummaryCompact /> : <UserSummaryWide />}
          </div>
        </Layout.Header>
        <Layout hasSider={!isPhone}>
          {isPhone ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={264}
              title={t('menu')}
              className="rc-menu-drawer"
            >
              <nav aria-label={t('mainNav')}>
                <SideMenu onNavigate={() => setDrawerOpen(false)} />
              </nav>
            </Drawer>
          ) : (
            <Layout.Sider
              collapsible
              collapsed={collapsed}
              trigger={null}
              width={208}
              className="rc-sider"
              theme="light"
            >
              <nav aria-label={t('mainNav')}>
                <SideMenu collapsed={collapsed} />
              </nav>
            </Layout.Sider>
          )}
          <Layout.Content className="rc-content" id="main-content" tabIndex={-1}>
            <ErrorBoundary key={pathname}>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
