import '../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole, MATTER_LIST_READERS } from '../../auth/roles.ts';
import { PageLoading } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { DeadlineBadge, MatterStatusTag, OutcomeTag } from './labels.tsx';
import { PartyView } from './PartyView.tsx';
import { useMatter } from './useMatter.ts';
import { Workspace } from './Workspace.tsx';
import './matters.css';

/** Where "back" goes: the list the user came from (with its filters), else their own list. */
function useBack(): { to: string; label: 'detail.back' | 'detail.backMine' } {
  const user = useCurrentUser();
  const state: unknown = useLocation().state;
  const search =
    typeof state === 'object' &&
    state !== null &&
    'listSearch' in state &&
    typeof state.listSearch === 'string'
      ? state.listSearch
      : '';
  if (hasAnyRole(user, MATTER_LIST_READERS))
    return { to: `/matters${search.startsWith('?') ? search : ''}`, label: 'detail.back' };
  return { to: '/my', label: 'detail.backMine' };
}

/** 事项: one matter, drawn for how much this user may see (party, full, outcome, limited). */
export default function MatterPage() {
  const { t } = useTranslation('matters');
  const { id = '' } = useParams();
  const back = useBack();
  const matter = useMatter(id);
  const backLink = (
    <Link to={back.to} className="rc-back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {t(back.label)}
    </Link>
  );

  if (matter.error && !matter.data) {
    return (
      <>
        <PageTitle title={t('detail.loadingTitle')} before={backLink} />
        <ErrorState error={matter.error} onRetry={matter.reload} />
      </>
    );
  }
  if (!matter.data) return <PageLoading />;
  const detail = matter.data;
  const m = detail.matter;
  const tags = (
    <span className="rc-action-bar">
      <MatterStatusTag status={m.status} label={m.statusLabel} />
      <OutcomeTag outcome={m.outcome} />
    </span>
  );
  return (
    <>
      <PageTitle title={m.title} tags={tags} before={backLink} />
      <p className="rc-item-meta" data-testid="matter-number">
        {m.number}
        {m.subject ? ` · ${m.subject.name} · ${m.subject.unitName}` : ''}
        {m.deadline && m.view !== 'party' ? (
          <>
            {' · '}
            <DeadlineBadge deadline={m.deadline} />
          </>
        ) : null}
      </p>
      {m.view === 'party' ? (
        <PartyView detail={detail} onChange={matter.setData} />
      ) : m.view === 'limited' ? (
        <Alert type="warning" showIcon title={t('detail.limited')} />
      ) : (
        <Workspace detail={detail} onChange={matter.setData} />
      )}
    </>
  );
}
