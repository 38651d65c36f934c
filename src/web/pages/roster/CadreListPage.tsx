import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { exportCadres, listCadres } from '../../api/endpoints.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole, ROSTER_EXPORTERS, ROSTER_IMPORTERS } from '../../auth/roles.ts';
import { useErrorText } from '../../components/errorText.ts';
import { EmptyState, ErrorAlert } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { CadreCards } from './CadreCards.tsx';
import { CadreFilters } from './CadreFilters.tsx';
import { CadreTable } from './CadreTable.tsx';
import {
  activeFilterCount,
  filtersOf,
  parseRosterQuery,
  rosterQueryToParams,
  updateRosterQuery,
} from './rosterQuery.ts';

/** 干部名册: search, filter, page through and export the cadres in the user's scope. */
export default function CadreListPage() {
  const { t } = useTranslation('roster');
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseRosterQuery(params), [params]);
  const queryKey = rosterQueryToParams(query).toString();
  const list = useApi((signal) => listCadres(query, signal), [queryKey]);
  const [exporting, setExporting] = useState(false);

  const change = (patch: Parameters<typeof updateRosterQuery>[1]) =>
    setParams(rosterQueryToParams(updateRosterQuery(query, patch)));
  const onPage = (page: number, pageSize: number) => change({ page, pageSize });
  const filtered = Boolean(query.q) || activeFilterCount(query) > 0;

  const runExport = () => {
    setExporting(true);
    exportCadres(filtersOf(query), t('export.fileName'))
      .then(() => message.success(t('export.started')))
      .catch((error: unknown) => message.error(errorText(error)))
      .finally(() => setExporting(false));
  };

  const empty = filtered ? (
    <EmptyState
      description={t('list.noMatch')}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{t('filters.clearAll')}</Button>}
    />
  ) : (
    <EmptyState
      description={t('list.empty')}
      action={
        hasAnyRole(user, ROSTER_IMPORTERS) ? <Link to="/cadres/import">{t('list.goImport')}</Link> : undefined
      }
    />
  );

  const listSearch = params.toString() ? `?${params.toString()}` : '';
  const body =
    list.error && !list.data ? (
      <ErrorState error={list.error} onRetry={list.reload} />
    ) : (
      <>
        {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        {isPhone ? (
          <CadreCards
            data={list.data}
            loading={list.loading}
            listSearch={listSearch}
            onPage={onPage}
            empty={empty}
          />
        ) : (
          <CadreTable
            data={list.data}
            loading={list.loading}
            listSearch={listSearch}
            onPage={onPage}
            empty={empty}
            wideScope={user.roles.some(
              (g) => g.jurisdiction.level === 'province' || g.jurisdiction.level === 'city',
            )}
          />
        )}
      </>
    );

  return (
    <>
      <PageTitle
        title={t('list.title')}
        extra={
          <>
            {hasAnyRole(user, ROSTER_IMPORTERS) ? (
              <Button icon={<CloudUploadOutlined />} onClick={() => void navigate('/cadres/import')}>
                {t('list.import')}
              </Button>
            ) : null}
            {hasAnyRole(user, ROSTER_EXPORTERS) ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={runExport}
                loading={exporting}
                disabled={!list.data || list.data.total === 0}
                data-testid="roster-export"
              >
                {t('export.button')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="rc-filter-card" size="small">
        <CadreFilters query={query} onChange={change} />
      </Card>
      <Card className="rc-list-card" size="small">
        {body}
      </Card>
    </>
  );
}
