import '../../i18n/work.ts';
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { listMatters } from '../../api/matters.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole, MATTER_OPENERS } from '../../auth/roles.ts';
import { EmptyState, ErrorAlert } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { InboxFilters } from './InboxFilters.tsx';
import { inboxQueryToParams, isFiltered, parseInboxQuery, updateInboxQuery } from './inboxQuery.ts';
import { MatterCards, MatterTable } from './MatterList.tsx';
import './matters.css';

/** 容错事项 / 待办: every matter the user may see, soonest deadline first, with filters in the URL. */
export default function InboxPage() {
  const { t } = useTranslation('matters');
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseInboxQuery(params), [params]);
  const key = inboxQueryToParams(query).toString();
  const list = useApi((signal) => listMatters(query, signal), [key]);
  const officer = hasAnyRole(user, ['case_officer']);

  const change = (patch: Parameters<typeof updateInboxQuery>[1]) =>
    setParams(inboxQueryToParams(updateInboxQuery(query, patch)));
  const onPage = (page: number, pageSize: number) => change({ page, pageSize });
  const listSearch = params.toString() ? `?${params.toString()}` : '';
  const empty = isFiltered(query) ? (
    <EmptyState
      description={t('inbox.noMatch')}
      action={<Button onClick={() => setParams(new URLSearchParams())}>{t('inbox.clear')}</Button>}
    />
  ) : (
    <EmptyState description={t('inbox.empty')} />
  );

  const List = isPhone ? MatterCards : MatterTable;
  return (
    <>
      <PageTitle
        title={officer ? t('inbox.titleOfficer') : t('inbox.title')}
        extra={
          hasAnyRole(user, MATTER_OPENERS) ? (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => void navigate('/matters/new')}>
              {t('inbox.new')}
            </Button>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary">{t('inbox.intro')}</Typography.Paragraph>
      <Card className="rc-filter-card" size="small">
        <InboxFilters query={query} onChange={change} />
      </Card>
      <Card className="rc-list-card" size="small">
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <>
            {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
            <List
              data={list.data}
              loading={list.loading}
              onPage={onPage}
              empty={empty}
              listSearch={listSearch}
            />
          </>
        )}
      </Card>
    </>
  );
}
