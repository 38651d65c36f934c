import { Card, Pagination, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CadreListItem, Page } from '../../api/types.ts';
import { formatYearMonth } from '../../format/datetime.ts';
import { Masked, StatusTag } from './labels.tsx';

type Props = {
  data: Page<CadreListItem> | undefined;
  loading: boolean;
  listSearch: string;
  onPage: (page: number, pageSize: number) => void;
  empty: React.ReactNode;
};

/** The phone roster: one card per cadre, the name a link to the detail page. */
export function CadreCards({ data, loading, listSearch, onPage, empty }: Props) {
  const { t, i18n } = useTranslation('roster');
  const items = data?.items ?? [];
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        empty
      ) : (
        <ul className="rc-card-list" data-testid="roster-cards">
          {items.map((cadre) => (
            <li key={cadre.id}>
              <Card size="small" className="rc-cadre-card">
                <div className="rc-cadre-card-head">
                  <Link
                    to={`/cadres/${encodeURIComponent(cadre.id)}`}
                    state={{ listSearch }}
                    className="rc-cadre-card-name"
                  >
                    {cadre.name}
                  </Link>
                  <StatusTag status={cadre.status} />
                </div>
                <div className="rc-cadre-card-line">
                  {cadre.position} · {cadre.unit.name}
                </div>
                <div className="rc-cadre-card-line rc-muted">
                  {t(`gender.${cadre.gender}`)} · {formatYearMonth(cadre.birthMonth, i18n.language)} ·{' '}
                  {t(`party.${cadre.partyMembership}`)}
                  {cadre.rank ? ` · ${cadre.rank}` : ''}
                </div>
                <div className="rc-cadre-card-line">
                  <span className="rc-muted rc-inline-label">{t('fields.idNumber')}</span>
                  <Masked value={cadre.idNumberMasked} />
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
          showTotal={(total) => t('list.total', { count: total })}
        />
      ) : null}
    </Spin>
  );
}
