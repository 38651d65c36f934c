import { DomainError } from '../errors.ts';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  endOfBeijingDay,
  toBeijingDate,
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
  const today = toBeijingDate(now);
  const missing = new Set<number>();
  const pauses = clock.pauses
    .filter((p) => p.from <= today)
    .map((p) => ({ from: p.from, until: p.until === null || p.until > today ? today : p.until }));
  const isPaused = (date: LocalDate) => pauses.some((p) => p.from < date && date <= p.until);
  const counts = (date: LocalDate) => !isPaused(date) && calendar.countsAsWorkingDay(date, missing);

  const legs = [clock.rule];
  if (clock.extension && clock.extension.approvedOn <= today) legs.push(clock.extension.by);
  let dueDate = clock.startedOn;
  for (const leg of legs) dueDate = advance(dueDate, leg, calendar, counts, isPaused, missing);

  const remaining = countBetween(today, dueDate, counts);
  const stillPaused = clock.pauses.some((p) => p.from <= today && (p.until === null || p.until > today));
  const status = stillPaused
    ? 'paused'
    : today > dueDate
      ? 'overdue'
      : remaining <= dueSoonWithin
        ? 'due_soon'
        : 'on_time';
  const missingYears = [...missing].sort((a, b) => a - b);
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
  from: LocalDate,
  rule: DeadlineRule,
  calendar: WorkingDayCalendar,
  countsAsWorkingDay: (date: LocalDate) => boolean,
  isPaused: (date: LocalDate) => boolean,
  missing: Set<number>,
): LocalDate {
  if (rule.unit === 'working_days') return walk(from, rule.amount, countsAsWorkingDay);
  const days = rule.unit === 'months' ? calendarDaysBetween(from, addMonths(from, rule.amount)) : rule.amount;
  let end = walk(from, days, (date) => !isPaused(date));
  while (!calendar.countsAsWorkingDay(end, missing)) end = addCalendarDays(end, 1);
  return end;
}

function walk(from: LocalDate, amount: number, counts: (date: LocalDate) => boolean): LocalDate {
  let date = from;
  for (let counted = 0; counted < amount;) {
    date = addCalendarDays(date, 1);
    if (counts(date)) counted += 1;
  }
  return date;
}

function countBetween(today: LocalDate, due: LocalDate, counts: (date: LocalDate) => boolean): number {
  const [first, last, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let days = 0;
  for (let date = addCalendarDays(first, 1); date <= last; date = addCalendarDays(date, 1)) {
    if (counts(date)) days += 1;
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
