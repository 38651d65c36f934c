/**
 * The time limits of a follow-up (DOMAIN §7): the visit is due on the day planned — a planned day
 * that falls on a day off moves to the next working day, like any period in calendar days — and it
 * can only fall between the sanction taking effect and the end of its influence period (the window,
 * a guard of the table). A reschedule starts the clock again from the day it is made. No clock runs
 * after the visit: the grade and the recommendation have no published time limit.
 */
import { deadlineStatus, startDeadline, type DeadlineClock } from '../calendar/deadline.ts';
import { calendarDaysBetween, toBeijingDate, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { FollowUpMatter, FollowUpState, VisitGrade, VisitWindow } from './procedure.ts';

export type FollowUpClockKind = 'visit';
export type FollowUpClocks = Partial<Record<FollowUpClockKind, DeadlineClock>>;

/** The clock that counts in this state, if any. */
export function activeFollowUpClock(status: FollowUpState): FollowUpClockKind | null {
  return status === 'planned' ? 'visit' : null;
}

/** The visit planned on `plannedOn`, counted from `today` (the day the plan is made or changed). */
export function visitClock(today: LocalDate, plannedOn: LocalDate): DeadlineClock {
  return startDeadline(
    { unit: 'calendar_days', amount: Math.max(0, calendarDaysBetween(today, plannedOn)) },
    today,
  );
}

/** The day the visit is due by the clock (the planned day, or the next working day after it). */
export function visitDue(clocks: FollowUpClocks, calendar: WorkingDayCalendar, now: Date): LocalDate | null {
  return clocks.visit ? deadlineStatus(clocks.visit, calendar, now).dueDate : null;
}

/** The guards' view of a follow-up at `now`. */
export function followUpMatter(
  status: FollowUpState,
  window: VisitWindow,
  grade: VisitGrade | null,
  reusable: boolean,
  now: Date,
): FollowUpMatter {
  return { status, window, grade, reusable, today: toBeijingDate(now) };
}
