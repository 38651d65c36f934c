import '../../i18n/work.ts';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listJurisdictions } from '../../api/endpoints.ts';
import { getCountyComparison, getStatsOverview, type StatsQuery } from '../../api/stats.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { CountyComparison } from './CountyComparison.tsx';
import { KeyFigures, OverviewCharts } from './Figures.tsx';
import { ProcedureCounters } from './ProcedureCounters.tsx';
import '../matters/matters.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function queryOf(params: URLSearchParams): StatsQuery {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const value = params.get(key);
    return value && ok(value) ? value : undefined;
  };
  return {
    jurisdictionId: pick('jurisdictionId', (v) => /^[0-9a-f-]{36}$/i.test(v)),
    from: pick('from', (v) => DATE.test(v)),
    to: pick('to', (v) => DATE.test(v)),
  };
}

/**
 * 统计分析: the mechanism's figures for a jurisdiction and period — progress funnel, outcomes, routes,
 * days per step, overdue — the other procedures' counters (纠错, 事前报备…), and, for a city or
 * province, every county side by side.
 */
export default function DashboardPage() {
  const { t } = useTranslation('stats');
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const key = JSON.stringify(query);
  const [draft, setDraft] = useState(query);
  const places = useApi((signal) => listJurisdictions(signal), []);
  const overview = useApi((signal) => getStatsOverview(query, signal), [key]);
  const wide =
    overview.data &&
    (overview.data.jurisdiction.level === 'city' || overview.data.jurisdiction.level === 'province');
  const counties = useApi(
    (signal) => (wide ? getCountyComparison(query, signal) : Promise.resolve(null)),
    [key, wide],
  );

  const apply = () => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  const options = (places.data?.items ?? [])
    .filter((j) => j.level !== 'township')
    .map((j) => ({ value: j.id, label: j.name }));

  let body: React.ReactNode;
  if (overview.error && !overview.data)
    body = <ErrorState error={overview.error} onRetry={overview.reload} />;
  else if (!overview.data) body = <PageLoading />;
  else
    body = (
      <div data-testid="dashboard">
        {overview.error ? <ErrorAlert error={overview.error} onRetry={overview.reload} /> : null}
        {overview.data.suppressed ? (
          <Alert type="info" showIcon title={t('suppressed')} className="rc-section" />
        ) : null}
        <KeyFigures data={overview.data} />
        <p className="rc-footnote">{t('asOf', { time: formatDateTime(overview.data.asOf) })}</p>
        <ProcedureCounters data={overview.data} />
        <OverviewCharts data={overview.data} />
        {counties.error ? <ErrorAlert error={counties.error} onRetry={counties.reload} /> : null}
        {counties.data ? <CountyComparison data={counties.data} /> : null}
      </div>
    );

  return (
    <>
      <PageTitle title={t('title')} />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card size="small" className="rc-filter-card">
        <Form layout="vertical" className="rc-filters" aria-label={t('filters')} onFinish={apply}>
          <div className="rc-filter-fields">
            {options.length > 1 ? (
              <Form.Item label={t('jurisdiction')} htmlFor="stats-jurisdiction">
                <Select
                  id="stats-jurisdiction"
                  value={draft.jurisdictionId ?? overview.data?.jurisdiction.id}
                  onChange={(jurisdictionId: string) => setDraft({ ...draft, jurisdictionId })}
                  options={options}
                />
              </Form.Item>
            ) : null}
            <Form.Item label={t('from')} htmlFor="stats-from">
              <Input
                id="stats-from"
                type="date"
                value={draft.from ?? overview.data?.period.from ?? ''}
                onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
              />
            </Form.Item>
            <Form.Item label={t('to')} htmlFor="stats-to">
              <Input
                id="stats-to"
                type="date"
                value={draft.to ?? overview.data?.period.to ?? ''}
                onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
              />
            </Form.Item>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit">
                {t('apply')}
              </Button>
            </Form.Item>
          </div>
        </Form>
      </Card>
      {body}
    </>
  );
}
