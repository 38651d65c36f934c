/**
 * The scorecard's period (统计期间), written as one parameter: a year `2025`, a quarter `2025-Q1`,
 * a month `2025-03`, or a custom range `2025-01-01..2025-06-30` (inclusive Beijing dates).
 *
 * A custom range may start and end on any day for viewers who may read the matters themselves. For
 * everyone else it must cover whole months: two ranges that differ by a day would otherwise give
 * that single day's counts by subtraction, which is exactly what "<5" is there to prevent.
 */
import { DomainError } from '../errors.ts';
import { daysInMonth, isLocalDate, type LocalDate } from '../calendar/local-date.ts';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'range';

export type ScorecardPeriod = {
  kind: PeriodKind;
  /** The parameter as given, normalised (e.g. '2025-Q1'). */
  key: string;
  from: LocalDate;
  to: LocalDate;
  label: { zh: string; en: string };
};

/** The longest period asked for at once (the counters make any length cheap; this bounds mistakes). */
export const MAX_PERIOD_YEARS = 10;

const pad = (n: number) => String(n).padStart(2, '0');
const date = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}` as LocalDate;
const lastOfMonth = (y: number, m: number) => date(y, m, daysInMonth(y, m));
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const unparsable = () => new DomainError('stats.period_unparsable', {}, 'period');
const yearOk = (y: number) => y >= 2000 && y <= 2100;

/** Parses the period parameter; `wholeMonths` requires a custom range to cover whole months. */
export function parsePeriod(text: string, opts: { wholeMonths: boolean }): ScorecardPeriod {
  const value = text.trim();
  let m = /^(\d{4})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    if (!yearOk(y)) throw unparsable();
    return {
      kind: 'year',
      key: value,
      from: date(y, 1, 1),
      to: date(y, 12, 31),
      label: { zh: `${y}年`, en: `${y}` },
    };
  }
  m = /^(\d{4})-[Qq]([1-4])$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (!yearOk(y)) throw unparsable();
    return {
      kind: 'quarter',
      key: `${y}-Q${q}`,
      from: date(y, q * 3 - 2, 1),
      to: lastOfMonth(y, q * 3),
      label: { zh: `${y}年第${'一二三四'[q - 1]}季度`, en: `Q${q} ${y}` },
    };
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!yearOk(y) || mo < 1 || mo > 12) throw unparsable();
    return {
      kind: 'month',
      key: value,
      from: date(y, mo, 1),
      to: lastOfMonth(y, mo),
      label: { zh: `${y}年${mo}月`, en: `${MONTHS_EN[mo - 1]} ${y}` },
    };
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (m && isLocalDate(m[1]) && isLocalDate(m[2])) {
    const from = m[1];
    const to = m[2];
    if (!yearOk(Number(from.slice(0, 4))) || !yearOk(Number(to.slice(0, 4)))) throw unparsable();
    if (from > to) throw new DomainError('stats.period_invalid', { from, to }, 'period');
    // Ten calendar years from `from` (leap days included): 2016-01-01..2025-12-31 is the longest.
    if (
      to >=
      date(
        Number(from.slice(0, 4)) + MAX_PERIOD_YEARS,
        Number(from.slice(5, 7)),
        Number(from.slice(8, 10)) === 29 && from.slice(5, 7) === '02' ? 28 : Number(from.slice(8, 10)),
      )
    )
      throw new DomainError('stats.period_too_long', { years: MAX_PERIOD_YEARS }, 'period');
    if (
      opts.wholeMonths &&
      (!from.endsWith('-01') || to !== lastOfMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7))))
    )
      throw new DomainError('stats.period_whole_months', {}, 'period');
    return { kind: 'range', key: `${from}..${to}`, from, to, label: rangeLabel(from, to) };
  }
  throw unparsable();
}

/** A range of whole months reads as months ("2025年2月至2026年1月"), any other as its dates. */
function rangeLabel(from: LocalDate, to: LocalDate): { zh: string; en: string } {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  if (from.endsWith('-01') && to === lastOfMonth(ty, tm))
    return {
      zh: `${fy}年${fm}月至${ty}年${tm}月`,
      en: `${MONTHS_EN[fm - 1]} ${fy} – ${MONTHS_EN[tm - 1]} ${ty}`,
    };
  return { zh: `${from} 至 ${to}`, en: `${from} to ${to}` };
}

/**
 * The default period: the twelve whole months up to and including this one (近12个月) — a year's
 * worth of comparison whatever the day, which a calendar year would not give in January.
 */
export function defaultPeriodKey(today: LocalDate): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const start = m === 12 ? { y, m: 1 } : { y: y - 1, m: m + 1 };
  return `${date(start.y, start.m, 1)}..${lastOfMonth(y, m)}`;
}
