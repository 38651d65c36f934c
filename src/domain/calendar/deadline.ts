import { DomainError } from '../errors.ts';
import {
  addMonths,
  calendarDaysBetween,
  endOfBeijingDay,
  fromDayNumber,
  toBeijingDate,
  toDayNumber,
  type LocalDate,
} from './local-date.ts';
import type { Uncertainty, WorkingDayCalendar } from './working-day-calendar.ts';

/** How a time limit (时限) is counted. */
export type DeadlineUnit = 'working_days' | 'calendar_days' | 'months';

/** A time limit as policy data, e.g. `{ unit: 'working_days', amount: 5 }`. */
export type DeadlineRule = { unit: DeadlineUnit; amount: number };

/**
 * A stop of the clock, e.g. while awaiting the applicant's supplement (补正). The days after `from` up
 * to and including `until` do not count; `until: null` means still paused.
 */
export type DeadlinePause = { from: LocalDate; until: LocalDate | null; reason: string };

/** The one extension a time limit allows (延长), approved by a named person with a reason. */
export type DeadlineExtension = {
  by: DeadlineRule;
  approvedBy: string;
  reason: string;
  approvedOn: LocalDate;
};

/**
 * A running time limit. Plain JSON-safe data: store it as is and rebuild the status whenever needed.
 * The event day `startedOn` does not count (次日起算).
 */
export type DeadlineClock = {
  rule: DeadlineRule;
  startedOn: LocalDate;
  pauses: readonly DeadlinePause[];
  extension: DeadlineExtension | null;
};

/** Where a clock stands at a moment. */
export type DeadlineStatus = Uncertainty & {
  /** Last day to act; provisional while paused (as if resumed today). */
  dueDate: LocalDate;
  /** 23:59:59.999 Beijing time on `dueDate`. */
  dueAt: Date;
  status: 'on_time' | 'due_soon' | 'overdue' | 'paused';
  /** Working days after today up to the due date; negative once overdue. */
  workingDaysRemaining: number;
};

/** Default "due soon" window: due within 2 working days. */
export const DUE_SOON_WORKING_DAYS = 2;

/** Starts a clock for `rule` on the day of the triggering event. */
export function startDeadline(rule: DeadlineRule, startedOn: LocalDate): DeadlineClock {
  assertRule(rule);
  return { rule, startedOn, pauses: [], extension: null };
}

/** Stops the clock from `on` (that day still counts). */
export function pauseDeadline(clock: DeadlineClock, on: LocalDate, reason: string): DeadlineClock {
  const open = openPause(clock);
  if (open) throw new DomainError('deadline.already_paused', { since: open.from });
  const last = clock.pauses.at(-1);
  const earliest = last?.until ?? clock.startedOn;
  if (on < earliest) throw new DomainError('deadline.date_out_of_order', { date: on, earliest });
  return { ...clock, pauses: [...clock.pauses, { from: on, until: null, reason }] };
}

/** Restarts the clock; counting resumes the day after `on`. */
export function resumeDeadline(clock: DeadlineClock, on: LocalDate): DeadlineClock {
  const open = openPause(clock);
  if (!open) throw new DomainError('deadline.not_paused', {});
  if (on < open.from) throw new DomainError('deadline.date_out_of_order', { date: on, earliest: open.from });
  return { ...clock, pauses: clock.pauses.map((p) => (p === open ? { ...p, until: on } : p)) };
}

/**
 * Extends the time limit once. `limit`, when given (the policy's extension limit), caps the amount.
 * @throws DomainError('deadline.already_extended') on a second extension.
 */
export function extendDeadline(
  clock: DeadlineClock,
  extension: DeadlineExtension,
  limit?: DeadlineRule,
): DeadlineClock {
  if (clock.extension)
    throw new DomainError('deadline.already_extended', { approvedOn: clock.extension.approvedOn });
  assertRule(extension.by);
  if (!extension.approvedBy.trim() || !extension.reason.trim()) {
    throw new DomainError(
      'deadline.extension_incomplete',
      {},
      extension.approvedBy.trim() ? 'reason' : 'approvedBy',
    );
  }
  if (limit && (extension.by.unit !== limit.unit || extension.by.amount > limit.amount)) {
    throw new DomainError('deadline.extension_exceeds_limit', { amount: limit.amount, unit: limit.unit });
  }
  if (extension.approvedOn < clock.startedOn) {
    throw new DomainError('deadline.date_out_of_order', {
      date: extension.approvedOn,
      earliest: clock.startedOn,
    });
  }
  return { ...clock, extension };
}

