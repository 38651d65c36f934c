import { DomainError } from '../errors.ts';
import { fromDayNumber, isLocalDate, isWeekend, toDayNumber, yearOf, type LocalDate } from './local-date.ts';

/** One block of days off named after its festival, as a State Council notice states it. */
export type HolidayBlock = { name: string; nameEn: string; days: readonly string[] };

/**
 * One year's official arrangement: days off and make-up workdays (调休上班, weekend days worked).
 * Dates are plain strings so administrator-entered data can be passed in; the calendar checks them.
 */
export type YearSchedule = {
  year: number;
  /** Where the arrangement was published (URLs of the notices). */
  source?: readonly string[];
  holidays: readonly HolidayBlock[];
  makeupWorkdays: readonly string[];
};

/** What a day is; `unknown_year` when no schedule for its year has been entered. */
export type DayKind = 'workday' | 'makeup_workday' | 'holiday' | 'weekend' | 'unknown_year';

/**
 * A result that may rest on assumptions: days in a year without a schedule are counted as working
 * days when they are Monday–Friday, and `uncertain`/`missingYears` say so.
 */
export type Uncertainty = { uncertain: boolean; missingYears: number[] };

/** A date reached by counting working days. */
export type WorkingDayResult = Uncertainty & { date: LocalDate };

/** A number of working days between two dates. */
export type WorkingDayCount = Uncertainty & { days: number };

/** Counts Chinese working days (工作日) from official and administrator-entered schedules. */
export class WorkingDayCalendar {
  private readonly years = new Set<number>();
  private readonly holidays = new Map<string, { name: string; nameEn: string }>();
  private readonly makeupWorkdays = new Set<string>();
  /** Day number → WORKS, RESTS, or ±year for a day of a year without a schedule (+ weekday, − weekend). */
  private readonly byDayNumber = new Map<number, number>();

  /** @throws DomainError('calendar.schedule_invalid') naming the first bad entry. */
  constructor(schedules: readonly YearSchedule[]) {
    schedules.forEach((schedule, index) => this.load(schedule, `schedules[${index}]`));
  }

  /** Years that have a schedule, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** True when the year's schedule has been entered. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** Classifies a day; a make-up workday wins over the weekend, a holiday over a weekday. */
  dayKind(date: LocalDate): DayKind {
    if (!this.years.has(yearOf(date))) return 'unknown_year';
    if (this.holidays.has(date)) return 'holiday';
    if (this.makeupWorkdays.has(date)) return 'makeup_workday';
    return isWeekend(date) ? 'weekend' : 'workday';
  }

  /** The festival a day off belongs to, if any. */
  holidayOn(date: LocalDate): { name: string; nameEn: string } | undefined {
    return this.holidays.get(date);
  }

  /**
   * Whether people work on `date`.
   * @throws DomainError('calendar.year_not_covered') when its year has no schedule; use the counting
   *   methods, which flag such years instead, when an estimate is acceptable.
   */
  isWorkingDay(date: LocalDate): boolean {
    const kind = this.dayKind(date);
    if (kind === 'unknown_year') throw new DomainError('calendar.year_not_covered', { year: yearOf(date) });
    return kind === 'workday' || kind === 'makeup_workday';
  }

  /**
   * The date `n` working days after `start`. The start day itself never counts (次日起算), so with
   * n = 1 the result is the first working day after `start`; n = 0 returns `start`.
   */
  addWorkingDays(start: LocalDate, n: number): WorkingDayResult {
    assertCount(n);
    const missing = new Set<number>();
    let day = toDayNumber(start);
    for (let counted = 0; counted < n;) {
      day += 1;
      if (this.countsAsWorkingDayNumber(day, missing)) counted += 1;
    }
    return { date: n === 0 ? start : fromDayNumber(day), ...uncertainty(missing) };
  }

  /**
   * Working days after `from` up to and including `to`: the "working days remaining" until a due
   * date. Negative (days elapsed since `to`) when `to` is before `from`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): WorkingDayCount {
    const missing = new Set<number>();
    const [first, last, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    // Day numbers, each day's kind remembered: stats and deadlines count the same spans over and over.
    const lastDay = toDayNumber(last);
    let days = 0;
    for (let day = toDayNumber(first) + 1; day <= lastDay; day++) {
      if (this.countsAsWorkingDayNumber(day, missing)) days += 1;
    }
    return { days: sign * days || 0, ...uncertainty(missing) };
  }

  /** `date` if it is a working day, else the next one (a period ending on a day off moves on, 民法典 第二百零三条). */
  onOrNextWorkingDay(date: LocalDate): WorkingDayResult {
    const missing = new Set<number>();
    let day = toDayNumber(date);
    while (!this.countsAsWorkingDayNumber(day, missing)) day += 1;
    return { date: day === toDayNumber(date) ? date : fromDayNumber(day), ...uncertainty(missing) };
  }

