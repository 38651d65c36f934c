import '../../i18n/work.ts';
import { FileAddOutlined, FilterOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Form,
  Input,
  Pagination,
  Select,
  Spin,
  Switch,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listMatters } from '../../api/matters.ts';
import type { MatterList, MatterSummary } from '../../api/matterTypes.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole } from '../../auth/roles.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState, ErrorAlert } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { deadlineTone } from '../matters/deadline.ts';
import { DeadlineBadge, useBilingual } from '../matters/labels.tsx';
import {
  isFiltered,
  listStateToParams,
  parseListState,
  toInboxQuery,
  updateListState,
  type ListState,
} from './listQuery.ts';
import { ProcedureStatusTag } from './parts/StatusTag.tsx';
import { useProcedureText } from './text.ts';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';
import '../matters/matters.css';
import './procedures.css';

const toneOf = (m: MatterSummary) => (m.deadline ? deadlineTone(m.deadline) : 'normal');

/** What the list needs of a config (none of it depends on the procedure's detail type). */
type ListConfig = Pick<
  ProcedureConfig<ProcedureDetail>,
  'type' | 'path' | 'states' | 'tones' | 'listSubject'
>;

type ListProps = {
  config: ListConfig;
  data: MatterList | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  empty: React.ReactNode;
  listSearch: string;
};

function TitleLink({
  path,
  matter,
  listSearch,
}: {
  path: string;
  matter: MatterSummary;
  listSearch: string;
}) {
  return (
    <Link
      to={`${path}/${encodeURIComponent(matter.id)}`}
      state={{ listSearch }}
      className="rc-matter-card-title"
    >
      {matter.title}
    </Link>
  );
}

function ListTable({ config, data, loading, onPage, empty, listSearch }: ListProps) {
  const text = useProcedureText(config.type);
  const columns: TableColumnsType<MatterSummary> = [
    {
      key: 'number',
      title: text.common('columns.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string) => <span className="rc-nowrap">{n}</span>,
    },
    {
      key: 'title',
      title: text.common('columns.title'),
      render: (_, m) => <TitleLink path={config.path} matter={m} listSearch={listSearch} />,
    },
    {
      key: 'subject',
      // A procedure may name the column its own way (事前报备: who filed).
      title: text.has('columns.subject') ? text('columns.subject') : text.common('columns.subject'),
      render: (_, m) =>
        m.subject ? (
          <>
            {m.subject.name}
            <div className="rc-item-meta">{m.subject.unitName}</div>
          </>
        ) : (
          (config.listSubject?.(m, text) ?? '—')
        ),
    },
    {
      key: 'status',
      title: text.common('columns.status'),
      render: (_, m) => <ProcedureStatusTag status={m.status} label={m.statusLabel} tones={config.tones} />,
    },
    {
      key: 'deadline',
      title: text.common('columns.deadline'),
      render: (_, m) => <DeadlineBadge deadline={m.deadline} />,
    },
    {
      key: 'updatedAt',
      title: text.common('columns.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (v: string) => <span className="rc-nowrap">{formatDateTime(v)}</span>,
    },
  ];
  return (
    <Table<MatterSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: empty }}
      rowClassName={(m) => `rc-row-${toneOf(m)}`}
      scroll={{ x: 900 }}
      data-testid="procedure-table"
      pagination={
        data && data.total > 0
          ? {
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              onChange: onPage,
              showTotal: (total) => text.common('list.total', { count: total }),
            }
          : false
      }
    />
  );
}

