import '../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getPublicCase } from '../../api/caseLibrary.ts';
import { errorStatus } from '../../components/errorText.ts';
import { ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatLocalDate } from '../../format/localDate.ts';
import { useBilingual } from '../matters/labels.tsx';
import { useMonth } from './Marked.tsx';
import { PublicShell } from './PublicShell.tsx';
import { CaseOutcomeTag } from './tags.tsx';
import '../matters/matters.css';

/** One published typical case (public, no sign-in): the published fields only. */
export default function PublicCasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['cases', 'common']);
  const pick = useBilingual();
  const month = useMonth();
  const found = useApi((signal) => getPublicCase(id, signal), [id]);
  const c = found.data;
  useEffect(() => {
    document.title = `${c?.title ?? t('cases:public.title')} · ${t('common:appName')}`;
  }, [c, t]);
  const back = (
    <Link to="/cases" className="rc-back-link">
      <ArrowLeftOutlined /> {t('cases:public.back')}
    </Link>
  );
  if (found.error && !c)
    return (
      <PublicShell>
        {back}
        {errorStatus(found.error) === 404 || errorStatus(found.error) === 400 ? (
          <Result status="404" title={t('cases:public.notFound')} />
        ) : (
          <ErrorAlert error={found.error} onRetry={found.reload} />
        )}
      </PublicShell>
    );
  if (!c)
    return (
      <PublicShell>
        <PageLoading />
      </PublicShell>
    );
  return (
    <PublicShell footer={t('cases:public.footer', { publisher: c.publisher })}>
      {back}
      <article className="rc-public-article" data-testid="public-case">
        <h1>{c.title}</h1>
        <div className="rc-case-meta">
          <CaseOutcomeTag outcome={c.outcome} />
        </div>
        <dl className="rc-kv">
          <dt>{t('cases:public.publisher')}</dt>
          <dd>{c.publisher}</dd>
          {c.number ? (
            <>
              <dt>{t('cases:public.number')}</dt>
              <dd>{c.number}</dd>
            </>
          ) : null}
          <dt>{t('cases:public.decidedMonth')}</dt>
          <dd>{month(c.decidedMonth)}</dd>
          <dt>{t('cases:public.publishedOn')}</dt>
          <dd>{formatLocalDate(c.publishedOn, i18n.language)}</dd>
          {c.situations.length ? (
            <>
              <dt>{t('cases:public.situations')}</dt>
              <dd>{c.situations.map((s) => pick(s)).join('；')}</dd>
            </>
          ) : null}
        </dl>
        {(['facts', 'handling', 'significance'] as const).map((f) =>
          c[f] ? (
            <section key={f} className="rc-case-section">
              <h2>{t(`cases:review.${f}`)}</h2>
              <div className="rc-case-text" data-testid={`public-case-${f}`}>
                {c[f]}
              </div>
            </section>
          ) : null,
        )}
      </article>
    </PublicShell>
  );
}
