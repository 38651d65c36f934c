import '../../i18n/work.ts';
import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPolicies, type PolicySummary } from '../../api/admin.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatLocalDate } from '../../format/localDate.ts';

/** The version before `p` of the same policy, if any (what "compare" compares with). */
export function previousVersion(all: readonly PolicySummary[], p: PolicySummary): string | null {
  const earlier = all
    .filter((x) => x.id === p.id && x.version < p.version)
    .map((x) => x.version)
    .sort();
  return earlier.at(-1) ?? null;
}

/** 容错政策: every policy version, by jurisdiction, with what it inherits. */
export default function PoliciesPage() {
  const { t, i18n } = useTranslation('admin');
  const en = i18n.language === 'en';
  const list = useApi((signal) => listPolicies(signal), []);
  const items = list.data?.items ?? [];
  const columns: TableColumnsType<PolicySummary> = [
    {
      key: 'title',
      title: t('policies.policy'),
      render: (_, p) => (
        <>
          <Link to={`/policies/${encodeURIComponent(p.id)}/${p.version}`}>
            {en ? p.title.en : p.title.zh}
          </Link>
          <div className="rc-item-meta">{en ? p.issuedBy.en : p.issuedBy.zh}</div>
        </>
      ),
    },
    {
      key: 'jurisdiction',
      title: t('policies.jurisdiction'),
      render: (_, p) => p.jurisdiction ?? t('policies.national'),
    },
    {
      key: 'version',
      title: t('policies.version'),
      render: (_, p) => <span className="rc-nowrap">{formatLocalDate(p.version, i18n.language)}</span>,
    },
    {
      key: 'parent',
      title: t('policies.parent'),
      render: (_, p) => (p.parent ? `${p.parent.id} · ${p.parent.version}` : '—'),
    },
    {
      key: 'compare',
      title: '',
      render: (_, p) => {
        const previous = previousVersion(items, p);
        return previous ? (
          <Link to={`/policies/${encodeURIComponent(p.id)}/${p.version}?compare=${previous}`}>
            {t('policies.compare')}
          </Link>
        ) : null;
      },
    },
  ];
  return (
    <>
      <PageTitle title={t('policies.title')} />
      <p className="rc-field-help">{t('policies.intro')}</p>
      <Card size="small" className="rc-list-card">
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <Table<PolicySummary>
            rowKey={(p) => `${p.id}@${p.version}`}
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.loading}
            pagination={false}
            scroll={{ x: 760 }}
            data-testid="policies-table"
          />
        )}
      </Card>
    </>
  );
}
