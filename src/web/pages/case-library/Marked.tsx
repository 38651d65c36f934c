import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonalDataSpan, TextRange } from '../../api/caseLibrary.ts';

type Mark = TextRange & { className: string; title?: string };

/**
 * Text with parts marked (<mark>): search hits, or the personal data still found. Offsets are the
 * server's (JavaScript string indices), so the same string is sliced the same way here. Line
 * breaks in the text are kept.
 */
export function Marked({
  text,
  marks,
  className,
  testId,
}: {
  text: string;
  marks: readonly Mark[];
  className?: string;
  testId?: string;
}) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [i, m] of [...marks].sort((a, b) => a.start - b.start).entries()) {
    if (m.start < at || m.end > text.length) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={i} className={m.className} title={m.title} data-mark={m.className}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <span className={className} data-testid={testId}>
      {parts}
    </span>
  );
}

/** Search hits, marked. */
export function Hits({
  text,
  ranges,
  testId,
}: {
  text: string;
  ranges: readonly TextRange[];
  testId?: string;
}) {
  return (
    <Marked
      text={text}
      marks={ranges.map((r) => ({ ...r, className: 'rc-hit' }))}
      {...(testId ? { testId } : {})}
    />
  );
}

/** Personal data still found: red where it blocks publication, orange where it is only suspected. */
export function PersonalData({
  text,
  spans,
  testId,
}: {
  text: string;
  spans: readonly PersonalDataSpan[];
  testId?: string;
}) {
  const { t } = useTranslation('cases');
  return (
    <Marked
      text={text}
      className="rc-case-text"
      {...(testId ? { testId } : {})}
      marks={spans.map((s) => ({
        start: s.start,
        end: s.end,
        className: s.certain ? 'rc-pd rc-pd-certain' : 'rc-pd rc-pd-suspected',
        title: `${t(`kinds.${s.kind}`)}（${t(s.certain ? 'review.legendCertain' : 'review.legendSuspected')}）`,
      }))}
    />
  );
}

/** 2026-03 → 2026年3月 / 3/2026. */
export function useMonth(): (yearMonth: string) => string {
  const { t } = useTranslation('cases');
  return (yearMonth) => {
    const [year, month] = yearMonth.split('-');
    return t('month', { year, month: String(Number(month)) });
  };
}
