import type { Deadline } from '../../api/matterTypes.ts';

/** How urgent a deadline looks: red when overdue, amber within two working days, grey when paused. */
export type DeadlineTone = 'overdue' | 'soon' | 'paused' | 'normal';

/** Working days within which a deadline is shown amber (the issue: "due within 2 days amber"). */
export const SOON_WORKING_DAYS = 2;

export function deadlineTone(deadline: Pick<Deadline, 'status' | 'workingDaysRemaining'>): DeadlineTone {
  if (deadline.status === 'overdue') return 'overdue';
  if (deadline.status === 'paused') return 'paused';
  if (deadline.workingDaysRemaining <= SOON_WORKING_DAYS) return 'soon';
  return 'normal';
}

/** Which sentence of `matters:deadline.*` describes it, and its count. */
export function deadlinePhrase(
  deadline: Pick<Deadline, 'status' | 'workingDaysRemaining'>,
):
  | { key: 'overdue'; count: number }
  | { key: 'paused' }
  | { key: 'today' }
  | { key: 'remaining'; count: number } {
  if (deadline.status === 'overdue')
    return { key: 'overdue', count: Math.max(1, Math.abs(deadline.workingDaysRemaining)) };
  if (deadline.status === 'paused') return { key: 'paused' };
  if (deadline.workingDaysRemaining <= 0) return { key: 'today' };
  return { key: 'remaining', count: deadline.workingDaysRemaining };
}
