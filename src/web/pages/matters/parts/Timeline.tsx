import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../api/matterTypes.ts';
import { formatDateTime } from '../../../format/datetime.ts';
import { useBilingual } from '../labels.tsx';

/** 办理记录: the steps taken, from the audit events (parties see only the steps meant for them). */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation('matters');
  const pick = useBilingual();
  if (entries.length === 0) return <p className="rc-muted">{t('timeline.empty')}</p>;
  return (
    <ol className="rc-progress" data-testid="timeline">
      {[...entries].reverse().map((entry) => (
        <li key={entry.seq}>
          <span className="rc-progress-when">
            {formatDateTime(entry.at)}
            {entry.actor ? ` · ${t('timeline.by', { actor: entry.actor })}` : ''}
          </span>
          {pick(entry.label)}
        </li>
      ))}
    </ol>
  );
}
