import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Bilingual, Deadline, Outcome } from '../../api/matterTypes.ts';
import { formatLocalDate } from '../../format/localDate.ts';
import { deadlinePhrase, deadlineTone } from './deadline.ts';

/** Picks the text of a server label ({zh, en}) in the current language. */
export function useBilingual(): (label: Bilingual | null | undefined) => string {
  const { i18n } = useTranslation();
  return (label) => (label ? (i18n.language === 'en' ? label.en : label.zh) : '');
}

// Colour families by stage; shades are in matters.css (antd's presets fall below AA contrast).
const STAGE_OF: Record<string, string> = {
  draft: 'idle',
  submitted: 'intake',
  awaiting_supplement: 'waiting',
  verifying: 'intake',
  awaiting_decision: 'decide',
  deliberating: 'decide',
  awaiting_approval: 'decide',
  decided: 'done',
  notified: 'done',
  under_review: 'waiting',
  suspended: 'waiting',
  closed: 'idle',
  not_accepted: 'idle',
  withdrawn: 'idle',
  converted: 'idle',
};

/** The matter's stage as the server names it (状态标签). */
export function MatterStatusTag({ status, label }: { status: string; label: Bilingual }) {
  const pick = useBilingual();
  return <Tag className={`rc-mstatus rc-mstatus-${STAGE_OF[status] ?? 'idle'}`}>{pick(label)}</Tag>;
}

/** 免责 / 减责 / 不予容错. */
export function OutcomeTag({ outcome }: { outcome: Outcome | null | undefined }) {
  const { t } = useTranslation('matters');
  if (!outcome) return null;
  return <Tag className={`rc-outcome rc-outcome-${outcome}`}>{t(`outcome.${outcome}`)}</Tag>;
}

/** "剩 3 个工作日" (or overdue / paused), coloured by urgency, with the due date. */
export function DeadlineBadge({
  deadline,
  withDate = true,
}: {
  deadline: Deadline | null;
  withDate?: boolean;
}) {
  const { t, i18n } = useTranslation('matters');
  if (!deadline) return <span className="rc-muted">{t('deadline.none')}</span>;
  const tone = deadlineTone(deadline);
  const phrase = deadlinePhrase(deadline);
  const text =
    phrase.key === 'overdue' || phrase.key === 'remaining'
      ? t(`deadline.${phrase.key}`, { count: phrase.count })
      : t(`deadline.${phrase.key}`);
  const icon =
    tone === 'paused' ? (
      <PauseCircleOutlined />
    ) : tone === 'normal' ? (
      <ClockCircleOutlined />
    ) : (
      <WarningOutlined />
    );
  const badge = (
    <span className={`rc-deadline rc-deadline-${tone}`} data-testid="deadline" data-tone={tone}>
      <span aria-hidden="true">{icon}</span> {text}
      {withDate ? (
        <span className="rc-deadline-date">
          {' '}
          · {t('deadline.due', { date: formatLocalDate(deadline.dueDate, i18n.language) })}
        </span>
      ) : null}
    </span>
  );
  if (!deadline.uncertain) return badge;
  return (
    <Tooltip title={t('deadline.uncertain', { years: deadline.missingYears.join('、') })}>
      <span>
        {badge}
        <span className="rc-visually-hidden">
          {t('deadline.uncertain', { years: deadline.missingYears.join('、') })}
        </span>
      </span>
    </Tooltip>
  );
}

/** The name of the clock that runs (受理期限, 核实期限…). */
export function useDeadlineKind(): (kind: string) => string {
  const { t } = useTranslation('matters');
  return (kind) =>
    kind === 'acceptance' || kind === 'verification' || kind === 'review'
      ? t(`deadline.kind.${kind}`)
      : t('deadline.kind.other');
}
