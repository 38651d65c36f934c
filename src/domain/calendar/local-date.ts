import { DomainError } from '../errors.ts';

/**
 * A calendar date without time or zone, always 'YYYY-MM-DD'. Branded so a raw string cannot be
 * passed where a checked date is expected; obtain one from `parseLocalDate` or the helpers here.
 * Lexicographic order of the strings is chronological order.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const DAY_MS = 86_400_000;
// 北京时间 is UTC+8 all year (China has had no daylight saving time since 1991).
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real date in 'YYYY-MM-DD' form (rejects '2025-02-30', '2025-2-3'). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Checks and brands a date string.
 * @throws DomainError('date.invalid') naming `field` when the value is not a real 'YYYY-MM-DD' date.
 */
export function parseLocalDate(value: unknown, field?: string): LocalDate {
  if (!isLocalDate(value)) throw new DomainError('date.invalid', { value: String(value) }, field);
  return value;
}

/** Year, month (1–12) and day of a date. */
export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The date's year. */
export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** Number of days in a month (month 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toEpochMs(date)).getUTCDay();
}

/** True on Saturday and Sunday (regardless of any holiday schedule). */
export function isWeekend(date: LocalDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochMs(toEpochMs(date) + days * DAY_MS);
}

/**
 * `date` moved by `months` calendar months. When the target month is shorter, the result is its last
 * day (民法典 第二百零二条: 没有对应日的，到期月的月末日为期间的最后一日), so 01-31 + 1 month = 02-28/29.
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return fromEpochMs(Date.UTC(targetYear, targetMonth - 1, targetDay));
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toEpochMs(to) - toEpochMs(from)) / DAY_MS);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** The calendar date in Beijing (UTC+8) at an instant. Pure arithmetic; ignores the process time zone. */
export function toBeijingDate(instant: Date): LocalDate {
  return fromEpochMs(instant.getTime() + BEIJING_OFFSET_MS);
}

/** 00:00:00.000 Beijing time on `date`, as an instant. */
export function startOfBeijingDay(date: LocalDate): Date {
  return new Date(toEpochMs(date) - BEIJING_OFFSET_MS);
}

/** 23:59:59.999 Beijing time on `date`, as an instant: the last moment a deadline on that day is met. */
export function endOfBeijingDay(date: LocalDate): Date {
  return new Date(toEpochMs(date) + DAY_MS - 1 - BEIJING_OFFSET_MS);
}

/**
 * Days since 1970-01-01 — for loops that step through many days (deadline clocks): integers add and
 * compare without building a date string per day. Convert back with `fromDayNumber`.
 */
export function toDayNumber(date: LocalDate): number {
  return toEpochMs(date) / DAY_MS;
}

/** The date of a day number from `toDayNumber`. */
export function fromDayNumber(day: number): LocalDate {
  return fromEpochMs(day * DAY_MS);
}

function toEpochMs(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day);
}

function fromEpochMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10) as LocalDate;
}
