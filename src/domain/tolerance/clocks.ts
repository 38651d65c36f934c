/**
 * The time limits of a tolerance matter (DOMAIN §4.2): acceptance runs while the application waits
 * (paused while awaiting the applicant's supplement), verification from acceptance (extendable once),
 * the appeal window from receipt, the review from the appeal. Which one is running follows the status.
 */
import type { DeadlineClock } from '../calendar/deadline.ts';
import type { ToleranceState } from './procedure.ts';

export type ClockKind = 'acceptance' | 'verification' | 'review';
export type MatterClocks = Partial<Record<ClockKind, DeadlineClock>>;

const RUNNING: Partial<Record<ToleranceState, ClockKind>> = {
  submitted: 'acceptance',
  awaiting_supplement: 'acceptance',
  verifying: 'verification',
  under_review: 'review',
};

/** The clock that counts in this state, if any. */
export function activeClock(status: ToleranceState): ClockKind | null {
  return RUNNING[status] ?? null;
}
