import '../../i18n/work.ts';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  downloadScorecard,
  getScorecard,
  type IndicatorKey,
  type Scorecard,
  type ScorecardQuery,
  type ScorecardRow,
} from '../../api/scorecard.ts';
import { Chart } from '../../components/charts/Chart.tsx';
import type { ChartOption } from '../../components/charts/echarts.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ErrorAlert, PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useApi } from '../../components/useApi.ts';
import { useErrorText } from '../../components/errorText.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatDateTime } from '../../format/datetime.ts';
import '../matters/matters.css';
import './scorecard.css';

type Kind = 'year' | 'quarter' | 'month' | 'range';
type Draft = { kind: Kind; year: string; quarter: string; month: string; from: string; to: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERIOD = /^(\d{4})(?:-Q([1-4])|-(\d{2})|-(\d{2})-(\d{2})\.\.(\d{4}-\d{2}-\d{2}))?$/;

/** The period picker's fields from a period key ('2025', '2025-Q1', '2025-03', 'a..b'). */
function draftOf(key: string, today: string): Draft {
  const year = key.slice(0, 4) || today.slice(0, 4);
  const base: Draft = {
    kind: 'year',
    year,
    quarter: '1',
    month: `${year}-01`,
    from: `${year}-01-01`,
    to: today,
  };
  const m = PERIOD.exec(key);
  if (!m) return base;
  if (m[2]) return { ...base, kind: 'quarter', quarter: m[2] };
  if (m[3]) return { ...base, kind: 'month', month: key };
  if (m[6]) return { ...base, kind: 'range', from: key.slice(0, 10), to: m[6] };
  return base;
}

function keyOf(d: Draft): string {
  if (d.kind === 'quarter') return `${d.year}-Q${d.quarter}`;
  if (d.kind === 'month') return d.month;
  if (d.kind === 'range') return `${d.from}..${d.to}`;
  return d.year;
}

/**
 * 实施力度评价: the counties (or a province's cities) of the viewer's scope, scored and ranked for a
 * period — a ranked chart, the indicator scores as a heat map, the table with every figure, its
 * counts and the definitions behind it; drill into a jurisdiction, go back up, export to Excel.
 */
export default function ScorecardPage() {
  const { t } = useTranslation('scorecard');
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? undefined;
  const scopeParam = params.get('scope');
  const query: ScorecardQuery = {
    period,
    scope: scopeParam && UUID.test(scopeParam) ? scopeParam : undefined,
  };
  const key = JSON.stringify(query);
  const card = useApi((signal) => getScorecard(query, signal), [key]);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [draft, setDraft] = useState<Draft | null>(null);
  const shown = draft ?? draftOf(card.data?.period.key ?? period ?? today.slice(0, 4), today);
  const [exporting, setExporting] = useState(false);

  const go = (next: ScorecardQuery) => {
    const p = new URLSearchParams();
    if (next.period) p.set('period', next.period);
    if (next.scope) p.set('scope', next.scope);
    setParams(p);
  };
  const apply = () => {
    go({ period: keyOf(shown), scope: query.scope ?? card.data?.scope.id });
    setDraft(null);
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadScorecard(
        { period: card.data?.period.key ?? period, scope: card.data?.scope.id ?? query.scope },
        'scorecard.xlsx',
      );
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const years = Array.from({ length: 10 }, (_, i) => String(Number(today.slice(0, 4)) - i));
  const data = card.data;
  let body: React.ReactNode;
  if (card.error && !data) body = <ErrorState error={card.error} onRetry={card.reload} />;
  else if (!data) body = <PageLoading />;
  else
    body = (
      <ScorecardBody
        data={data}
        onOpen={(scope) => go({ period: data.period.key, scope })}
        loadingError={card.error}
        onRetry={card.reload}
      />
    );

  return (
    <>
      <PageTitle title={t('title')} />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card size="small" className="rc-filter-card">
        <Form layout="vertical" className="rc-filters" aria-label={t('filters')} onFinish={apply}>
          <div className="rc-filter-fields">
            <Form.Item label={t('periodKind')} htmlFor="sc-kind">
              <Select
                id="sc-kind"
                value={shown.kind}
                onChange={(kind: Kind) => setDraft({ ...shown, kind })}
                options={(['year', 'quarter', 'month', 'range'] as const).map((k) => ({
                  value: k,
                  label: t(`kinds.${k}`),
                }))}
              />
            </Form.Item>
            {shown.kind === 'year' || shown.kind === 'quarter' ? (
              <Form.Item label={t('year')} htmlFor="sc-year">
                <Select
                  id="sc-year"
                  value={shown.year}
                  onChange={(year: string) => setDraft({ ...shown, year })}
                  options={years.map((y) => ({ value: y, label: y }))}
                />
              </Form.Item>
            ) : null}
            {shown.kind === 'quarter' ? (
              <Form.Item label={t('quarter')} htmlFor="sc-quarter">
                <Select
                  id="sc-quarter"
                  value={shown.quarter}
                  onChange={(quarter: string) => setDraft({ ...shown, quarter })}
                  options={(['1', '2', '3', '4'] as const).map((q) => ({
                    value: q,
                    label: t(`quarters.q${q}`),
                  }))}
                />
              </Form.Item>
            ) : null}
            {shown.kind === 'month' ? (
              <Form.Item label={t('month')} htmlFor="sc-month">
                <Input
                  id="sc-month"
                  type="month"
                  value={shown.month}
                  onChange={(e) => setDraft({ ...shown, month: e.target.value })}
                />
              </Form.Item>
            ) : null}
            {shown.kind === 'range' ? (
              <>
                <Form.Item label={t('from')} htmlFor="sc-from">
                  <Input
                    id="sc-from"
                    type="date"
                    value={shown.from}
                    onChange={(e) => setDraft({ ...shown, from: e.target.value })}
                  />
                </Form.Item>
                <Form.Item label={t('to')} htmlFor="sc-to">
                  <Input
                    id="sc-to"
                    type="date"
                    value={shown.to}
                    onChange={(e) => setDraft({ ...shown, to: e.target.value })}
                  />
                </Form.Item>
              </>
            ) : null}
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit">
                {t('apply')}
              </Button>
            </Form.Item>
            <Form.Item label=" " colon={false}>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void exportXlsx()}
                loading={exporting}
                disabled={!data}
                data-testid="scorecard-export"
              >
                {exporting ? t('exporting') : t('export')}
              </Button>
            </Form.Item>
          </div>
        </Form>
      </Card>
      {body}
    </>
  );
}

type Lang = 'zh' | 'en';

/** A figure with its unit: '64.3%', '12.2', '2.8'; '<5' as it came; '—' for none. */
function figureText(
  value: number | string | null,
  unit: 'per1000' | 'percent' | 'days',
  language: string,
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  const n = value.toLocaleString(language, { maximumFractionDigits: 2 });
  return unit === 'percent' ? `${n}%` : n;
}

function ScorecardBody({
  data,
  onOpen,
  loadingError,
  onRetry,
}: {
  data: Scorecard;
  onOpen: (scope: string) => void;
  loadingError: unknown;
  onRetry: () => void;
}) {
  const { t, i18n } = useTranslation('scorecard');
  const phone = useIsPhone();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const defs = data.definitions.indicators;
  /** Scored indicators with a weight: the table's columns and the heat map's. */
  const weighted = defs.filter((d) => d.direction !== 'neutral' && d.weight > 0);
  const others = defs.filter((d) => !weighted.includes(d));
  const rowName = (r: ScorecardRow) => (r.kind === 'own' ? `${r.name}${t('own')}` : r.name);
  const ranked = data.rows.filter((r) => r.composite !== null);
  /** Whether the rows are scored against each other (not a county seen alone). */
  const compared = data.scope.level !== 'county' || data.rankedOutOf !== null;

  const charts = useMemo(() => {
    const names = ranked.map(rowName);
    const composite: ChartOption = {
      color: ['#1f4e8c'],
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', inverse: true, data: names },
      series: [
        {
          type: 'bar',
          data: ranked.map((r) => r.composite),
          label: { show: true, position: 'right' },
          barMaxWidth: 28,
        },
      ],
    };
    const heatRows = data.rows.filter((r) => r.kind === 'jurisdiction');
    // Only the indicators that tell this set apart (a column nobody is rated on says nothing).
    const heatColumns = weighted.filter((d) =>
      heatRows.some((r) => r.indicators[d.key as IndicatorKey].score !== null),
    );
    const cells = heatRows.flatMap((r, y) =>
      heatColumns.map(
        (d, x) =>
          [x, y, r.indicators[d.key as IndicatorKey].score ?? '-'] as [number, number, number | string],
      ),
    );
    const heatmap: ChartOption = {
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: { position: 'top' },
      xAxis: {
        type: 'category',
        data: heatColumns.map((d) => d.short[lang]),
        axisLabel: { interval: 0, rotate: 30, fontSize: 11 },
      },
      yAxis: { type: 'category', inverse: true, data: heatRows.map(rowName) },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: 100,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: ['100', '0'],
        inRange: { color: ['#f4cfc8', '#f3ead2', '#dce9f5', '#a9c6e8', '#6f9fd8'] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          // The scale stays light enough for dark figures to read on every shade.
          label: { show: true, fontSize: 11, color: '#0b1a2c' },
        },
      ],
    };
    const compositeText = ranked.map((r) => `${rowName(r)} ${r.composite}`).join('；');
    const heatText = heatRows
      .map(
        (r) =>
          `${rowName(r)}：${heatColumns.map((d) => `${d.label[lang]} ${r.indicators[d.key as IndicatorKey].score ?? t('noScore')}`).join('，')}`,
      )
      .join('；');
    return {
      composite,
      heatmap,
      compositeText,
      heatText,
      heatRows: heatRows.length,
      heatColumns: heatColumns.length,
    };
  }, [data, lang]);

  const score = (s: number | null) => (s === null ? t('noScore') : t('score', { score: s }));
  const columns: TableColumnsType<ScorecardRow> = [
    {
      key: 'rank',
      title: t('rank'),
      width: 64,
      align: 'center',
      render: (_, r) => (r.rank === null ? '—' : r.rank),
    },
    {
      key: 'name',
      title: t('jurisdiction'),
      fixed: 'left',
      render: (_, r) =>
        r.drillable ? (
          <Button
            type="link"
            className="rc-sc-drill"
            onClick={() => onOpen(r.id)}
            aria-label={t('drill', { name: rowName(r) })}
          >
            <span data-testid="scorecard-row-name">{rowName(r)}</span>
          </Button>
        ) : (
          <strong data-testid="scorecard-row-name">{rowName(r)}</strong>
        ),
    },
    {
      key: 'composite',
      title: t('composite'),
      align: 'right',
      render: (_, r) => (r.composite === null ? '—' : <strong>{r.composite}</strong>),
    },
    ...weighted.map((d) => ({
      key: d.key,
      title: (
        <span className="rc-sc-head">
          {d.label[lang]}
          {d.unit === 'percent' ? <span className="rc-muted">（%）</span> : null}
        </span>
      ),
      align: 'right' as const,
      render: (_: unknown, r: ScorecardRow) => {
        const ind = r.indicators[d.key as IndicatorKey];
        return (
          <span className="rc-sc-cell">
            <span>{figureText(ind.value, d.unit, i18n.language)}</span>
            {compared && r.kind === 'jurisdiction' && !r.id.endsWith(':total') ? (
              <span className="rc-sc-score">{score(ind.score)}</span>
            ) : null}
          </span>
        );
      },
    })),
    {
      key: 'cadres',
      title: t('cadres'),
      align: 'right',
      render: (_, r) => r.cadres.toLocaleString(i18n.language),
    },
  ];
  const tableRows =
    data.scope.level === 'county'
      ? data.rows
      : [
          ...data.rows,
          {
            ...data.total,
            id: `${data.total.id}:total`,
            drillable: false,
            name: t('totalOf', { name: data.total.name }),
          },
        ];
  const county = data.scope.level === 'county' ? data.rows[0] : undefined;

  const expanded = (r: ScorecardRow) => (
    <div className="rc-sc-detail">
      <h3 className="rc-section-title">{t('shown')}</h3>
      <dl className="rc-sc-list">
        {others.map((d) => (
          <div key={d.key}>
            <dt>{d.label[lang]}</dt>
            <dd>{figureText(r.indicators[d.key as IndicatorKey].value, d.unit, i18n.language)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="rc-section-title">{t('counts')}</h3>
      <dl className="rc-sc-list">
        {data.definitions.cells.map((c) => (
          <div key={c.key}>
            <dt>{c.label[lang]}</dt>
            <dd>{String(r.cells[c.key as keyof ScorecardRow['cells']])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );

  return (
    <div data-testid="scorecard">
      {loadingError ? <ErrorAlert error={loadingError} onRetry={onRetry} /> : null}
      <Breadcrumb
        className="rc-section"
        items={[
          ...(data.parent
            ? [
                {
                  title: (
                    <a
                      href={`?period=${encodeURIComponent(data.period.key)}&scope=${data.parent.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(data.parent!.id);
                      }}
                    >
                      {data.parent.name}
                    </a>
                  ),
                },
              ]
            : []),
          { title: <span data-testid="scorecard-scope">{data.scope.name}</span> },
        ]}
      />
      <Typography.Paragraph>
        <strong data-testid="scorecard-period">{data.period.label[lang]}</strong>
        {data.rankedOutOf && !county ? (
          <span className="rc-muted"> · {t('rankedOutOf', { count: data.rankedOutOf })}</span>
        ) : null}
      </Typography.Paragraph>
      {county && county.rank !== null && data.parent ? (
        <Typography.Paragraph data-testid="scorecard-rank">
          {t('rankIn', {
            parent: data.parent.name,
            count: data.rankedOutOf,
            rank: county.rank,
            score: county.composite,
          })}
        </Typography.Paragraph>
      ) : null}
      {data.suppressed ? <Alert type="info" showIcon title={t('suppressed')} className="rc-section" /> : null}
      {data.scope.level === 'county' && data.rankedOutOf === null ? (
        <Alert type="info" showIcon title={t('alone')} className="rc-section" />
      ) : null}
      {data.scope.level !== 'county' && data.rankedOutOf === null ? (
        <Alert type="warning" showIcon title={t('notRanked')} className="rc-section" />
      ) : null}
      {ranked.length > 0 && !county ? (
        <div className="rc-sc-charts">
          <Card
            size="small"
            title={<h2 className="rc-card-title">{t('compositeChart')}</h2>}
            className="rc-section"
          >
            <Chart
              option={charts.composite}
              label={t('chartLabel', { title: t('compositeChart'), values: charts.compositeText })}
              height={Math.max(160, ranked.length * 36 + 40)}
              testId="scorecard-composite-chart"
            />
          </Card>
          {charts.heatColumns > 0 ? (
            <Card
              size="small"
              title={<h2 className="rc-card-title">{t('heatmapChart')}</h2>}
              className="rc-section"
            >
              <Chart
                option={charts.heatmap}
                label={t('chartLabel', { title: t('heatmapChart'), values: charts.heatText })}
                height={charts.heatRows * 40 + 170}
                testId="scorecard-heatmap"
              />
            </Card>
          ) : null}
        </div>
      ) : null}
      <Card size="small" title={<h2 className="rc-card-title">{t('table')}</h2>} className="rc-section">
        {phone ? (
          // On a phone each jurisdiction is a card: its figures as a list, the rest folded away.
          <div className="rc-sc-cards" data-testid="scorecard-table">
            {tableRows.map((r) => (
              <Card
                key={r.id}
                size="small"
                className="rc-sc-card"
                title={
                  <span className="rc-sc-card-title">
                    <span className="rc-sc-rank">{r.rank === null ? '—' : `#${r.rank}`}</span>
                    {r.drillable ? (
                      <Button
                        type="link"
                        className="rc-sc-drill"
                        onClick={() => onOpen(r.id)}
                        aria-label={t('drill', { name: rowName(r) })}
                      >
                        <span data-testid="scorecard-row-name">{rowName(r)}</span>
                      </Button>
                    ) : (
                      <strong data-testid="scorecard-row-name">{rowName(r)}</strong>
                    )}
                  </span>
                }
                extra={r.composite === null ? null : <strong>{r.composite}</strong>}
              >
                <dl className="rc-sc-list">
                  {weighted.map((d) => {
                    const ind = r.indicators[d.key as IndicatorKey];
                    return (
                      <div key={d.key}>
                        <dt>{d.label[lang]}</dt>
                        <dd>
                          {figureText(ind.value, d.unit, i18n.language)}
                          {compared && r.kind === 'jurisdiction' && !r.id.endsWith(':total') ? (
                            <span className="rc-sc-score"> · {score(ind.score)}</span>
                          ) : null}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
                <Collapse
                  ghost
                  size="small"
                  items={[{ key: 'more', label: t('more'), children: expanded(r) }]}
                />
              </Card>
            ))}
          </div>
        ) : (
          <ScrollRegion label={t('table')}>
            <Table<ScorecardRow>
              rowKey="id"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={tableRows}
              expandable={{ expandedRowRender: expanded }}
              scroll={{ x: 'max-content' }}
              data-testid="scorecard-table"
            />
          </ScrollRegion>
        )}
        <p className="rc-footnote">{t('asOf', { time: formatDateTime(data.asOf) })}</p>
      </Card>
      <Collapse
        className="rc-section"
        items={[
          {
            key: 'definitions',
            label: t('definitions'),
            children: (
              <div className="rc-sc-defs">
                <p>
                  {data.weights.setBy
                    ? t('weightsSet', {
                        name: data.weights.setBy.jurisdiction.name,
                        from: data.weights.setBy.effectiveFrom,
                        reason: data.weights.setBy.reason,
                      })
                    : t('weightsDefault')}
                </p>
                <ScrollRegion label={t('definitions')}>
                  <Table
                    rowKey="key"
                    size="small"
                    pagination={false}
                    dataSource={defs}
                    columns={[
                      { key: 'label', title: t('indicator'), render: (_, d) => d.label[lang] },
                      { key: 'definition', title: t('definition'), render: (_, d) => d.definition[lang] },
                      { key: 'unit', title: t('unit'), width: 96, render: (_, d) => t(`units.${d.unit}`) },
                      {
                        key: 'direction',
                        title: t('direction'),
                        width: 120,
                        render: (_, d) => t(`directions.${d.direction}`),
                      },
                      {
                        key: 'weight',
                        title: t('weight'),
                        align: 'right',
                        render: (_, d) => (d.direction === 'neutral' ? '—' : d.weight),
                      },
                    ]}
                  />
                </ScrollRegion>
                <h3 className="rc-section-title">{t('method')}</h3>
                {data.definitions.method.map((m) => (
                  <p key={m.zh}>{m[lang]}</p>
                ))}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
