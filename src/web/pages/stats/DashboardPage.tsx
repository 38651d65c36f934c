import '../../i18n/work.ts';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getCountyComparison, getStatsOverview } from '../../api/stats.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { ScopePeriodFilter, useStatsQuery } from './ScopePeriodFilter.tsx';
import { formatDateTime } from '../../format/datetime.ts';
import { CountyComparison } from './CountyComparison.tsx';
import { KeyFigures, OverviewCharts } from './Figures.tsx';
import { ProcedureCounters } from './ProcedureCounters.tsx';
import '../matters/matters.css';

/**
 * 统计分析: the mechanism's figures for a jurisdiction and period — progress funnel, outcomes, routes,
 * days per step, overdue — the other procedures' counters (纠错, 事前报备…), and, for a city or
 * province, every county side by side.
 */
export default function DashboardPage() {
  const { t } = useTranslation('stats');
  const filter = useStatsQuery();
  const { query, key } = filter;
  const overview = useApi((signal) => getStatsOverview(query, signal), [key]);
  const wide =
    overview.data &&
    (overview.data.jurisdiction.level === 'city' || overview.data.jurisdiction.level === 'province');
  const counties = useApi(
    (signal) => (wide ? getCountyComparison(query, signal) : Promise.resolve(null)),
    [key, wide],
  );

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
      <ScopePeriodFilter
        idPrefix="stats"
        state={filter}
        shown={overview.data}
        labels={{
          filters: t('filters'),
          jurisdiction: t('jurisdiction'),
          from: t('from'),
          to: t('to'),
          apply: t('apply'),
        }}
      />
      {body}
    </>
  );
}
