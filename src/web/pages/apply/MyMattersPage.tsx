import '../../i18n/work.ts';
import { FormOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listMatters } from '../../api/matters.ts';
import { EmptyState } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { DeadlineBadge, MatterStatusTag, OutcomeTag } from '../matters/labels.tsx';
import '../matters/matters.css';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { OutcomeLedgerBlock } from '../outcomes/OutcomeLedgerBlock.tsx';

/** 我的申请: the cadre's own matters (drafts included), each with its stage and next deadline. */
export default function MyMattersPage() {
  const { t } = useTranslation('matters');
  const navigate = useNavigate();
  const user = useCurrentUser();
  const list = useApi((signal) => listMatters({ type: 'tolerance', page: 1, pageSize: 100 }, signal), []);
  const apply = (
    <Button type="primary" size="large" icon={<FormOutlined />} onClick={() => void navigate('/apply')}>
      {t('mine.apply')}
    </Button>
  );
  let body: React.ReactNode;
  if (list.error && !list.data) body = <ErrorState error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <PageLoading />;
  else if (list.data.items.length === 0) body = <EmptyState description={t('mine.empty')} action={apply} />;
  else
    body = (
      <ul className="rc-matter-cards" data-testid="my-matters">
        {list.data.items.map((m) => (
          <li key={m.id}>
            <Card size="small" className="rc-matter-card">
              <div className="rc-matter-card-head">
                <Link
                  to={
                    m.status === 'draft'
                      ? `/apply/${encodeURIComponent(m.id)}`
                      : `/matters/${encodeURIComponent(m.id)}`
                  }
                  className="rc-matter-card-title"
                >
                  {m.title}
                </Link>
                <MatterStatusTag status={m.status} label={m.statusLabel} />
              </div>
              <div className="rc-matter-card-line rc-muted">
                {m.number} · {formatDateTime(m.createdAt)}
              </div>
              {m.deadline || m.outcome ? (
                <div className="rc-matter-card-line">
                  {m.deadline ? <DeadlineBadge deadline={m.deadline} /> : null}{' '}
                  <OutcomeTag outcome={m.outcome} />
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
    );
  return (
    <div className="rc-party">
      <PageTitle title={t('mine.title')} extra={list.data && list.data.items.length > 0 ? apply : null} />
      {body}
      {/* 我的结果运用记录: what each outcome means for the cadre, in plain words. */}
      {user.cadreId ? <OutcomeLedgerBlock cadreId={user.cadreId} mine /> : null}
    </div>
  );
}
