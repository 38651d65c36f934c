/**
 * The time limit of a pre-registration: the first review (初审) within the policy's time from each
 * filing (default one working day, Songming, DOMAIN §4.1 step 2). Filing again after a return starts
 * a new review period. Acknowledging late is allowed and recorded as late: it is a clock, not a guard.
 */
import {
  deadlineStatus,
  startDeadline,
  type DeadlineClock,
  type DeadlineRule,
} from '../calendar/deadline.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { PreRegistrationState } from './procedure.ts';

export type PreRegistrationClocks = { review?: DeadlineClock };

/** The clock that counts in this state, if any. */
export function activePreRegistrationClock(status: PreRegistrationState): 'review' | null {
  return status === 'submitted' ? 'review' : null;
}

/** The review period of a filing made on `filedOn`. */
export function reviewClock(rule: DeadlineRule, filedOn: LocalDate): DeadlineClock {
  return startDeadline(rule, filedOn);
}

/** Whether a review done at `now` kept the time limit (the last day counts in full). */
export function reviewedOnTime(clock: DeadlineClock, calendar: WorkingDayCalendar, now: Date): boolean {
  return deadlineStatus(clock, calendar, now).status !== 'overdue';
}