  /**
   * Whether a day counts, assuming Monday–Friday for years without a schedule and recording them in
   * `missing`. Exposed for deadline clocks that combine it with their own pauses.
   */
  countsAsWorkingDay(date: LocalDate, missing: Set<number>): boolean {
    const kind = this.dayKind(date);
    if (kind !== 'unknown_year') return kind === 'workday' || kind === 'makeup_workday';
    missing.add(yearOf(date));
    return !isWeekend(date);
  }

  /**
   * `countsAsWorkingDay` for a day number (`toDayNumber`), remembered per day: deadline clocks ask
   * about the same few thousand days over and over (every open matter of every inbox page), and a
   * calendar is immutable once built.
   */
  countsAsWorkingDayNumber(day: number, missing: Set<number>): boolean {
    let known = this.byDayNumber.get(day);
    if (known === undefined) {
      const date = fromDayNumber(day);
      const kind = this.dayKind(date);
      known = kind === 'unknown_year' ? (isWeekend(date) ? -yearOf(date) : yearOf(date)) : kind === 'workday' || kind === 'makeup_workday' ? WORKS : RESTS;
      if (this.byDayNumber.size >= MEMO_LIMIT) this.byDayNumber.clear();
      this.byDayNumber.set(day, known);
    }
    if (known === WORKS) return true;
    if (known === RESTS) return false;
    // A day of a year without a schedule: Monday–Friday counts, and the year is reported missing.
    missing.add(Math.abs(known));
    return known > 0;
  }

  private load(schedule: YearSchedule, field: string): void {
    const { year } = schedule;
    if (!Number.isInteger(year) || year < 1900) invalid(year, String(year), 'year', `${field}.year`);
    if (this.years.has(year)) invalid(year, String(year), 'duplicate_year', `${field}.year`);
    this.years.add(year);
    schedule.holidays.forEach((block, b) =>
      block.days.forEach((day, d) => {
        const at = `${field}.holidays[${b}].days[${d}]`;
        checkDate(year, day, at);
        if (this.holidays.has(day)) invalid(year, day, 'duplicate_day', at);
        this.holidays.set(day, { name: block.name, nameEn: block.nameEn });
      }),
    );
    schedule.makeupWorkdays.forEach((day, d) => {
      const at = `${field}.makeupWorkdays[${d}]`;
      checkDate(year, day, at);
      if (this.holidays.has(day) || this.makeupWorkdays.has(day)) invalid(year, day, 'duplicate_day', at);
      if (!isWeekend(day)) invalid(year, day, 'makeup_not_weekend', at);
      this.makeupWorkdays.add(day);
    });
  }
}

const WORKS = 1;
const RESTS = 0;
/** Days remembered per calendar (about 270 years); a bound, not a size anyone reaches. */
const MEMO_LIMIT = 100_000;

const PROBLEMS = {
  year: { zh: '年份无效', en: 'the year is not valid' },
  duplicate_year: { zh: '该年份已有安排', en: 'the year is entered twice' },
  not_a_date: { zh: '不是有效日期', en: 'not a real YYYY-MM-DD date' },
  wrong_year: { zh: '日期不在该年份内', en: 'the date is not in that year' },
  duplicate_day: { zh: '同一天重复出现', en: 'the day appears twice' },
  makeup_not_weekend: {
    zh: '调休上班日应为周六或周日',
    en: 'a make-up workday must be a Saturday or Sunday',
  },
} as const;

function checkDate(year: number, day: string, field: string): asserts day is LocalDate {
  if (!isLocalDate(day)) invalid(year, day, 'not_a_date', field);
  if (yearOf(day) !== year) invalid(year, day, 'wrong_year', field);
}

function invalid(year: number, date: string, problem: keyof typeof PROBLEMS, field: string): never {
  const text = PROBLEMS[problem];
  throw new DomainError(
    'calendar.schedule_invalid',
    { year, date, problem, problemZh: text.zh, problemEn: text.en },
    field,
  );
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new DomainError('calendar.invalid_amount', { amount: n });
}

function uncertainty(missing: Set<number>): Uncertainty {
  const missingYears = [...missing].sort((a, b) => a - b);
  return { uncertain: missingYears.length > 0, missingYears };
}
