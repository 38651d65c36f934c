import '../../../i18n/work.ts';
import { CalendarOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Form,
  Pagination,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listSanctions, type SanctionQuery, type SanctionView } from '../../../api/sanctions.ts';
import { useCurrentUser } from '../../../auth/AuthProvider.tsx';
import { hasAnyRole, ROSTER_READERS } from '../../../auth/roles.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { EmptyState } from '../../../components/PageStates.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApi } from '../../../components/useApi.ts';
import { useIsPhone } from '../../../components/useIsPhone.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { useBilingual } from '../../matters/labels.tsx';
import { useProcedureText } from '../text.ts';
import '../../matters/matters.css';
import '../procedures.css';
import '../kit/kit.css';

const FOLLOW_UP_FILTERS = ['missing', 'open', 'done'] as const;
const RUNNING_FILTERS = ['true', 'false'] as const;
const PAGE_SIZE = 20;
type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];
type RunningFilter = (typeof RUNNING_FILTERS)[number];

/** The filters and page, kept in the URL so reloading or going back shows the same list. */
function readQuery(params: URLSearchParams): SanctionQuery {
  const followUp = params.get('followUp');
  const running = params.get('running');
  const page = Number(params.get('page'));
  return {
    followUp: FOLLOW_UP_FILTERS.includes(followUp as FollowUpFilter)
      ? (followUp as FollowUpFilter)
      : undefined,
    running: RUNNING_FILTERS.includes(running as RunningFilter) ? (running as RunningFilter) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: SanctionQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.followUp) params.set('followUp', query.followUp);
  if (query.running) params.set('running', query.running);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

type Text = ReturnType<typeof useProcedureText>;

/** Where the sanction's follow-up stands: a link to each, or that one is due. */
function FollowUpCell({ sanction, text }: { sanction: SanctionView; text: Text }) {
  const pick = useBilingual();
  if (sanction.followUps.length === 0)
    return sanction.followUpDue ? (
      <Tag className="rc-mstatus rc-mstatus-alert">{text('sanctions.due')}</Tag>
    ) : (
      <span className="rc-muted">{text('sanctions.noFollowUp')}</span>
    );
  return (
    <ul className="rc-kit-people">
      {sanction.followUps.map((f) => (
        <li key={f.id}>
          <Link to={`/follow-ups/${encodeURIComponent(f.id)}`}>{f.number}</Link>{' '}
          <span className="rc-muted">{pick(f.statusLabel)}</span>
        </li>
      ))}
    </ul>
  );
}

function InfluenceCell({
  sanction,
  text,
  language,
}: {
  sanction: SanctionView;
  text: Text;
  language: string;
}) {
  const i = sanction.influence;
  return (
    <>
      {i.endsOn
        ? text('sanctions.until', { date: formatLocalDate(i.endsOn, language) })
        : text('sanctions.endless')}
      <div>
        <Tag className={`rc-mstatus rc-mstatus-${i.running ? 'waiting' : 'idle'}`}>
          {text(i.running ? 'sanctions.running' : 'sanctions.over')}
        </Tag>
      </div>
    </>
  );
}

/** The plan button, when the API offers it for this sanction. */
function PlanButton({ sanction, text }: { sanction: SanctionView; text: Text }) {
  const navigate = useNavigate();
  const pick = useBilingual();
  const step = sanction.allowedActions.find((a) => a.action === 'plan_follow_up');
  if (!step) return null;
  return (
    <Button
      size="small"
      type="primary"
      icon={<CalendarOutlined />}
      onClick={() => void navigate(`/follow-ups/new?sanction=${encodeURIComponent(sanction.id)}`)}
      data-testid={`plan-${sanction.id}`}
      aria-label={text('sanctions.planFor', { name: sanction.cadre.name, action: pick(step.label) })}
    >
      {pick(step.label)}
    </Button>
  );
}

function CadreName({ sanction }: { sanction: SanctionView }) {
  const user = useCurrentUser();
  return hasAnyRole(user, ROSTER_READERS) ? (
    <Link to={`/cadres/${encodeURIComponent(sanction.cadre.id)}`}>{sanction.cadre.name}</Link>
  ) : (
    <>{sanction.cadre.name}</>
  );
}

/**
 * 处分与回访: the sanctions recorded against cadres in the user's scope, newest first, with the
 * influence period each runs and where its follow-up visit stands; filter by "visit still to plan /
 * under way / sent" and by whether the period still runs. A visit is planned from here.
 */
export default function SanctionsPage() {
  const text = useProcedureText('follow_up');
  const { i18n } = useTranslation();
  const language = i18n.language;
  const pick = useBilingual();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const key = writeQuery(query).toString();
  const list = useApi((signal) => listSanctions(query, signal), [key]);
  const change = (patch: Partial<SanctionQuery>) => setParams(writeQuery({ ...query, page: 1, ...patch }));
  const filtered = Boolean(query.followUp || query.running);
  const empty = filtered ? (
    <EmptyState
      description={text('sanctions.noMatch')}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{text.common('list.clear')}</Button>}
    />
  ) : (
    <EmptyState description={text('sanctions.empty')} />
  );
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const columns: TableColumnsType<SanctionView> = [
    {
      key: 'cadre',
      title: text('sanctions.columns.cadre'),
      render: (_, s) => (
        <>
          <CadreName sanction={s} />
          <div className="rc-item-meta">
            {s.cadre.unitName} · {s.cadre.position}
          </div>
        </>
      ),
    },
    {
      key: 'type',
      title: text('sanctions.columns.type'),
      render: (_, s) => (
        <>
          {pick(s.typeLabel)}
          <div className="rc-item-meta">{pick(s.categoryLabel)}</div>
        </>
      ),
    },
    {
      key: 'effectiveOn',
      title: text('sanctions.columns.effectiveOn'),
      render: (_, s) => <span className="rc-nowrap">{formatLocalDate(s.effectiveOn, language)}</span>,
    },
    {
      key: 'influence',
      title: text('sanctions.columns.influence'),
      render: (_, s) => <InfluenceCell sanction={s} text={text} language={language} />,
    },
    {
      key: 'followUp',
      title: text('sanctions.columns.followUp'),
      render: (_, s) => <FollowUpCell sanction={s} text={text} />,
    },
    {
      key: 'action',
      title: text('sanctions.columns.action'),
      render: (_, s) => <PlanButton sanction={s} text={text} />,
    },
  ];

  const filters = (
    <Form layout="vertical" className="rc-filters" role="search" aria-label={text.common('filters.region')}>
      <div className="rc-filter-fields">
        <Form.Item label={text('sanctions.filters.followUp')} htmlFor="sanction-follow-up">
          <Select<FollowUpFilter>
            id="sanction-follow-up"
            value={query.followUp}
            allowClear
            placeholder={text.common('filters.any')}
            onChange={(followUp) => change({ followUp })}
            options={FOLLOW_UP_FILTERS.map((value) => ({
              value,
              label: text(`sanctions.filters.followUps.${value}`),
            }))}
            data-testid="filter-follow-up"
          />
        </Form.Item>
        <Form.Item label={text('sanctions.filters.running')} htmlFor="sanction-running">
          <Select<RunningFilter>
            id="sanction-running"
            value={query.running}
            allowClear
            placeholder={text.common('filters.any')}
            onChange={(running) => change({ running })}
            options={RUNNING_FILTERS.map((value) => ({
              value,
              label: text(`sanctions.filters.runnings.${value}`),
            }))}
            data-testid="filter-running"
          />
        </Form.Item>
      </div>
    </Form>
  );

  return (
    <div className="rc-proc">
      <PageTitle title={text('sanctions.title')} />
      <Typography.Paragraph type="secondary">{text('sanctions.intro')}</Typography.Paragraph>
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
              <ul className="rc-matter-cards" data-testid="sanction-cards">
                {items.map((s) => (
                  <li key={s.id}>
                    <Card size="small" className="rc-matter-card">
                      <div className="rc-matter-card-head">
                        <strong className="rc-matter-card-title">
                          <CadreName sanction={s} />
                        </strong>
                        <span>{pick(s.typeLabel)}</span>
                      </div>
                      <div className="rc-matter-card-line rc-muted">
                        {s.cadre.unitName} ·{' '}
                        {text('sanctions.effectiveLine', { date: formatLocalDate(s.effectiveOn, language) })}
                      </div>
                      <div className="rc-matter-card-line">
                        <InfluenceCell sanction={s} text={text} language={language} />
                      </div>
                      <div className="rc-matter-card-line">
                        <FollowUpCell sanction={s} text={text} />
                      </div>
                      <div className="rc-matter-card-line">
                        <PlanButton sanction={s} text={text} />
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
          <Table<SanctionView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.loading}
            locale={{ emptyText: empty }}
            scroll={{ x: 900 }}
            data-testid="sanction-table"
            pagination={
              total > 0
                ? {
                    current: query.page,
                    pageSize: PAGE_SIZE,
                    total,
                    onChange: (page) => change({ page }),
                    showTotal: (n) => text.common('list.total', { count: n }),
                  }
                : false
            }
          />
        )}
      </Card>
    </div>
  );
}
