import { EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../auth/AuthProvider.tsx';
import { distinctRoles, jurisdictionNames } from '../auth/roles.ts';

function useLogout(): { logout: () => void; busy: boolean } {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return {
    busy,
    logout: () => {
      setBusy(true);
      logout()
        .catch(() => undefined) // the page forgets the session either way
        .finally(() => {
          setBusy(false);
          void navigate('/login', { replace: true });
        });
    },
  };
}

/** Name, role labels, jurisdiction and logout, laid out in the desktop header. */
export function UserSummaryWide() {
  const { t } = useTranslation(['layout', 'roles']);
  const user = useCurrentUser();
  const { logout, busy } = useLogout();
  return (
    <div className="rc-user-wide" data-testid="current-user">
      <span className="rc-user-jurisdiction" title={t('jurisdiction')}>
        <EnvironmentOutlined aria-hidden="true" /> {jurisdictionNames(user).join('、')}
      </span>
      <span className="rc-user-name">
        <UserOutlined aria-hidden="true" /> {user.displayName}
      </span>
      <span className="rc-user-roles">
        {distinctRoles(user).map((role) => (
          <Tag key={role} className="rc-role-tag" variant="filled">
            {t(`roles:${role}`)}
          </Tag>
        ))}
      </span>
      <Button
        type="text"
        icon={<LogoutOutlined />}
        onClick={logout}
        loading={busy}
        className="rc-header-button"
      >
        {t('logout')}
      </Button>
    </div>
  );
}

/** The same information behind one account button, for phone headers. */
export function UserSummaryCompact() {
  const { t } = useTranslation(['layout', 'roles']);
  const user = useCurrentUser();
  const { logout, busy } = useLogout();
  const content = (
    <div className="rc-user-pop" data-testid="current-user">
      <Typography.Text strong>{user.displayName}</Typography.Text>
      <div>
        {distinctRoles(user).map((role) => (
          <Tag key={role}>{t(`roles:${role}`)}</Tag>
        ))}
      </div>
      <Typography.Text type="secondary">
        <EnvironmentOutlined aria-hidden="true" /> {jurisdictionNames(user).join('、')}
      </Typography.Text>
      <Button icon={<LogoutOutlined />} onClick={logout} loading={busy} block>
        {t('logout')}
      </Button>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button
        type="text"
        icon={<UserOutlined />}
        className="rc-header-button"
        aria-label={t('account', { name: user.displayName })}
      />
    </Popover>
  );
}
