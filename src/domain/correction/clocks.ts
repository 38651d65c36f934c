/**
 * The time limits of a correction (DOMAIN §5.2): the rectification period in working days from the
 * order (限期整改), stopped while the commission examines a reported completion — the unit's time is
 * not spent waiting for the commission — and the look-back period (回头看) from acceptance, set by
 * the policy. Which clock is running follows the status.
 */
import {
  deadlineStatus,
  pauseDeadline,
  resumeDeadline,
  startDeadline,
  type DeadlineClock,
  type DeadlineRule,
} from '../calendar/deadline.ts';
import { toBeijingDate, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { CorrectionMatter, CorrectionState } from './procedure.ts';

export type CorrectionClockKind = 'rectification' | 'look_back';
export type CorrectionClocks = Partial<Record<CorrectionClockKind, DeadlineClock>>;

const RUNNING: Partial<Record<CorrectionState, CorrectionClockKind>> = {
  rectifying: 'rectification',
  observing: 'look_back',
};

/** The clock that counts in this state, if any. */
export function activeCorrectionClock(status: CorrectionState): CorrectionClockKind | null {
  return RUNNING[status] ?? null;
}

/** 限期整改: `workingDays` working days counted from the day after the order. */
export function rectificationClock(orderedOn: LocalDate, workingDays: number): DeadlineClock {
  return startDeadline({ unit: 'working_days', amount: workingDays }, orderedOn);
}

/** A completion is reported: the rectification clock stops while the commission examines it. */
export function completionReported(clocks: CorrectionClocks, on: LocalDate): CorrectionClocks {
  const clock = clocks.rectification;
  return clock ? { ...clocks, rectification: pauseDeadline(clock, on, 'awaiting_acceptance') } : clocks;
}

/** The rectification failed acceptance: the same period counts on from where it stopped. */
export function rectificationRejected(clocks: CorrectionClocks, on: LocalDate): CorrectionClocks {
  const clock = clocks.rectification;
  return clock && clock.pauses.some((p) => p.until === null)
    ? { ...clocks, rectification: resumeDeadline(clock, on) }
    : clocks;
}

/** Accepted: the look-back period (policy data) starts; the rectification clock stays stopped. */
export function rectificationAccepted(
  clocks: CorrectionClocks,
  on: LocalDate,
  lookBack: DeadlineRule,
): CorrectionClocks {
  return { ...clocks, look_back: startDeadline(lookBack, on) };
}

/** Further rectification (after escalation, or a relapse found looking back): a new period from `on`. */
export function rectificationReordered(
  clocks: CorrectionClocks,
  on: LocalDate,
  workingDays: number,
): CorrectionClocks {
  const { look_back: _done, ...rest } = clocks;
  return { ...rest, rectification: rectificationClock(on, workingDays) };
}

/** The guards' view of a correction at `now`, its dates counted by `calendar`. */
export function correctionMatter(
  status: CorrectionState,
  clocks: CorrectionClocks,
  evidenceCount: number,
  calendar: WorkingDayCalendar,
  now: Date,
): CorrectionMatter {
  const due = (clock: DeadlineClock | undefined) =>
    clock ? deadlineStatus(clock, calendar, now).dueDate : null;
  return {
    status,
    rectificationDue: due(clocks.rectification),
    lookBackDue: due(clocks.look_back),
    evidenceCount,
    today: toBeijingDate(now),
  };
}
