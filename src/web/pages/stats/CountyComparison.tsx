import { Card, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountyComparison as ComparisonData } from '../../api/stats.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartOption } from '../../components/charts/echarts.ts';
import { EmptyState } from '../../components/PageStates.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { cellText, chartValue } from './cells.ts';

type Row = ComparisonData['items'][number];

/** 各县比较: the supervisor's table and chart of every county's implementation strength. */
export function CountyComparison({ data }: { data: ComparisonData }) {
  const { t, i18n } = useTranslation('stats');
  const text = (cell: Parameters<typeof cellText>[0]) => cellText(cell, i18n.language);
  const columns: TableColumnsType<Row> = [
    {
      key: 'county',
      title: t('counties.county'),
      render: (_, r) => <strong>{r.jurisdiction.name}</strong>,
      fixed: 'left',
    },
    { key: 'cadres', title: t('counties.cadres'), align: 'right', render: (_, r) => text(r.cadresInOffice) },
    {
      key: 'applied',
      title: t('counties.applied'),
      align: 'right',
      render: (_, r) => text(r.indicators.funnel.applied),
    },
    {
      key: 'per1000',
      title: t('counties.per1000'),
      align: 'right',
      render: (_, r) => text(r.applicationsPer1000Cadres),
    },
    {
      key: 'exempt',
      title: t('counties.exempt'),
      align: 'right',
      render: (_, r) => text(r.indicators.outcomes.exempt),
    },
    {
      key: 'mitigate',
      title: t('counties.mitigate'),
      align: 'right',
      render: (_, r) => text(r.indicators.outcomes.mitigate),
    },
    {
      key: 'refuse',
      title: t('counties.refuse'),
      align: 'right',
      render: (_, r) => text(r.indicators.outcomes.refuse),
    },
    {
      key: 'overdue',
      title: t('counties.overdue'),
      align: 'right',
      render: (_, r) => text(r.indicators.overdue),
    },
    {
      key: 'days',
      title: t('counties.verificationDays'),
      align: 'right',
      render: (_, r) => text(r.indicators.daysPerStep.verification.averageWorkingDays),
    },
  ];
  const option = useMemo<ChartOption>(
    () => ({
      color: ['#1f4e8c'],
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: data.items.map((r) => r.jurisdiction.name) },
      series: [
        {
          type: 'bar',
          data: data.items.map((r) => chartValue(r.applicationsPer1000Cadres)),
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [data],
  );
  const values = data.items
    .map((r) => `${r.jurisdiction.name} ${text(r.applicationsPer1000Cadres)}`)
    .join('，');
  return (
    <Card
      size="small"
      title={<h2 className="rc-card-title">{t('counties.title')}</h2>}
      className="rc-section"
      data-testid="counties"
    >
      <p className="rc-field-help">{t('counties.intro')}</p>
      {data.items.length === 0 ? (
        <EmptyState description={t('counties.empty')} />
      ) : (
        <>
          <Chart
            option={option}
            label={t('chartLabel', { title: t('counties.chart'), values })}
            height={Math.max(160, data.items.length * 36 + 24)}
            testId="chart-counties"
          />
          <ScrollRegion label={t('counties.title')}>
            <Table<Row>
              rowKey={(r) => r.jurisdiction.id}
              size="small"
              columns={columns}
              dataSource={data.items}
              pagination={false}
            />
          </ScrollRegion>
        </>
      )}
    </Card>
  );
}
