import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthProvider.tsx';
import { PageTitle } from '../components/PageTitle.tsx';
import { routesFor } from '../routes/access.ts';
import { APP_ROUTES } from '../routes/table.tsx';

/**
 * 首页: what this user can do here (built from the same route table as the menu, so it never
 * points to a page the user cannot open) and who they are signed in as.
 */
export default function HomePage() {
  const { t } = useTranslation(['home', 'roles', 'nav']);
  const user = useCurrentUser();
  const shortcuts = routesFor(APP_ROUTES, user).filter((route) => route.menu && route.path !== '/');

  const account = (
    <Card title={<h2 className="rc-card-title">{t('account.title')}</h2>} data-testid="home-account">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('account.displayName')}>{user.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('account.username')}>{user.username}</Descriptions.Item>
        <Descriptions.Item label={t('account.roles')}>
          <ul className="rc-plain-list">
            {user.roles.map((grant) => (
              <li key={`${grant.role}:${grant.jurisdiction.id}:${grant.unitId ?? ''}`}>
                <span className="rc-nowrap">{t(`roles:${grant.role}`)}</span>{' '}
                <span className="rc-nowrap rc-muted">· {grant.jurisdiction.name}</span>
              </li>
            ))}
          </ul>
        </Descriptions.Item>
      </Descriptions>
      {user.demo ? (
        <Typography.Paragraph type="secondary" className="rc-home-demo">
          {t('account.demo')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );

  return (
    <>
      <PageTitle title={t('welcome', { name: user.displayName })} />
      <Row gutter={[16, 16]}>
        {shortcuts.length > 0 ? (
          <Col xs={24} lg={16}>
            <section aria-labelledby="home-work">
              <h2 id="home-work" className="rc-section-title">
                {t('work')}
              </h2>
              <div className="rc-shortcuts">
                {shortcuts.map((route) =>
                  route.menu ? (
                    <Link
                      key={route.path}
                      to={route.path}
                      className="rc-shortcut"
                      data-testid={`shortcut-${route.path}`}
                    >
                      <span className="rc-shortcut-icon" aria-hidden="true">
                        {route.menu.icon}
                      </span>
                      <span className="rc-shortcut-text">
                        <span className="rc-shortcut-title">{t(`nav:${route.menu.labelKey}.label`)}</span>
                        <span className="rc-shortcut-desc">
                          {t(`nav:${route.menu.labelKey}.description`)}
                        </span>
                      </span>
                    </Link>
                  ) : null,
                )}
              </div>
            </section>
          </Col>
        ) : null}
        <Col xs={24} lg={shortcuts.length > 0 ? 8 : 12}>
          {account}
        </Col>
      </Row>
    </>
  );
}
