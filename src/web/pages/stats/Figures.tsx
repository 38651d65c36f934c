import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '../../api/stats.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartOption } from '../../components/charts/echarts.ts';
import { cellText, chartValue } from './cells.ts';

const PALETTE = ['#1f4e8c', '#3f7fbf', '#7ba7d7', '#b9d0ea', '#dfe9f5'];
const OUTCOME_COLOURS = { exempt: '#2e7d4f', mitigate: '#c77d12', refuse: '#b3261e' } as const;

/** The headline figures: opened, in progress, overdue, per 1,000 cadres, appeals. */
export function KeyFigures({ data }: { data: StatsOverview }) {
  const { t, i18n } = useTranslation('stats');
  const ind = data.indicators;
  const items: [string, string, boolean?][] = [
    [t('kpi.applied'), cellText(ind.funnel.applied, i18n.language)],
    [t('kpi.inProgress'), cellText(ind.inProgress, i18n.language)],
    [
      t('kpi.overdue'),
      cellText(ind.overdue, i18n.language),
      typeof ind.overdue === 'number' && ind.overdue > 0,
    ],
    [t('kpi.per1000'), cellText(data.applicationsPer1000Cadres, i18n.language)],
    [t('kpi.cadres'), cellText(data.cadresInOffice, i18n.language)],
    [
      t('kpi.appealed'),
      `${cellText(ind.appeals.appealed, i18n.language)} / ${cellText(ind.appeals.reversed, i18n.language)}`,
    ],
  ];
  return (
    <Row gutter={[12, 12]} className="rc-section" data-testid="kpis">
      {items.map(([title, value, alarm]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={title} value={value} styles={{ content: alarm ? { color: '#a8071a' } : {} }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A chart in a card, with the figures it draws listed in words for screen readers. */
function ChartCard({
  title,
  option,
  values,
  testId,
}: {
  title: string;
  option: ChartOption;
  values: string;
  testId: string;
}) {
  const { t } = useTranslation('stats');
  return (
    <Card size="small" title={<h2 className="rc-card-title">{title}</h2>} className="rc-section">
      <Chart option={option} label={t('chartLabel', { title, values })} testId={testId} />
      {/* The figures in words too: a suppressed '<5' is never drawn, so it must be readable here. */}
      <p className="rc-chart-caption" aria-hidden="true">
        {values}
      </p>
    </Card>
  );
}

/** Funnel, outcomes, routes and days per step for one jurisdiction. */
export function OverviewCharts({ data }: { data: StatsOverview }) {
  const { t, i18n } = useTranslation(['stats', 'matters']);
  const ind = data.indicators;
  const charts = useMemo(() => {
    const funnelKeys = ['applied', 'accepted', 'decided', 'notified', 'closed'] as const;
    const funnel = funnelKeys.map((k) => ({
      name: t(`funnel.${k}`),
      value: chartValue(ind.funnel[k]),
      text: cellText(ind.funnel[k], i18n.language),
    }));
    const outcomeKeys = ['exempt', 'mitigate', 'refuse'] as const;
    const outcomes = outcomeKeys.map((k) => ({
      name: t(`matters:outcome.${k}`),
      value: chartValue(ind.outcomes[k]),
      text: cellText(ind.outcomes[k], i18n.language),
      itemStyle: { color: OUTCOME_COLOURS[k] },
    }));
    const routeKeys = ['own_application', 'unit_application', 'ex_officio', 'pre_registration'] as const;
    const routes = routeKeys.map((k) => ({
      name: t(`matters:route.${k}`),
      value: chartValue(ind.routes[k]),
      text: cellText(ind.routes[k], i18n.language),
    }));
    const stepKeys = ['acceptance', 'verification', 'decision'] as const;
    const days = stepKeys.map((k) => ({
      name: t(`days.${k}`),
      value: chartValue(ind.daysPerStep[k].averageWorkingDays),
      text: cellText(ind.daysPerStep[k].averageWorkingDays, i18n.language),
    }));
    const words = (list: { name: string; text: string }[]) =>
      list.map((x) => `${x.name} ${x.text}`).join('，');
    const bar = (list: { name: string; value: number | null; text: string }[]): ChartOption => ({
      color: PALETTE,
      grid: { left: 8, right: 24, top: 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: list.map((x) => x.name), inverse: true },
      series: [
        {
          type: 'bar',
          data: list.map((x) => x.value),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => list[p.dataIndex]?.text ?? '',
          },
        },
      ],
    });
    return {
      funnel: {
        option: {
          color: PALETTE,
          tooltip: { trigger: 'item' },
          series: [
            {
              type: 'funnel',
              sort: 'none',
              minSize: '12%',
              left: 8,
              right: 8,
              top: 8,
              bottom: 8,
              // Light segments get dark text: white on the pale blues falls below AA contrast.
              data: funnel.map((x, i) => ({
                name: x.name,
                value: x.value ?? 0,
                label: { color: i >= 2 ? '#12355b' : '#fff' },
              })),
              label: {
                show: true,
                position: 'inside',
                formatter: (p: { dataIndex: number }) =>
                  `${funnel[p.dataIndex]?.name ?? ''} ${funnel[p.dataIndex]?.text ?? ''}`,
              },
            },
          ],
        } satisfies ChartOption,
        values: words(funnel),
      },
      outcomes: {
        option: {
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['40%', '68%'],
              top: 0,
              bottom: 28,
              data: outcomes.filter((x) => x.value !== null),
              // The legend names the slices and the caption gives the figures; labels would not fit a phone.
              label: { show: false },
            },
          ],
        } satisfies ChartOption,
        values: words(outcomes),
      },
      routes: { option: bar(routes), values: words(routes) },
      days: { option: bar(days), values: words(days) },
    };
  }, [data, t, i18n.language]);

  return (
    <Row gutter={[12, 0]}>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('funnel.title')}
          option={charts.funnel.option}
          values={charts.funnel.values}
          testId="chart-funnel"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('outcomes.title')}
          option={charts.outcomes.option}
          values={charts.outcomes.values}
          testId="chart-outcomes"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('routes.title')}
          option={charts.routes.option}
          values={charts.routes.values}
          testId="chart-routes"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('days.title')}
          option={charts.days.option}
          values={charts.days.values}
          testId="chart-days"
        />
      </Col>
    </Row>
  );
}
