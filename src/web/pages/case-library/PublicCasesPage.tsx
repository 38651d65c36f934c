import '../../i18n/work.ts';
import { Input, Pagination, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { searchPublicCases, type CaseOutcome, type PublicCaseQuery } from '../../api/caseLibrary.ts';
import { ErrorAlert, EmptyState, PageLoading } from '../../components/PageStates.tsx';
import { useApi } from '../../components/useApi.ts';
import { Hits, useMonth } from './Marked.tsx';
import { PublicShell } from './PublicShell.tsx';
import { CaseOutcomeTag } from './tags.tsx';
import '../matters/matters.css';

const OUTCOMES: CaseOutcome[] = ['exempt', 'mitigate', 'refuse'];
const PAGE_SIZE = 10;

function queryOf(params: URLSearchParams): PublicCaseQuery {
  const year = Number(params.get('year'));
  return {
    q: params.get('q') || undefined,
    outcome: OUTCOMES.find((o) => o === params.get('outcome')),
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

/**
 * 典型案例 (public, no sign-in): anyone searches the published typical cases in Chinese and reads
 * them — on a phone as well as at a desk.
 */
export default function PublicCasesPage() {
  const { t } = useTranslation(['cases', 'common']);
  const month = useMonth();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const [text, setText] = useState(query.q ?? '');
  const list = useApi((signal) => searchPublicCases(query, signal), [params.toString()]);
  useEffect(() => {
    document.title = `${t('cases:public.title')} · ${t('common:appName')}`;
  }, [t]);
  const set = (patch: Partial<PublicCaseQuery>) => {
    const next = { ...query, ...patch, page: patch.page ?? 1 };
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.outcome) out.set('outcome', next.outcome);
    if (next.year) out.set('year', String(next.year));
    if (next.page > 1) out.set('page', String(next.page));
    setParams(out);
  };
  const data = list.data;

  return (
    <PublicShell>
      <h1>{t('cases:public.title')}</h1>
      <p className="rc-public-intro">{t('cases:public.intro')}</p>
      <form
        className="rc-public-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set({ q: text.trim() || undefined });
        }}
      >
        <Input.Search
          value={text}
          size="large"
          maxLength={100}
          allowClear
          aria-label={t('cases:public.searchLabel')}
          placeholder={t('cases:public.searchPlaceholder')}
          enterButton={t('cases:public.search')}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => set({ q: value.trim() || undefined })}
          data-testid="public-case-search"
        />
        <div className="rc-public-filters">
          <Select
            value={query.outcome ?? ''}
            onChange={(v: string) => set({ outcome: OUTCOMES.find((o) => o === v) })}
            aria-label={t('cases:filters.outcome')}
            style={{ minWidth: 130 }}
            options={[
              { value: '', label: t('cases:public.allOutcomes') },
              ...OUTCOMES.map((o) => ({ value: o, label: t(`cases:outcome.${o}`) })),
            ]}
          />
          <Select
            value={query.year ? String(query.year) : ''}
            onChange={(v: string) => set({ year: v ? Number(v) : undefined })}
            aria-label={t('cases:filters.year')}
            style={{ minWidth: 120 }}
            options={[
              { value: '', label: t('cases:public.allYears') },
              ...(data?.years ?? []).map((y) => ({
                value: String(y),
                label: t('cases:public.year', { year: y }),
              })),
            ]}
          />
        </div>
      </form>
      {list.error && !data ? (
        <ErrorAlert error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          <p className="rc-public-intro" aria-live="polite">
            {t('cases:public.total', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <EmptyState
              description={
                query.q || query.outcome || query.year ? t('cases:public.noMatch') : t('cases:public.empty')
              }
            />
          ) : (
            <div className="rc-case-list" data-testid="public-case-results" aria-busy={list.loading}>
              {data.items.map((item) => (
                <article key={item.id} className="rc-case-item" data-testid="public-case-result">
                  <h2>
                    <Link to={`/cases/${item.id}`}>
                      <Hits text={item.title} ranges={item.titleHighlights} />
                    </Link>
                  </h2>
                  <div className="rc-case-meta">
                    <CaseOutcomeTag outcome={item.outcome} />
                    <span>{item.publisher}</span>
                    <span>{month(item.decidedMonth)}</span>
                    {item.number ? <span>{item.number}</span> : null}
                  </div>
                  <p className="rc-case-snippet">
                    <Hits text={item.snippet.text} ranges={item.snippet.highlights} />
                  </p>
                </article>
              ))}
            </div>
          )}
          {data.total > data.pageSize ? (
            <Pagination
              className="rc-pagination"
              current={data.page}
              pageSize={data.pageSize}
              total={data.total}
              showSizeChanger={false}
              simple
              onChange={(page) => set({ page })}
            />
          ) : null}
        </>
      )}
    </PublicShell>
  );
}
