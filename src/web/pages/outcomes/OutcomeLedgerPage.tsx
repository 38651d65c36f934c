import '../../i18n/work.ts';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Pagination,
  Select,
  Spin,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  exportLedger,
  listLedger,
  type LedgerFilters,
  type LedgerStatus,
  type OutcomeEntry,
} from '../../api/outcomes.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useErrorText } from '../../components/errorText.ts';
import { EmptyState } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { LEDGER_KINDS, type LedgerKind } from '../../../domain/outcome-ledger/effects.ts';
import { useBilingual } from '../matters/labels.tsx';
import { DatesCell, EffectsList, KindTag, SourceCell, StatusTag } from './parts.tsx';
import '../matters/matters.css';
import '../procedures/procedures.css';
import './outcomes.css';

const PAGE_SIZE = 20;
const STATUSES: readonly LedgerStatus[] = ['in_force', 'superseded'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Query = LedgerFilters & { page: number };

/** The filters and page, kept in the URL so reloading or going back shows the same list. */
function readQuery(params: URLSearchParams): Query {
  const kind = params.get('kind');
  const status = params.get('status');
  const page = Number(params.get('page'));
  const date = (name: string) => {
    const v = params.get(name);
    return v && DATE.test(v) ? v : undefined;
  };
  return {
    kind: LEDGER_KINDS.includes(kind as LedgerKind) ? (kind as LedgerKind) : undefined,
    q: params.get('q')?.trim() || undefined,
    status: STATUSES.includes(status as LedgerStatus) ? (status as LedgerStatus) : undefined,
    from: date('from'),
    to: date('to'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function writeQuery(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['kind', 'q', 'status', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

const filtersOf = ({ page: _page, ...filters }: Query): LedgerFilters => filters;

function CadreCell({ entry }: { entry: OutcomeEntry }) {
  return (
    <>
      <Link to={`/cadres/${encodeURIComponent(entry.cadre.id)}`}>{entry.cadre.name}</Link>
      <div className="rc-item-meta">
        {entry.cadre.unitName}
        {entry.cadre.position ? ` · ${entry.cadre.position}` : ''}
      </div>
    </>
  );
}

/**
 * 结果运用台账: the organisation department's record of every outcome about the cadres of its
 * jurisdictions — filter by kind, name, status and date, export what is shown to Excel.
 */
export default function OutcomeLedgerPage() {
  const { t } = useTranslation('outcomes');
  const pick = useBilingual();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const key = writeQuery(query).toString();
  const list = useApi(
    (signal) => listLedger({ ...filtersOf(query), page: query.page, pageSize: PAGE_SIZE }, signal),
    [key],
  );
  const [name, setName] = useState(query.q ?? '');
  const [exporting, setExporting] = useState(false);
  useEffect(() => setName(query.q ?? ''), [query.q]);

  const change = (patch: Partial<Query>) => setParams(writeQuery({ ...query, page: 1, ...patch }));
  const filtered = Boolean(query.kind || query.q || query.status || query.from || query.to);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const runExport = () => {
    setExporting(true);
    exportLedger(filtersOf(query), t('ledger.fileName'))
      .then(() => message.success(t('ledger.exportStarted')))
      .catch((error: unknown) => message.error(errorText(error)))
      .finally(() => setExporting(false));
  };

  const empty = filtered ? (
    <EmptyState
      description={t('ledger.noMatch')}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{t('ledger.clear')}</Button>}
    />
  ) : (
    <EmptyState description={t('ledger.empty')} />
  );

  const columns: TableColumnsType<OutcomeEntry> = [
    { key: 'cadre', title: t('columns.cadre'), width: 140, render: (_, e) => <CadreCell entry={e} /> },
    { key: 'kind', title: t('columns.kind'), width: 100, render: (_, e) => <KindTag entry={e} /> },
    {
      key: 'result',
      title: t('columns.result'),
      width: 150,
      render: (_, e) => <strong>{pick(e.headline)}</strong>,
    },
    // The effects are what the department acts on: the column that takes the rest of the width.
    { key: 'effects', title: t('columns.effects'), render: (_, e) => <EffectsList entry={e} /> },
    { key: 'dates', title: t('columns.dates'), width: 140, render: (_, e) => <DatesCell entry={e} /> },
    {
      key: 'source',
      title: t('columns.source'),
      width: 160,
      render: (_, e) => <SourceCell entry={e} link />,
    },
    { key: 'status', title: t('columns.status'), width: 84, render: (_, e) => <StatusTag entry={e} /> },
  ];

  const filters = (
    <Form layout="vertical" className="rc-ledger-filters" role="search" aria-label={t('filters.region')}>
      <Form.Item label={t('filters.name')} htmlFor="ledger-name">
        <Input.Search
          id="ledger-name"
          value={name}
          allowClear
          placeholder={t('filters.namePlaceholder')}
          enterButton={<SearchOutlined aria-label={t('filters.search')} />}
          onChange={(e) => setName(e.target.value)}
          onSearch={(value) => change({ q: value.trim() || undefined })}
          maxLength={50}
          data-testid="ledger-filter-name"
        />
      </Form.Item>
      <Form.Item label={t('filters.kind')} htmlFor="ledger-kind">
        <Select<LedgerKind>
          id="ledger-kind"
          value={query.kind}
          allowClear
          placeholder={t('filters.any')}
          onChange={(kind) => change({ kind })}
          options={LEDGER_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          data-testid="ledger-filter-kind"
        />
      </Form.Item>
      <Form.Item label={t('filters.status')} htmlFor="ledger-status">
        <Select<LedgerStatus>
          id="ledger-status"
          value={query.status}
          allowClear
          placeholder={t('filters.any')}
          onChange={(status) => change({ status })}
          options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          data-testid="ledger-filter-status"
        />
      </Form.Item>
      <Form.Item label={`${t('filters.dates')} · ${t('filters.from')}`} htmlFor="ledger-from">
        <Input
          id="ledger-from"
          type="date"
          value={query.from ?? ''}
          onChange={(e) => change({ from: DATE.test(e.target.value) ? e.target.value : undefined })}
          data-testid="ledger-filter-from"
        />
      </Form.Item>
      <Form.Item label={`${t('filters.dates')} · ${t('filters.to')}`} htmlFor="ledger-to">
        <Input
          id="ledger-to"
          type="date"
          value={query.to ?? ''}
          onChange={(e) => change({ to: DATE.test(e.target.value) ? e.target.value : undefined })}
          data-testid="ledger-filter-to"
        />
      </Form.Item>
    </Form>
  );

  return (
    <div className="rc-proc">
      <PageTitle
        title={t('ledger.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={runExport}
            loading={exporting}
            disabled={total === 0}
            data-testid="ledger-export"
          >
            {t('ledger.export')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('ledger.intro')}</Typography.Paragraph>
      <Card className="rc-filter-card" size="small">
        {filters}
      </Card>
      <Card className="rc-list-card" size="small">
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : isPhone ? (
          <Spin spinning={list.loading}>
            {items.length === 0 && !list.loading ? (
              empty
            ) : (
              <ul className="rc-matter-cards" data-testid="ledger-cards">
                {items.map((e) => (
                  <li key={e.id}>
                    <Card size="small" className="rc-matter-card">
                      <div className="rc-matter-card-head">
                        <strong className="rc-matter-card-title">
                          <CadreCell entry={e} />
                        </strong>
                        <KindTag entry={e} />
                      </div>
                      <div className="rc-matter-card-line">
                        <strong>{pick(e.headline)}</strong> <StatusTag entry={e} />
                      </div>
                      <div className="rc-matter-card-line">
                        <EffectsList entry={e} />
                      </div>
                      <div className="rc-matter-card-line rc-muted">
                        <DatesCell entry={e} />
                      </div>
                      <div className="rc-matter-card-line">
                        <SourceCell entry={e} link />
                      </div>
                    </Card>
                  </li>
                ))}
              </ul>
            )}
            {total > 0 ? (
              <Pagination
                className="rc-card-pagination"
                simple
                current={query.page}
                pageSize={PAGE_SIZE}
                total={total}
                onChange={(page) => change({ page })}
              />
            ) : null}
          </Spin>
        ) : (
          <Table<OutcomeEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.loading}
            locale={{ emptyText: empty }}
            scroll={{ x: 1060 }}
            rowClassName={(e) => (e.inForce ? '' : 'rc-ledger-superseded')}
            data-testid="ledger-table"
            pagination={
              total > 0
                ? {
                    current: query.page,
                    pageSize: PAGE_SIZE,
                    total,
                    onChange: (page) => change({ page }),
                    showTotal: (n) => t('ledger.total', { count: n }),
                  }
                : false
            }
          />
        )}
      </Card>
    </div>
  );
}
