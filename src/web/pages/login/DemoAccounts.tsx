import { Button, Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoUsers.ts';

/** Demo mode only: the seeded accounts, each a button that fills the login form. */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation(['auth', 'roles']);
  const list = (
    <div className="rc-demo-list">
      {/* Plain elements rather than Typography: keeps the login bundle small. */}
      <p className="rc-demo-hint">
        {t('demo.hint')} <code className="rc-code">{DEMO_PASSWORD}</code>
      </p>
      <dl className="rc-demo-grid">
        {DEMO_ACCOUNTS.map(({ role, usernames }) => (
          <div key={role} className="rc-demo-row">
            <dt>{t(`roles:${role}`)}</dt>
            <dd>
              {usernames.map((username) => (
                <Button
                  key={username}
                  size="small"
                  onClick={() => onPick(username, DEMO_PASSWORD)}
                  aria-label={t('demo.fill', { username })}
                  data-testid={`demo-user-${username}`}
                >
                  {username}
                </Button>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
  return (
    <Collapse
      className="rc-demo"
      size="small"
      items={[{ key: 'demo', label: t('demo.title'), children: list }]}
    />
  );
}
