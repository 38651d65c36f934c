/**
 * The time limit of a name clearing (DOMAIN §6.2, Hubei): clearing within the policy's period —
 * default 20 working days — counted from the day after the accusation was concluded untrue, through
 * the trigger check, the consultation, the approval and the clearing itself. It is not stopped while
 * the cadre considers: consulting them is part of the clearing work. The leader may extend it once,
 * by no more than the period itself, with a reason. Clearing late is recorded as late: a clock, not a
 * guard — a cleared name is never refused for being late.
 */
import {
  deadlineStatus,
  extendDeadline,
  startDeadline,
  type DeadlineClock,
  type DeadlineRule,
} from '../calendar/deadline.ts';
import { toBeijingDate, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { NameClearingMatter, NameClearingState } from './procedure.ts';

export type NameClearingClocks = { clearing?: DeadlineClock };

const RUNNING: ReadonlySet<NameClearingState> = new Set([
  'trigger_check',
  'consulting',
  'awaiting_leader',
  'executing',
]);

/** The clock that counts in this state, if any: the clearing period until the clearing is done. */
export function activeNameClearingClock(status: NameClearingState): 'clearing' | null {
  return RUNNING.has(status) ? 'clearing' : null;
}

/** 20 working days (policy) from the day the accusation was concluded untrue; that day does not count. */
export function clearingClock(rule: DeadlineRule, concludedOn: LocalDate): DeadlineClock {
  return startDeadline(rule, concludedOn);
}

/**
 * The leader's one extension, in the period's unit and no longer than the period itself.
 * @throws DomainError('deadline.already_extended' | 'deadline.extension_exceeds_limit' |
 *   'deadline.extension_incomplete' | 'deadline.date_out_of_order')
 */
export function clearingExtended(
  clocks: NameClearingClocks,
  extension: { amount: number; approvedBy: string; reason: string; approvedOn: LocalDate },
  period: DeadlineRule,
): NameClearingClocks {
  const clock = clocks.clearing;
  if (!clock) return clocks;
  return {
    ...clocks,
    clearing: extendDeadline(
      clock,
      {
        by: { unit: period.unit, amount: extension.amount },
        approvedBy: extension.approvedBy,
        reason: extension.reason,
        approvedOn: extension.approvedOn,
      },
      // Once, by at most the period again (the DOMAIN §4.2 pattern for extensions).
      period,
    ),
  };
}

/** Whether a clearing carried out on `doneOn` kept the time limit as it stood at `now` (the last day counts). */
export function clearedOnTime(
  clocks: NameClearingClocks,
  doneOn: LocalDate,
  calendar: WorkingDayCalendar,
  now: Date,
): boolean {
  const clock = clocks.clearing;
  return clock ? doneOn <= deadlineStatus(clock, calendar, now).dueDate : true;
}

/** The guards' view of a name clearing at `now`. */
export function nameClearingMatter(
  status: NameClearingState,
  clocks: NameClearingClocks,
  facts: { consented: boolean; accuserHandled: boolean },
  now: Date,
): NameClearingMatter {
  return {
    status,
    consented: facts.consented,
    extendedOn: clocks.clearing?.extension?.approvedOn ?? null,
    accuserHandled: facts.accuserHandled,
    today: toBeijingDate(now),
  };
}
