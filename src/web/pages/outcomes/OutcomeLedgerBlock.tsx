import '../../i18n/work.ts';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getCadreLedger } from '../../api/outcomes.ts';
import { ErrorAlert } from '../../components/PageStates.tsx';
import { useApi } from '../../components/useApi.ts';
import { useBilingual } from '../matters/labels.tsx';
import { DatesCell, EffectsList, KindTag, SourceCell, StatusTag } from './parts.tsx';
import '../matters/matters.css';
import '../procedures/procedures.css';
import './outcomes.css';

/**
 * 结果运用记录 of one cadre, newest first: on the cadre page for the organisation department (the
 * effects line by line, with the source), and on the cadre's own page in plain words addressed to
 * them (`mine`).
 */
export function OutcomeLedgerBlock({ cadreId, mine = false }: { cadreId: string; mine?: boolean }) {
  const { t } = useTranslation('outcomes');
  const pick = useBilingual();
  const ledger = useApi((signal) => getCadreLedger(cadreId, signal), [cadreId]);
  const items = ledger.data?.items ?? [];
  return (
    <Card
      size="small"
      className="rc-section rc-ledger-block"
      title={<h2 className="rc-card-title">{mine ? t('block.mineTitle') : t('block.title')}</h2>}
      extra={
        mine ? null : (
          <Link to={`/outcome-ledger?q=${encodeURIComponent(ledger.data?.cadre.name ?? '')}`}>
            {t('block.all')}
          </Link>
        )
      }
      data-testid="outcome-ledger-block"
    >
      {mine ? <Typography.Paragraph type="secondary">{t('block.mineIntro')}</Typography.Paragraph> : null}
      {ledger.error ? <ErrorAlert error={ledger.error} onRetry={ledger.reload} /> : null}
      {ledger.data && items.length === 0 ? (
        <Typography.Text type="secondary">{t('block.empty')}</Typography.Text>
      ) : null}
      {items.length > 0 ? (
        <ul className="rc-item-list" data-testid="outcome-ledger-entries">
          {items.map((e) => (
            <li key={e.id} data-in-force={e.inForce}>
              <div className="rc-ledger-entry-head">
                <KindTag entry={e} />
                <strong>{pick(e.headline)}</strong>
                <StatusTag entry={e} />
              </div>
              {mine ? <p className="rc-ledger-plain">{pick(e.plain)}</p> : <EffectsList entry={e} />}
              <div className="rc-item-meta">
                <DatesCell entry={e} inline />
              </div>
              <div className="rc-item-meta">
                <SourceCell entry={e} link={!mine} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
