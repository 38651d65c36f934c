import { BEIJING_TIME_ZONE } from './datetime.ts';

/**
 * Calendar dates of the procedure ('YYYY-MM-DD': deadlines, the day of receipt, meeting days) are
 * already Beijing days; they are shown as they are, never shifted through the browser's zone.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026年12月28日" / "28 Dec 2026"; anything unexpected is shown as it came. */
export function formatLocalDate(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const match = PATTERN.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  if (language.startsWith('zh')) return `${year}年${Number(month)}月${Number(day)}日`;
  const name = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, 1)),
  );
  return `${Number(day)} ${name} ${year}`;
}

/** Today's date in Beijing as 'YYYY-MM-DD' (for date inputs' defaults and limits). */
export function beijingToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BEIJING_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