/**
 * The clock as seen at `now` (Beijing date). Only events dated up to that day count, so the answer
 * for a past moment does not change when later pauses or extensions are recorded.
 * Periods in calendar days or months that end on a day off move to the next working day
 * (民法典 第二百零三条); years without a schedule are counted Monday–Friday and flagged `uncertain`.
 */
export function deadlineStatus(
  clock: DeadlineClock,
  calendar: WorkingDayCalendar,
  now: Date,
  dueSoonWithin = DUE_SOON_WORKING_DAYS,
): DeadlineStatus {
  // Days are counted as day numbers (integers), not date strings: an inbox page evaluates fifty
  // clocks, and a clock a year overdue steps through hundreds of days.
  const todayDate = toBeijingDate(now);
  const today = toDayNumber(todayDate);
  const missing = new Set<number>();
  const pauses = clock.pauses
    .filter((p) => p.from <= todayDate)
    .map((p) => ({ from: toDayNumber(p.from), until: p.until === null || p.until > todayDate ? today : toDayNumber(p.until) }));
  const isPaused = (day: number) => pauses.some((p) => p.from < day && day <= p.until);
  const counts = pauses.length === 0
    ? (day: number) => calendar.countsAsWorkingDayNumber(day, missing)
    : (day: number) => !isPaused(day) && calendar.countsAsWorkingDayNumber(day, missing);

  const legs = [clock.rule];
  if (clock.extension && clock.extension.approvedOn <= todayDate) legs.push(clock.extension.by);
  let due = toDayNumber(clock.startedOn);
  for (const leg of legs) due = advance(due, leg, calendar, counts, isPaused, missing);

  const remaining = countBetween(today, due, counts);
  const stillPaused = clock.pauses.some((p) => p.from <= todayDate && (p.until === null || p.until > todayDate));
  const status = stillPaused
    ? 'paused'
    : today > due
      ? 'overdue'
      : remaining <= dueSoonWithin
        ? 'due_soon'
        : 'on_time';
  const missingYears = [...missing].sort((a, b) => a - b);
  const dueDate = fromDayNumber(due);
  return {
    dueDate,
    dueAt: endOfBeijingDay(dueDate),
    status,
    workingDaysRemaining: remaining,
    uncertain: missingYears.length > 0,
    missingYears,
  };
}

function advance(
  from: number,
  rule: DeadlineRule,
  calendar: WorkingDayCalendar,
  countsAsWorkingDay: (day: number) => boolean,
  isPaused: (day: number) => boolean,
  missing: Set<number>,
): number {
  if (rule.unit === 'working_days') return walk(from, rule.amount, countsAsWorkingDay);
  const fromDate = fromDayNumber(from);
  const days = rule.unit === 'months' ? calendarDaysBetween(fromDate, addMonths(fromDate, rule.amount)) : rule.amount;
  let end = walk(from, days, (day) => !isPaused(day));
  while (!calendar.countsAsWorkingDayNumber(end, missing)) end += 1;
  return end;
}

function walk(from: number, amount: number, counts: (day: number) => boolean): number {
  let day = from;
  for (let counted = 0; counted < amount;) {
    day += 1;
    if (counts(day)) counted += 1;
  }
  return day;
}

function countBetween(today: number, due: number, counts: (day: number) => boolean): number {
  const [first, last, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let days = 0;
  for (let day = first + 1; day <= last; day += 1) {
    if (counts(day)) days += 1;
  }
  return sign * days || 0;
}

function openPause(clock: DeadlineClock): DeadlinePause | undefined {
  return clock.pauses.find((p) => p.until === null);
}

function assertRule(rule: DeadlineRule): void {
  if (!Number.isInteger(rule.amount) || rule.amount < 0) {
    throw new DomainError('calendar.invalid_amount', { amount: rule.amount });
  }
}
