import '../../i18n/work.ts';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listMatters } from '../../api/matters.ts';
import type { MatterSummary } from '../../api/matterTypes.ts';
import { EmptyState, PageLoading } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { DeadlineBadge, MatterStatusTag } from '../matters/labels.tsx';
import '../matters/matters.css';

function Agenda({ title, items }: { title: string; items: MatterSummary[] }) {
  const { t } = useTranslation('meetings');
  return (
    <section aria-label={title} className="rc-section">
      <h2 className="rc-section-title">
        {title}（{items.length}）
      </h2>
      {items.length === 0 ? (
        <p className="rc-muted">—</p>
      ) : (
        <ul className="rc-matter-cards">
          {items.map((m) => (
            <li key={m.id}>
              <Card size="small" className="rc-matter-card">
                <div className="rc-matter-card-head">
                  <Link
                    to={`/matters/${encodeURIComponent(m.id)}?tab=meeting`}
                    className="rc-matter-card-title"
                    data-testid="agenda-item"
                  >
                    {m.title}
                  </Link>
                  <MatterStatusTag status={m.status} label={m.statusLabel} />
                </div>
                <div className="rc-matter-card-line rc-muted">
                  {m.number}
                  {m.subject ? ` · ${m.subject.name} · ${m.subject.unitName}` : ''}
                </div>
                {m.deadline ? (
                  <div className="rc-matter-card-line">
                    <DeadlineBadge deadline={m.deadline} />
                  </div>
                ) : null}
                <div className="rc-matter-card-line">
                  <Link
                    to={`/matters/${encodeURIComponent(m.id)}?tab=meeting`}
                    aria-label={`${t('open')}：${m.title}`}
                  >
                    {t('open')}
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** 集体研究 agenda: matters waiting to be put before the standing committee and those before it. */
export default function MeetingAgendaPage() {
  const { t } = useTranslation('meetings');
  const agenda = useApi(async (signal) => {
    const [awaiting, deliberating] = await Promise.all([
      listMatters({ type: 'tolerance', status: 'awaiting_decision', page: 1, pageSize: 100 }, signal),
      listMatters({ type: 'tolerance', status: 'deliberating', page: 1, pageSize: 100 }, signal),
    ]);
    return { awaiting: awaiting.items, deliberating: deliberating.items };
  }, []);
  let body: React.ReactNode;
  if (agenda.error && !agenda.data) body = <ErrorState error={agenda.error} onRetry={agenda.reload} />;
  else if (!agenda.data) body = <PageLoading />;
  else if (agenda.data.awaiting.length + agenda.data.deliberating.length === 0)
    body = <EmptyState description={t('empty')} />;
  else
    body = (
      <div className="rc-agenda" data-testid="agenda">
        <Agenda title={t('deliberating')} items={agenda.data.deliberating} />
        <Agenda title={t('awaiting')} items={agenda.data.awaiting} />
      </div>
    );
  return (
    <>
      <PageTitle title={t('title')} />
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {body}
    </>
  );
}
