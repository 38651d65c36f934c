import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CadreListItem, Page } from '../../api/types.ts';
import { formatYearMonth } from '../../format/datetime.ts';
import { Masked, StatusTag } from './labels.tsx';
import { PAGE_SIZES } from './rosterQuery.ts';

type Props = {
  data: Page<CadreListItem> | undefined;
  loading: boolean;
  /** The list's query string, handed to the detail page so "back" returns to the same list. */
  listSearch: string;
  onPage: (page: number, pageSize: number) => void;
  empty: React.ReactNode;
  /** Users above county level see several counties, where unit names repeat; name the place. */
  wideScope: boolean;
};

/** The desktop roster table; pagination is on the server. */
export function CadreTable({ data, loading, listSearch, onPage, empty, wideScope }: Props) {
  const { t, i18n } = useTranslation('roster');
  const columns: TableProps<CadreListItem>['columns'] = [
    {
      key: 'name',
      title: t('fields.name'),
      dataIndex: 'name',
      fixed: 'start',
      render: (_, cadre) => (
        <Link to={`/cadres/${encodeURIComponent(cadre.id)}`} state={{ listSearch }}>
          {cadre.name}
        </Link>
      ),
    },
    { key: 'gender', title: t('fields.gender'), render: (_, c) => t(`gender.${c.gender}`) },
    {
      key: 'birthMonth',
      title: t('fields.birthMonth'),
      responsive: ['lg'],
      render: (_, c) => formatYearMonth(c.birthMonth, i18n.language),
    },
    { key: 'unit', title: t('fields.unit'), render: (_, c) => c.unit.name },
    { key: 'position', title: t('fields.position'), dataIndex: 'position' },
    { key: 'rank', title: t('fields.rank'), dataIndex: 'rank', responsive: ['xl'] },
    { key: 'party', title: t('fields.party'), render: (_, c) => t(`party.${c.partyMembership}`) },
    { key: 'status', title: t('fields.status'), render: (_, c) => <StatusTag status={c.status} /> },
    { key: 'idNumber', title: t('fields.idNumber'), render: (_, c) => <Masked value={c.idNumberMasked} /> },
    {
      key: 'jurisdiction',
      title: t('fields.jurisdiction'),
      responsive: wideScope ? undefined : ['xxl'],
      render: (_, c) => c.jurisdiction.name,
    },
  ];

  return (
    <Table<CadreListItem>
      rowKey="id"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      size="middle"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: loading ? ' ' : empty }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (total) => t('list.total', { count: total }),
        onChange: onPage,
      }}
      data-testid="roster-table"
    />
  );
}
