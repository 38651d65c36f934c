/**
 * Dates and times are shown in Beijing time whatever the browser's zone, as "2026-05-03 14:05",
 * the form official documents use in both languages.
 */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

const dateTimeParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: BEIJING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const result: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(date)) result[part.type] = part.value;
  return result;
}

/** "2026-05-03 14:05" in Beijing time; the input unchanged if it is not a date. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-05-03" (the Beijing calendar day). */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "1975-03" → "1975年3月" / "Mar 1975"; anything unexpected is shown as it came. */
export function formatYearMonth(value: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [, year, month] = match;
  if (language.startsWith('zh')) return `${year}年${Number(month)}月`;
  const name = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, 1)),
  );
  return `${name} ${year}`;
}
