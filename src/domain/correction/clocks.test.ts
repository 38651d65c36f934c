import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../calendar/deadline.ts';
import { calendarWithOfficialSchedules } from '../calendar/official-calendar.ts';
import { resolvePolicy, SHIPPED_POLICIES } from '../policy/index.ts';
import { day, noonOn } from '../tolerance/test-matter.ts';
import {
  activeCorrectionClock,
  completionReported,
  correctionMatter,
  rectificationAccepted,
  rectificationClock,
  rectificationRejected,
  rectificationReordered,
} from './clocks.ts';
import { CORRECTION_STATES, type CorrectionState } from './procedure.ts';

const calendar = calendarWithOfficialSchedules();
const dueOn = (clock: Parameters<typeof deadlineStatus>[0], on: string) =>
  deadlineStatus(clock, calendar, noonOn(on)).dueDate;
const THREE_MONTHS = { unit: 'months', amount: 3 } as const;

describe('rectification period (限期整改, working days from the order)', () => {
  it('does not count the order day, counts the make-up Saturday and skips the Spring Festival', () => {
    // 2026-02-12 (Thu): 02-13, 02-14 (make-up workday), then 02-24, 02-25, 02-26 after the holiday.
    expect(dueOn(rectificationClock(day('2026-02-12'), 5), '2026-02-12')).toBe('2026-02-26');
  });

  it('stops while a reported completion awaits acceptance and counts on after a failed acceptance', () => {
    const ordered = { rectification: rectificationClock(day('2026-03-02'), 10) };
    expect(dueOn(ordered.rectification, '2026-03-02')).toBe('2026-03-16');
    const reported = completionReported(ordered, day('2026-03-05'));
    expect(deadlineStatus(reported.rectification!, calendar, noonOn('2026-03-09')).status).toBe('paused');
    // 03-06, 03-09 and 03-10 (three working days) did not count: the last day moves from 03-16 to 03-19.
    const rejected = rectificationRejected(reported, day('2026-03-10'));
    expect(dueOn(rejected.rectification!, '2026-03-10')).toBe('2026-03-19');
    expect(deadlineStatus(rejected.rectification!, calendar, noonOn('2026-03-20')).status).toBe('overdue');
  });

  it('gives further rectification a new period from the day it is ordered, dropping the look-back', () => {
    const accepted = rectificationAccepted(
      { rectification: rectificationClock(day('2026-03-02'), 10) },
      day('2026-03-10'),
      THREE_MONTHS,
    );
    // 2026-04-01: 04-02, 04-03, Qingming 04-04…06, then 04-07, 04-08, 04-09.
    const reordered = rectificationReordered(accepted, day('2026-04-01'), 5);
    expect(reordered.look_back).toBeUndefined();
    expect(reordered.rectification).toMatchObject({ startedOn: '2026-04-01', pauses: [] });
    expect(dueOn(reordered.rectification!, '2026-04-01')).toBe('2026-04-09');
  });

  it('leaves clocks alone when there is no rectification clock to stop or restart', () => {
    expect(completionReported({}, day('2026-03-05'))).toEqual({});
    const running = { rectification: rectificationClock(day('2026-03-02'), 10) };
    expect(rectificationRejected(running, day('2026-03-05'))).toBe(running);
  });
});

describe('look-back period (回头看, policy data)', () => {
  it('is three months from acceptance by default, moved off a holiday to the next working day', () => {
    const policy = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');
    expect(policy.timeLimits.correctionLookBack).toEqual(THREE_MONTHS);
    // Accepted 2026-03-20: three months end on Saturday 06-20, in the Dragon Boat holiday → 06-22.
    const clocks = rectificationAccepted({}, day('2026-03-20'), policy.timeLimits.correctionLookBack);
    expect(dueOn(clocks.look_back!, '2026-03-20')).toBe('2026-06-22');
  });
});

describe('which clock runs, and the guards’ view', () => {
  it('runs the rectification clock while rectifying and the look-back clock while observing, none otherwise', () => {
    const running = (Object.keys(CORRECTION_STATES) as CorrectionState[]).map((s) => [
      s,
      activeCorrectionClock(s),
    ]);
    expect(Object.fromEntries(running)).toEqual({
      rectifying: 'rectification',
      awaiting_acceptance: null,
      observing: 'look_back',
      looked_back: null,
      escalated: null,
      closed: null,
      terminated: null,
    });
  });

  it('computes the due dates the guards compare with today', () => {
    const clocks = rectificationAccepted(
      { rectification: rectificationClock(day('2026-02-12'), 5) },
      day('2026-03-20'),
      THREE_MONTHS,
    );
    expect(correctionMatter('observing', clocks, 2, calendar, noonOn('2026-06-22'))).toEqual({
      status: 'observing',
      rectificationDue: '2026-02-26',
      lookBackDue: '2026-06-22',
      evidenceCount: 2,
      today: '2026-06-22',
    });
    expect(correctionMatter('rectifying', {}, 0, calendar, noonOn('2026-06-22'))).toMatchObject({
      rectificationDue: null,
      lookBackDue: null,
    });
  });
});
