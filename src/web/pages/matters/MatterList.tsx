import { Card, Pagination, Spin, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MatterList as MatterListData, MatterSummary } from '../../api/matterTypes.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { matterHref } from '../procedures/registry.tsx';
import { deadlineTone } from './deadline.ts';
import { MATTER_ROUTES } from './inboxQuery.ts';
import { DeadlineBadge, MatterStatusTag, OutcomeTag } from './labels.tsx';

type Props = {
  data: MatterListData | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  empty: ReactNode;
  /** Where "back" on the matter page returns to (this list with its filters). */
  listSearch: string;
};

const toneOf = (m: MatterSummary) => (m.deadline ? deadlineTone(m.deadline) : 'normal');

function MatterLink({ matter, listSearch }: { matter: MatterSummary; listSearch: string }) {
  return (
    <Link
      // Corrections, pre-registrations… open on their own pages (the inbox lists every type).
      to={matterHref(matter.type, matter.id)}
      state={{ listSearch }}
      className="rc-matter-card-title"
    >
      {matter.title}
    </Link>
  );
}

/** The inbox as a table (desktop, tablet): overdue rows marked red, due-soon amber. */
export function MatterTable({ data, loading, onPage, empty, listSearch }: Props) {
  const { t } = useTranslation('matters');
  const columns: TableColumnsType<MatterSummary> = [
    {
      key: 'number',
      title: t('columns.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string) => <span className="rc-nowrap">{n}</span>,
    },
    {
      key: 'title',
      title: t('columns.title'),
      render: (_, m) => (
        <>
          <MatterLink matter={m} listSearch={listSearch} />
          {m.route && (MATTER_ROUTES as readonly string[]).includes(m.route) ? (
            <div className="rc-item-meta">{t(`route.${m.route as 'own_application'}`)}</div>
          ) : null}
        </>
      ),
    },
    {
      key: 'subject',
      title: t('columns.subject'),
      render: (_, m) =>
        m.subject ? (
          <>
            {m.subject.name}
            <div className="rc-item-meta">{m.subject.unitName}</div>
          </>
        ) : (
          '—'
        ),
    },
    {
      key: 'status',
      title: t('columns.status'),
      render: (_, m) => (
        <span className="rc-nowrap">
          <MatterStatusTag status={m.status} label={m.statusLabel} /> <OutcomeTag outcome={m.outcome} />
        </span>
      ),
    },
    {
      key: 'deadline',
      title: t('columns.deadline'),
      render: (_, m) => <DeadlineBadge deadline={m.deadline} />,
    },
    {
      key: 'updatedAt',
      title: t('columns.updatedAt'),
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
      data-testid="inbox-table"
      pagination={
        data && data.total > 0
          ? {
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              onChange: onPage,
              showTotal: (total) => t('inbox.total', { count: total }),
            }
          : false
      }
    />
  );
}

/** The inbox as cards (phones): the same facts, one card each. */
export function MatterCards({ data, loading, onPage, empty, listSearch }: Props) {
  const { t } = useTranslation('matters');
  const items = data?.items ?? [];
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        empty
      ) : (
        <ul className="rc-matter-cards" data-testid="inbox-cards">
          {items.map((m) => (
            <li key={m.id}>
              <Card size="small" className={`rc-matter-card rc-matter-card-${toneOf(m)}`}>
                <div className="rc-matter-card-head">
                  <MatterLink matter={m} listSearch={listSearch} />
                  <MatterStatusTag status={m.status} label={m.statusLabel} />
                </div>
                <div className="rc-matter-card-line rc-muted">
                  {m.number}
                  {m.subject ? ` · ${m.subject.name} · ${m.subject.unitName}` : ''}
                </div>
                <div className="rc-matter-card-line">
                  <DeadlineBadge deadline={m.deadline} /> <OutcomeTag outcome={m.outcome} />
                </div>
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
          showTotal={(total) => t('inbox.total', { count: total })}
        />
      ) : null}
    </Spin>
  );
}
