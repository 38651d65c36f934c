import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { StatsOverview } from '../../api/stats.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole } from '../../auth/roles.ts';
import { useBilingual } from '../matters/labels.tsx';
import { PROCEDURES } from '../procedures/registry.tsx';
import { listStateToParams } from '../procedures/listQuery.ts';
import { cellText } from './cells.ts';
import '../procedures/procedures.css';

type Counter = StatsOverview['procedures'][number]['counters'][number];

/** The procedure list a counter opens, filtered as the counter counts — when this user has that list. */
function useCounterLink(): (type: string, counter: Counter) => string | null {
  const user = useCurrentUser();
  return (type, counter) => {
    const entry = PROCEDURES.find((p) => p.type === type);
    if (!entry || !hasAnyRole(user, entry.roles)) return null;
    const params = listStateToParams({
      page: 1,
      pageSize: 20,
      ...(counter.statuses.length === 1 ? { status: counter.statuses[0] } : {}),
      ...(counter.overdueOnly ? { overdueOnly: true } : {}),
    }).toString();
    return params ? `${entry.path}?${params}` : entry.path;
  };
}

/**
 * 纠错、事前报备 (and every procedure the server adds to `procedures`): one block per procedure, one
 * tile per counter, each saying whether it counts now or in the period, and opening the list it counts.
 */
export function ProcedureCounters({ data }: { data: StatsOverview }) {
  const { t, i18n } = useTranslation('procedures');
  const pick = useBilingual();
  const linkOf = useCounterLink();
  if (data.procedures.length === 0) return null;
  return (
    <Card
      size="small"
      className="rc-section rc-proc-counters-card"
      title={
        <h2 className="rc-card-title" id="stats-procedures">
          {t('common.dashboard.title')}
        </h2>
      }
      data-testid="procedure-counters"
    >
      <section aria-labelledby="stats-procedures">
        <p className="rc-footnote">{t('common.dashboard.intro')}</p>
        {data.procedures.map((procedure) => (
          <div key={procedure.type} className="rc-section" data-testid={`counters-${procedure.type}`}>
            <h3>{pick(procedure.label)}</h3>
            <div className="rc-proc-counters">
              {procedure.counters.map((counter) => {
                const label = pick(counter.label);
                const alarm = typeof counter.count === 'number' && counter.count > 0 && counter.overdueOnly;
                const content = (
                  <>
                    <span className="rc-proc-counter-value">{cellText(counter.count, i18n.language)}</span>
                    <span className="rc-proc-counter-label">{label}</span>
                    <span className="rc-proc-counter-window">
                      {t(counter.window === 'now' ? 'common.dashboard.now' : 'common.dashboard.period')}
                    </span>
                  </>
                );
                const className = `rc-proc-counter${alarm ? ' rc-proc-counter-alarm' : ''}`;
                const href = linkOf(procedure.type, counter);
                return href ? (
                  <Link
                    key={counter.key}
                    to={href}
                    className={className}
                    aria-label={`${label} ${cellText(counter.count, i18n.language)}`}
                    data-testid={`counter-${procedure.type}-${counter.key}`}
                  >
                    {content}
                  </Link>
                ) : (
                  <div
                    key={counter.key}
                    className={className}
                    data-testid={`counter-${procedure.type}-${counter.key}`}
                  >
                    {content}
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </section>
    </Card>
  );
}
