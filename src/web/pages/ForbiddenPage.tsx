import { Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** 403 for a route the user's roles do not include (the server refuses the data as well). */
export default function ForbiddenPage() {
  const { t } = useTranslation(['errors', 'common']);
  useEffect(() => {
    document.title = `${t('forbiddenPage.title')} · ${t('common:appName')}`;
  }, [t]);
  return (
    <Result
      status="403"
      title={<h1 className="rc-result-title">{t('forbiddenPage.title')}</h1>}
      subTitle={t('forbiddenPage.subtitle')}
      extra={<Link to="/">{t('backHome')}</Link>}
    />
  );
}
