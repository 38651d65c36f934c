import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type PageTitleProps = {
  title: string;
  /** Shown after the heading (status tags…). */
  tags?: ReactNode;
  /** Page-level actions, right-aligned on desktop and wrapped under the title on phones. */
  extra?: ReactNode;
  /** Shown above the heading (a back link). */
  before?: ReactNode;
};

/** The page's one <h1>; also sets the browser tab title. */
export function PageTitle({ title, tags, extra, before }: PageTitleProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
  return (
    <div className="rc-page-head">
      {before}
      <div className="rc-page-head-row">
        <div className="rc-page-head-title">
          <Typography.Title level={1} className="rc-page-title">
            {title}
          </Typography.Title>
          {tags}
        </div>
        {extra ? <div className="rc-page-head-extra">{extra}</div> : null}
      </div>
    </div>
  );
}
