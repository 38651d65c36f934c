/**
 * What the scorecard (实施力度评价, DESIGN §3.10) counts of the procedures beside tolerance: each
 * event on the Beijing day it happened — a correction closed (销号) or ended, a name cleared (澄清),
 * a follow-up visit made (回访) — and whether it kept its time limit. Counted once, when it happens,
 * by the step that makes it happen (in the same transaction); `rebuild` recomputes the same events
 * from the matters as they stand, and the two are kept equal by the tests.
 *
 * Unlike the tolerance metrics (by cohort: the day a matter was opened), these are dated by the event:
 * a scorecard period asks "how many corrections were closed this quarter, and how many on time?".
 */
import type { DeadlineClock } from '../calendar/deadline.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { keptLimit } from './metrics.ts';

/** The counted events of each procedure type (`matters.type`). */
export const PROCEDURE_EVENT_METRICS = {
  correction: ['closed', 'closed_on_time', 'terminated'],
  name_clearing: ['cleared', 'cleared_on_time'],
  follow_up: ['visited', 'visited_on_time'],
} as const;

export type EventType = keyof typeof PROCEDURE_EVENT_METRICS;
export type EventMetric<T extends EventType = EventType> =
  `${T}.${(typeof PROCEDURE_EVENT_METRICS)[T][number]}`;
export const EVENT_METRICS: readonly EventMetric[] = (
  Object.entries(PROCEDURE_EVENT_METRICS) as [EventType, readonly string[]][]
).flatMap(([type, metrics]) => metrics.map((m) => `${type}.${m}` as EventMetric));

/** One counted event: the metric, on the day it happened (one each). */
export type ProcedureEvent = { type: EventType; metric: EventMetric; day: LocalDate };

const event = <T extends EventType>(
  type: T,
  metric: (typeof PROCEDURE_EVENT_METRICS)[T][number],
  day: LocalDate,
): ProcedureEvent => ({ type, metric: `${type}.${metric}` as EventMetric, day });

/**
 * 整改按期: the accepted completion was reported within the rectification period as it stood that
 * day (the clock stops from each report while the commission examines it), and the order was never
 * escalated as overdue or refused — a further period ordered after an escalation does not make the
 * correction "on time".
 */
export function rectifiedOnTime(
  rectification: DeadlineClock | null,
  everEscalated: boolean,
  calendar: WorkingDayCalendar,
): boolean {
  if (everEscalated || !rectification) return false;
  // The accepted report opened the clock's last pause, which stays open after acceptance.
  const reported = rectification.pauses.at(-1);
  if (!reported || reported.until !== null) return false;
  return keptLimit(rectification, reported.from, calendar);
}

/** 销号: a correction closed on `closedOn`, rated by `rectifiedOnTime`. */
export function correctionClosedEvents(closedOn: LocalDate, onTime: boolean): ProcedureEvent[] {
  return [
    event('correction', 'closed', closedOn),
    ...(onTime ? [event('correction', 'closed_on_time', closedOn)] : []),
  ];
}

/** 终止: a correction ended by the leader without being closed (it counts as not done on time). */
export function correctionTerminatedEvents(on: LocalDate): ProcedureEvent[] {
  return [event('correction', 'terminated', on)];
}

/** 实施澄清: a name cleared on `executedOn`, within its deadline or not (as recorded at the time). */
export function nameClearedEvents(executedOn: LocalDate, onTime: boolean): ProcedureEvent[] {
  return [
    event('name_clearing', 'cleared', executedOn),
    ...(onTime ? [event('name_clearing', 'cleared_on_time', executedOn)] : []),
  ];
}

/** 回访: a visit made on `visitedOn`; on time when not after the day it was due (`dueOn`). */
export function visitEvents(visitedOn: LocalDate, dueOn: LocalDate | null): ProcedureEvent[] {
  return [
    event('follow_up', 'visited', visitedOn),
    ...(dueOn !== null && visitedOn <= dueOn ? [event('follow_up', 'visited_on_time', visitedOn)] : []),
  ];
}

/** The events as counter increments: (day, metric) → count. */
export function countEvents(events: readonly ProcedureEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    const key = `${e.day}|${e.metric}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
