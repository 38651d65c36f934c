import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Logo } from '../../components/Logo.tsx';
import './caseLibrary.css';

/** The public pages' frame (no sign-in, outside the work layout): brand, language, staff sign-in. */
export function PublicShell({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation(['cases', 'common']);
  return (
    <div className="rc-public">
      <header className="rc-public-head">
        <Link
          to="/cases"
          aria-label={t('cases:public.title')}
          style={{ display: 'flex', alignItems: 'center', gap: 10 }}
        >
          <Logo size={26} />
          <span className="rc-brand-name">{t('common:appName')}</span>
        </Link>
        <span className="rc-public-right">
          <LanguageSwitch />
          <Link to="/login">{t('cases:public.login')}</Link>
        </span>
      </header>
      <main className="rc-public-main">{children}</main>
      {footer ? <footer className="rc-public-foot">{footer}</footer> : null}
    </div>
  );
}
