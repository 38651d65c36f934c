import '../../i18n/work.ts';
import { GlobalOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Pagination, Select, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  listCaseCandidates,
  prepareCase,
  searchCaseLibrary,
  type CaseCandidates,
  type CaseLibraryQuery,
  type CaseListItem,
  type CaseOutcome,
  type CaseStatus,
} from '../../api/caseLibrary.ts';
import { listJurisdictions } from '../../api/endpoints.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole } from '../../auth/roles.ts';
import { useErrorText } from '../../components/errorText.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState, ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatLocalDate } from '../../format/localDate.ts';
import { useBilingual } from '../matters/labels.tsx';
import { CASE_PREPARERS } from './access.ts';
import { Hits, useMonth } from './Marked.tsx';
import { CaseOutcomeTag, CaseStatusTag } from './tags.tsx';
import '../matters/matters.css';
import './caseLibrary.css';

const OUTCOMES: CaseOutcome[] = ['exempt', 'mitigate', 'refuse'];
const STATUSES: CaseStatus[] = ['draft', 'proposed', 'returned', 'published', 'withdrawn'];
const PAGE_SIZE = 20;

/** The search as the URL keeps it, so a search can be bookmarked and the back button works. */
function queryOf(params: URLSearchParams): CaseLibraryQuery {
  const text = (key: string) => params.get(key) || undefined;
  const year = Number(params.get('year'));
  return {
    q: text('q'),
    outcome: OUTCOMES.find((o) => o === params.get('outcome')),
    status: STATUSES.find((s) => s === params.get('status')),
    year: Number.isInteger(year) && year > 0 ? year : undefined,
    situation: text('situation'),
    exclusion: text('exclusion'),
    jurisdictionId: text('jurisdictionId'),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

function paramsOf(query: CaseLibraryQuery, tab: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries({
    ...query,
    pageSize: undefined,
    page: query.page > 1 ? query.page : undefined,
  })) {
    if (value !== undefined && value !== '') out.set(key, String(value));
  }
  if (tab !== 'search') out.set('tab', tab);
  return out;
}

function CaseResult({ item }: { item: CaseListItem }) {
  const { t } = useTranslation('cases');
  const pick = useBilingual();
  const month = useMonth();
  return (
    <article className="rc-case-item" data-testid="case-result">
      <h2>
        <Link to={`/case-library/${item.id}`}>
          <Hits text={item.title} ranges={item.titleHighlights} />
        </Link>
      </h2>
      <div className="rc-case-meta">
        <CaseOutcomeTag outcome={item.outcome} />
        <CaseStatusTag status={item.status} label={item.statusLabel} />
        {item.number ? <span>{item.number}</span> : null}
        <span>
          {t('review.decidedMonth')} {month(item.decidedMonth)}
        </span>
        <span>{item.jurisdiction.name}</span>
        {item.situations.map((s) => (
          <span key={s.id} title={pick(s)}>
            {s.id}
          </span>
        ))}
      </div>
      <p className="rc-case-snippet">
        <Hits text={item.snippet.text} ranges={item.snippet.highlights} />
      </p>
    </article>
  );
}

function SearchTab({
  query,
  onChange,
}: {
  query: CaseLibraryQuery;
  onChange: (q: CaseLibraryQuery) => void;
}) {
  const { t } = useTranslation('cases');
  const pick = useBilingual();
  const key = JSON.stringify(query);
  const list = useApi((signal) => searchCaseLibrary(query, signal), [key]);
  const jurisdictions = useApi((signal) => listJurisdictions(signal), []);
  const [text, setText] = useState(query.q ?? '');
  const data = list.data;
  const set = (patch: Partial<CaseLibraryQuery>) => onChange({ ...query, ...patch, page: patch.page ?? 1 });
  const any = { value: '', label: t('filters.any') };
  const filtered = Boolean(
    query.q ||
    query.outcome ||
    query.status ||
    query.year ||
    query.situation ||
    query.exclusion ||
    query.jurisdictionId,
  );

  return (
    <>
      <Card className="rc-filter-card" size="small">
        <Form
          layout="vertical"
          className="rc-case-filters"
          aria-label={t('filters.region')}
          onFinish={() => set({ q: text.trim() || undefined })}
        >
          <Form.Item label={t('library.searchLabel')} htmlFor="case-search" className="rc-case-search">
            <Input.Search
              id="case-search"
              value={text}
              maxLength={100}
              allowClear
              onChange={(e) => setText(e.target.value)}
              onSearch={(value) => set({ q: value.trim() || undefined })}
              placeholder={t('library.searchPlaceholder')}
              enterButton={t('library.search')}
              data-testid="case-search"
            />
          </Form.Item>
          <Form.Item label={t('filters.outcome')}>
            <Select
              value={query.outcome ?? ''}
              onChange={(v: string) => set({ outcome: OUTCOMES.find((o) => o === v) })}
              options={[any, ...OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))]}
              aria-label={t('filters.outcome')}
            />
          </Form.Item>
          {data?.internal ? (
            <Form.Item label={t('filters.status')}>
              <Select
                value={query.status ?? ''}
                onChange={(v: string) => set({ status: STATUSES.find((s) => s === v) })}
                options={[any, ...STATUSES.map((s) => ({ value: s, label: t(`statusName.${s}`) }))]}
                aria-label={t('filters.status')}
                data-testid="case-status-filter"
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('filters.year')}>
            <Select
              value={query.year ? String(query.year) : ''}
              onChange={(v: string) => set({ year: v ? Number(v) : undefined })}
              options={[
                any,
                ...(data?.facets.years ?? []).map((y) => ({ value: String(y), label: String(y) })),
              ]}
              aria-label={t('filters.year')}
            />
          </Form.Item>
          <Form.Item label={t('filters.situation')}>
            <Select
              value={query.situation ?? ''}
              onChange={(v: string) => set({ situation: v || undefined })}
              options={[
                any,
                ...(data?.facets.situations ?? []).map((s) => ({ value: s.id, label: `${s.id} ${pick(s)}` })),
              ]}
              popupMatchSelectWidth={false}
              aria-label={t('filters.situation')}
            />
          </Form.Item>
          {data?.facets.exclusions.length ? (
            <Form.Item label={t('filters.exclusion')}>
              <Select
                value={query.exclusion ?? ''}
                onChange={(v: string) => set({ exclusion: v || undefined })}
                options={[
                  any,
                  ...data.facets.exclusions.map((s) => ({ value: s.id, label: `${s.id} ${pick(s)}` })),
                ]}
                popupMatchSelectWidth={false}
                aria-label={t('filters.exclusion')}
              />
            </Form.Item>
          ) : null}
          {(jurisdictions.data?.items.length ?? 0) > 1 ? (
            <Form.Item label={t('filters.jurisdiction')}>
              <Select
                value={query.jurisdictionId ?? ''}
                onChange={(v: string) => set({ jurisdictionId: v || undefined })}
                options={[
                  any,
                  ...jurisdictions
                    .data!.items.filter((j) => j.level !== 'township')
                    .map((j) => ({ value: j.id, label: j.name })),
                ]}
                aria-label={t('filters.jurisdiction')}
              />
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      {data ? (
        <Typography.Paragraph type="secondary" className="rc-case-count">
          {t('library.total', { count: data.total })} ·{' '}
          {data.internal ? t('library.internalNote') : t('library.publishedOnly')}
        </Typography.Paragraph>
      ) : null}
      {list.error && !data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
          {data.items.length === 0 ? (
            <EmptyState
              description={filtered ? t('library.noMatch') : t('library.empty')}
              action={
                filtered ? (
                  <Button
                    onClick={() => {
                      setText('');
                      onChange({ page: 1, pageSize: PAGE_SIZE });
                    }}
                  >
                    {t('library.clear')}
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <div className="rc-case-list" data-testid="case-results" aria-busy={list.loading}>
              {data.items.map((item) => (
                <CaseResult key={item.id} item={item} />
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
              onChange={(page) => set({ page })}
            />
          ) : null}
        </>
      )}
    </>
  );
}

function CandidatesTab() {
  const { t, i18n } = useTranslation('cases');
  const pick = useBilingual();
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const list = useApi((signal) => listCaseCandidates({ page, pageSize: PAGE_SIZE }, signal), [page]);
  const prepare = async (matterId: string) => {
    setBusy(matterId);
    try {
      const { id } = await prepareCase(matterId);
      void message.success(t('candidates.prepared'));
      void navigate(`/case-library/${id}`);
    } catch (failure) {
      void message.error(errorText(failure));
      list.reload();
    } finally {
      setBusy(null);
    }
  };
  type Row = CaseCandidates['items'][number];
  const button = (row: Row) => (
    <Button
      type="primary"
      loading={busy === row.matterId}
      onClick={() => void prepare(row.matterId)}
      data-testid={`prepare-${row.number}`}
    >
      {t('candidates.prepare')}
    </Button>
  );
  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('candidates.intro')}</Typography.Paragraph>
      <Card className="rc-list-card" size="small">
        {isPhone ? (
          <div className="rc-case-list">
            {list.data?.items.length === 0 ? <EmptyState description={t('candidates.empty')} /> : null}
            {list.data?.items.map((row) => (
              <div key={row.matterId} className="rc-case-item">
                <h3>
                  <Link to={`/matters/${row.matterId}`}>{row.title}</Link>
                </h3>
                <div className="rc-case-meta">
                  <CaseOutcomeTag outcome={row.outcome} />
                  <span>{row.number}</span>
                  <span>{formatLocalDate(row.decidedOn, i18n.language)}</span>
                </div>
                {button(row)}
              </div>
            ))}
          </div>
        ) : (
          <Table<Row>
            rowKey="matterId"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <EmptyState description={t('candidates.empty')} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
            }}
            data-testid="case-candidates"
            columns={[
              { title: t('candidates.number'), dataIndex: 'number', width: 150 },
              {
                title: t('candidates.title'),
                dataIndex: 'title',
                render: (title: string, row) => <Link to={`/matters/${row.matterId}`}>{title}</Link>,
              },
              {
                title: t('candidates.outcome'),
                dataIndex: 'outcome',
                width: 110,
                render: (o: CaseOutcome) => <CaseOutcomeTag outcome={o} />,
              },
              {
                title: t('candidates.decidedOn'),
                dataIndex: 'decidedOn',
                width: 160,
                render: (d: string, row) => (
                  <span title={pick(row.statusLabel)}>{formatLocalDate(d, i18n.language)}</span>
                ),
              },
              { title: '', key: 'action', width: 150, render: (_: unknown, row) => button(row) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/**
 * 典型案例库: search published and internal cases in Chinese with filters; case officers also see
 * the decided matters they may prepare as cases (the server decides who sees and may do what).
 */
export default function CaseLibraryPage() {
  const { t } = useTranslation('cases');
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const preparer = hasAnyRole(user, CASE_PREPARERS);
  const tab = preparer && params.get('tab') === 'candidates' ? 'candidates' : 'search';
  const change = (next: CaseLibraryQuery) => setParams(paramsOf(next, tab));

  return (
    <>
      <PageTitle
        title={t('library.title')}
        extra={
          <Button icon={<GlobalOutlined />} href="/cases" target="_blank" rel="noopener">
            {t('library.publicLink')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('library.intro')}</Typography.Paragraph>
      {preparer ? (
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(paramsOf(key === 'search' ? query : { page: 1, pageSize: PAGE_SIZE }, key))
          }
          items={[
            {
              key: 'search',
              label: t('tabs.search'),
              children: tab === 'search' ? <SearchTab query={query} onChange={change} /> : null,
            },
            {
              key: 'candidates',
              label: <span data-testid="tab-candidates">{t('tabs.candidates')}</span>,
              children: tab === 'candidates' ? <CandidatesTab /> : null,
            },
          ]}
        />
      ) : (
        <SearchTab query={query} onChange={change} />
      )}
    </>
  );
}
