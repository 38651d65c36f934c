import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** 404 for paths no route matches. */
export default function NotFoundPage() {
  const { t } = useTranslation(['errors', 'common']);
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('notFoundPage.title')} · ${t('common:appName')}`;
  }, [t]);
  return (
    <Result
      status="404"
      title={<h1 className="rc-result-title">{t('notFoundPage.title')}</h1>}
      subTitle={t('notFoundPage.subtitle')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('backHome')}
        </Button>
      }
    />
  );
}