function ListCards({ config, data, loading, onPage, empty, listSearch }: ListProps) {
  const text = useProcedureText(config.type);
  const items = data?.items ?? [];
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        empty
      ) : (
        <ul className="rc-matter-cards" data-testid="procedure-cards">
          {items.map((m) => (
            <li key={m.id}>
              <Card size="small" className={`rc-matter-card rc-matter-card-${toneOf(m)}`}>
                <div className="rc-matter-card-head">
                  <TitleLink path={config.path} matter={m} listSearch={listSearch} />
                  <ProcedureStatusTag status={m.status} label={m.statusLabel} tones={config.tones} />
                </div>
                <div className="rc-matter-card-line rc-muted">
                  {m.number}
                  {m.subject
                    ? ` · ${m.subject.name} · ${m.subject.unitName}`
                    : config.listSubject?.(m, text)
                      ? ` · ${config.listSubject(m, text)}`
                      : ''}
                </div>
                {m.deadline ? (
                  <div className="rc-matter-card-line">
                    <DeadlineBadge deadline={m.deadline} />
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > 0 ? (
        <Pagination
          className="rc-card-pagination"
          simple
          current={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={onPage}
          showTotal={(total) => text.common('list.total', { count: total })}
        />
      ) : null}
    </Spin>
  );
}

function Filters({
  config,
  state,
  onChange,
}: {
  config: ListConfig;
  state: ListState;
  onChange: (patch: Partial<ListState>) => void;
}) {
  const text = useProcedureText(config.type);
  const pick = useBilingual();
  const isPhone = useIsPhone();
  const [q, setQ] = useState(state.q ?? '');
  useEffect(() => setQ(state.q ?? ''), [state.q]);
  const count = [state.status, state.overdueOnly].filter(Boolean).length;
  const [open, setOpen] = useState(count > 0);
  const fields = (
    <>
      <Form.Item label={text.common('filters.status')} htmlFor="proc-status">
        <Select<string>
          id="proc-status"
          value={state.status}
          onChange={(status) => onChange({ status })}
          allowClear
          placeholder={text.common('filters.any')}
          options={Object.entries(config.states).map(([value, label]) => ({ value, label: pick(label) }))}
          data-testid="filter-status"
        />
      </Form.Item>
      <Form.Item label={text.common('filters.overdueOnly')} htmlFor="proc-overdue">
        <Switch
          id="proc-overdue"
          checked={state.overdueOnly === true}
          onChange={(on) => onChange({ overdueOnly: on })}
          data-testid="filter-overdue"
        />
      </Form.Item>
    </>
  );
  return (
    <Form layout="vertical" className="rc-filters" role="search" aria-label={text.common('filters.region')}>
      <Form.Item label={text.common('filters.search')} htmlFor="proc-q" className="rc-filter-search">
        <Input.Search
          id="proc-q"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          placeholder={text.common('filters.searchPlaceholder')}
          allowClear
          enterButton={text.common('filters.search')}
        />
      </Form.Item>
      {isPhone ? (
        <div className="rc-filter-toggle">
          <Badge count={count} size="small">
            <Button
              icon={<FilterOutlined />}
              onClick={() => setOpen((v) => !v)}
              aria-expanded={open}
              aria-controls="proc-filter-fields"
            >
              {text.common('filters.toggle')}
            </Button>
          </Badge>
        </div>
      ) : null}
      {!isPhone || open ? (
        <div id="proc-filter-fields" className="rc-filter-fields">
          {fields}
        </div>
      ) : null}
    </Form>
  );
}

/**
 * A procedure's list: every matter of its type the user may see (the server scopes it: the commission
 * its jurisdiction, the unit its own, the cadre theirs), soonest deadline first, with status and
 * "overdue only" filters kept in the URL, and the create button for those who may open one.
 */
export function ProcedureListPage<D extends ProcedureDetail>({ config }: { config: ProcedureConfig<D> }) {
  const text = useProcedureText(config.type);
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const statuses = useMemo(() => Object.keys(config.states), [config.states]);
  const state = useMemo(() => parseListState(params, statuses), [params, statuses]);
  const key = listStateToParams(state).toString();
  const list = useApi((signal) => listMatters(toInboxQuery(config.type, state), signal), [key, config.type]);
  const change = (patch: Partial<ListState>) => setParams(listStateToParams(updateListState(state, patch)));
  const listSearch = params.toString() ? `?${params.toString()}` : '';
  const canCreate = config.create && config.createRoles && hasAnyRole(user, config.createRoles);
  const empty = isFiltered(state) ? (
    <EmptyState
      description={text.common('list.noMatch')}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{text.common('list.clear')}</Button>}
    />
  ) : (
    <EmptyState description={text('empty')} />
  );
  const props: ListProps = {
    config,
    data: list.data,
    loading: list.loading,
    onPage: (page, pageSize) => change({ page, pageSize }),
    empty,
    listSearch,
  };

  return (
    <div className="rc-proc">
      <PageTitle
        title={text('listTitle')}
        extra={
          canCreate ? (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => void navigate(`${config.path}/new`)}
              data-testid="procedure-new"
            >
              {text('new')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{text('intro')}</Typography.Paragraph>
      <Card className="rc-filter-card" size="small">
        <Filters config={config} state={state} onChange={change} />
      </Card>
      <Card className="rc-list-card" size="small">
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <>
            {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
            {isPhone ? <ListCards {...props} /> : <ListTable {...props} />}
          </>
        )}
      </Card>
    </div>
  );
}
