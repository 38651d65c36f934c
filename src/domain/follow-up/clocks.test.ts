import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../calendar/deadline.ts';
import { calendarWithOfficialSchedules } from '../calendar/official-calendar.ts';
import { day, noonOn } from '../tolerance/test-matter.ts';
import { activeFollowUpClock, followUpMatter, visitClock, visitDue } from './clocks.ts';
import { FOLLOW_UP_STATES, type FollowUpState } from './procedure.ts';

const calendar = calendarWithOfficialSchedules();

describe('the visit clock (due on the planned day)', () => {
  it('falls due on a planned working day', () => {
    // Planned on Monday 2026-03-02 for Thursday 03-12.
    const clock = visitClock(day('2026-03-02'), day('2026-03-12'));
    expect(deadlineStatus(clock, calendar, noonOn('2026-03-02'))).toMatchObject({
      dueDate: '2026-03-12',
      status: 'on_time',
    });
    expect(deadlineStatus(clock, calendar, noonOn('2026-03-11')).status).toBe('due_soon');
    expect(deadlineStatus(clock, calendar, noonOn('2026-03-13')).status).toBe('overdue');
  });

  it('moves a planned day off to the next working day, holidays included', () => {
    // Saturday 2026-03-14 → Monday 03-16.
    expect(
      visitDue({ visit: visitClock(day('2026-03-02'), day('2026-03-14')) }, calendar, noonOn('2026-03-02')),
    ).toBe('2026-03-16');
    // 2026-02-17 is in the Spring Festival holiday (02-15 to 02-23): the next working day is 02-24.
    expect(
      visitDue({ visit: visitClock(day('2026-02-10'), day('2026-02-17')) }, calendar, noonOn('2026-02-10')),
    ).toBe('2026-02-24');
  });

  it('is due today for a visit planned for today, and a reschedule restarts it from the day it is made', () => {
    expect(
      visitDue({ visit: visitClock(day('2026-03-03'), day('2026-03-03')) }, calendar, noonOn('2026-03-03')),
    ).toBe('2026-03-03');
    const rescheduled = visitClock(day('2026-03-10'), day('2026-04-08'));
    expect(rescheduled.startedOn).toBe('2026-03-10');
    expect(visitDue({ visit: rescheduled }, calendar, noonOn('2026-03-10'))).toBe('2026-04-08');
    expect(visitDue({}, calendar, noonOn('2026-03-10'))).toBeNull();
  });

  it('runs only while the visit is planned', () => {
    const running = (Object.keys(FOLLOW_UP_STATES) as FollowUpState[]).map((s) => [
      s,
      activeFollowUpClock(s),
    ]);
    expect(Object.fromEntries(running)).toEqual({
      planned: 'visit',
      visited: null,
      graded: null,
      reuse_recommended: null,
      reuse_not_recommended: null,
      notified: null,
      closed: null,
      cancelled: null,
    });
  });
});

describe('the guards’ view', () => {
  it('takes today as the Beijing date of `now`', () => {
    const window = { from: day('2026-01-10'), until: day('2027-01-09') };
    // 2026-03-16 23:30 UTC is already 03-17 in Beijing.
    expect(followUpMatter('planned', window, null, true, new Date('2026-03-16T23:30:00Z'))).toEqual({
      status: 'planned',
      window,
      grade: null,
      reusable: true,
      today: '2026-03-17',
    });
  });
});
