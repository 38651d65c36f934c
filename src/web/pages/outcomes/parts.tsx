/**
 * Pieces of the outcome ledger shared by its page and the blocks on the cadre pages: the kind tag,
 * the status tag, the effects list, the dates, and the link to the source matter.
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OutcomeEntry } from '../../api/outcomes.ts';
import { formatLocalDate } from '../../format/localDate.ts';
import { useBilingual } from '../matters/labels.tsx';

/** Where each matter type's detail page lives. */
const MATTER_PAGES: Record<string, string> = {
  tolerance: '/matters',
  correction: '/corrections',
  name_clearing: '/name-clearings',
  follow_up: '/follow-ups',
};

const KIND_TONE: Record<OutcomeEntry['kind'], string> = {
  tolerance_decision: 'done',
  correction_ordered: 'waiting',
  correction_closed: 'done',
  correction_terminated: 'idle',
  name_cleared: 'done',
  sanction: 'alert',
  reuse_decision: 'intake',
};

export function KindTag({ entry }: { entry: OutcomeEntry }) {
  const { t } = useTranslation('outcomes');
  return <Tag className={`rc-mstatus rc-mstatus-${KIND_TONE[entry.kind]}`}>{t(`kinds.${entry.kind}`)}</Tag>;
}

/** In force, or replaced (and when). */
export function StatusTag({ entry }: { entry: OutcomeEntry }) {
  const { t, i18n } = useTranslation('outcomes');
  if (entry.inForce) return <Tag className="rc-mstatus rc-mstatus-done">{t('status.in_force')}</Tag>;
  const on = entry.supersededBy
    ? formatLocalDate(entry.supersededBy.recordedAt.slice(0, 10), i18n.language)
    : '';
  return (
    <Tag className="rc-mstatus rc-mstatus-idle" title={t('entry.supersededOn', { date: on })}>
      {t('status.superseded')}
    </Tag>
  );
}

/** One line per effect, in the user's language. */
export function EffectsList({ entry }: { entry: OutcomeEntry }) {
  const pick = useBilingual();
  return (
    <ul className="rc-ledger-effects">
      {entry.effects.map((e, i) => (
        <li key={`${e.code}-${i}`}>{pick(e.label)}</li>
      ))}
    </ul>
  );
}

/** From when, and until when (or "no end"): two lines in a table cell, one line in a list (`inline`). */
export function DatesCell({ entry, inline = false }: { entry: OutcomeEntry; inline?: boolean }) {
  const { t, i18n } = useTranslation('outcomes');
  const date = (d: string) => formatLocalDate(d, i18n.language);
  const from = t('entry.from', { date: date(entry.effectiveFrom) });
  const until = entry.effectiveUntil
    ? t('entry.until', { date: date(entry.effectiveUntil) })
    : t('entry.noEnd');
  if (inline) return <span>{`${from} · ${until}`}</span>;
  return (
    <span className="rc-nowrap">
      {from}
      <br />
      {until}
    </span>
  );
}

/** The source matter (linked when the reader may open it) and the document number. */
export function SourceCell({ entry, link }: { entry: OutcomeEntry; link: boolean }) {
  const { t } = useTranslation('outcomes');
  const page = entry.source.matterType ? MATTER_PAGES[entry.source.matterType] : undefined;
  return (
    <>
      {entry.source.matterNumber ? (
        link && page && entry.source.matterId ? (
          <Link to={`${page}/${encodeURIComponent(entry.source.matterId)}`}>{entry.source.matterNumber}</Link>
        ) : (
          <span>{entry.source.matterNumber}</span>
        )
      ) : null}
      {entry.source.documentNumber ? (
        <div className="rc-item-meta">{t('entry.document', { number: entry.source.documentNumber })}</div>
      ) : null}
    </>
  );
}
