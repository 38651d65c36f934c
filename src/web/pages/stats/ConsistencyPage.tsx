import '../../i18n/work.ts';
import { Alert, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getOutcomeMix, type MixRow, type MixTable, type OutcomeMix } from '../../api/consistency.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartOption } from '../../components/charts/echarts.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState, ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useApi } from '../../components/useApi.ts';
import { ScopePeriodFilter, useStatsQuery } from './ScopePeriodFilter.tsx';
import { cellText, chartValue } from './cells.ts';
import '../matters/matters.css';
import '../matters/consistency.css';

type Shown = MixRow | (MixTable['total'] & { id: 'total'; name: null; flagged: false; pValue: null });

function MixCard({ title, table, testId }: { title: string; table: MixTable; testId: string }) {
  const { t, i18n } = useTranslation('consistency');
  const text = (cell: Parameters<typeof cellText>[0]) => cellText(cell, i18n.language);
  const rate = (r: Shown) =>
    typeof r.rate === 'number'
      ? `${(r.rate * 100).toLocaleString(i18n.language, { maximumFractionDigits: 1 })}%`
      : text(r.rate);
  const rows: Shown[] = [
    ...table.rows,
    { ...table.total, id: 'total', name: null, flagged: false, pValue: null },
  ];
  const columns: TableColumnsType<Shown> = [
    {
      key: 'name',
      title: t('mix.name'),
      render: (_, r) => (r.id === 'total' ? <strong>{t('mix.total')}</strong> : (r.name ?? t('mix.unnamed'))),
    },
    { key: 'decided', title: t('mix.decided'), align: 'right', render: (_, r) => text(r.decided) },
    { key: 'exempt', title: t('mix.exempt'), align: 'right', render: (_, r) => text(r.outcomes.exempt) },
    {
      key: 'mitigate',
      title: t('mix.mitigate'),
      align: 'right',
      render: (_, r) => text(r.outcomes.mitigate),
    },
    { key: 'refuse', title: t('mix.refuse'), align: 'right', render: (_, r) => text(r.outcomes.refuse) },
    { key: 'rate', title: t('mix.rate'), align: 'right', render: (_, r) => rate(r) },
    {
      key: 'flag',
      title: t('mix.flag'),
      render: (_, r) =>
        r.flagged ? (
          <>
            <Tag className="rc-shield-flag" data-testid="shield-flag">
              {t('mix.flagged')}
            </Tag>
            {r.pValue !== null ? (
              <span className="rc-item-meta">{t('mix.pValue', { value: r.pValue })}</span>
            ) : null}
          </>
        ) : null,
    },
  ];
  return (
    <Card
      size="small"
      title={<h2 className="rc-card-title">{title}</h2>}
      className="rc-section"
      data-testid={testId}
    >
      {table.rows.length === 0 ? (
        <EmptyState description={t('mix.none')} />
      ) : (
        <ScrollRegion label={title}>
          <Table<Shown>
            rowKey={(r) => r.id ?? 'none'}
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
            className="rc-mix-table"
            rowClassName={(r) => (r.flagged ? 'rc-mix-flagged' : '')}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}

/** Tolerance rate by unit beside the whole jurisdiction's: flagged units in orange; withheld rates left out. */
function RateChart({ data }: { data: OutcomeMix }) {
  const { t, i18n } = useTranslation('consistency');
  const rows = data.byUnit.rows.filter((r) => typeof r.rate === 'number');
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : '—'),
      },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [t('mix.total'), ...rows.map((r) => r.name ?? t('mix.unnamed'))],
      },
      series: [
        {
          type: 'bar',
          name: t('mix.chartRate'),
          data: [
            { value: chartValue(data.byUnit.total.rate), itemStyle: { color: '#56616c' } },
            ...rows.map((r) => ({
              value: chartValue(r.rate),
              itemStyle: { color: r.flagged ? '#d46b08' : '#1f4e8c' },
            })),
          ],
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: unknown }) =>
              typeof p.value === 'number' ? `${Math.round(p.value * 1000) / 10}%` : '',
          },
        },
      ],
    }),
    [data, rows, t],
  );
  if (rows.length === 0) return null;
  const values = [
    `${t('mix.total')} ${cellText(data.byUnit.total.rate, i18n.language)}`,
    ...rows.map((r) => `${r.name ?? ''} ${cellText(r.rate, i18n.language)}`),
  ].join(t('mix.separator'));
  return (
    <Card size="small" className="rc-section">
      <Chart
        option={option}
        label={t('mix.chart', { values })}
        height={Math.max(140, (rows.length + 1) * 34 + 24)}
        testId="chart-mix"
      />
    </Card>
  );
}

/**
 * 认定尺度: the supervisor's outcome mix of tolerance decisions by the cadre's unit, by the officer
 * who proposed and by the leader who decided, with units or people far above the norm flagged.
 */
export default function ConsistencyPage() {
  const { t } = useTranslation('consistency');
  const filter = useStatsQuery();
  const { query, key } = filter;
  const mix = useApi((signal) => getOutcomeMix(query, signal), [key]);

  let body: React.ReactNode;
  if (mix.error && !mix.data) body = <ErrorState error={mix.error} onRetry={mix.reload} />;
  else if (!mix.data) body = <PageLoading />;
  else {
    const d = mix.data;
    body = (
      <div data-testid="outcome-mix">
        {mix.error ? <ErrorAlert error={mix.error} onRetry={mix.reload} /> : null}
        {d.suppressed ? (
          <Alert type="info" showIcon title={t('mix.suppressed')} className="rc-section" />
        ) : null}
        <RateChart data={d} />
        <MixCard title={t('mix.byUnit')} table={d.byUnit} testId="mix-unit" />
        <MixCard title={t('mix.byProposer')} table={d.byProposer} testId="mix-proposer" />
        <MixCard title={t('mix.byDecider')} table={d.byDecider} testId="mix-decider" />
        <p className="rc-footnote">
          {t('mix.method', {
            alpha: d.test.alpha,
            difference: Math.round(d.test.minDifference * 100),
            min: d.test.minDecided,
          })}
        </p>
      </div>
    );
  }

  return (
    <>
      <PageTitle title={t('mix.title')} />
      <Typography.Paragraph type="secondary">{t('mix.intro')}</Typography.Paragraph>
      <ScopePeriodFilter
        idPrefix="mix"
        state={filter}
        shown={mix.data}
        labels={{
          filters: t('mix.filters'),
          jurisdiction: t('mix.jurisdiction'),
          from: t('mix.from'),
          to: t('mix.to'),
          apply: t('mix.apply'),
        }}
      />
      {body}
    </>
  );
}
