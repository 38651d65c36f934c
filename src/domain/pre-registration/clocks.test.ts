import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../calendar/deadline.ts';
import { calendarWithOfficialSchedules } from '../calendar/official-calendar.ts';
import { resolvePolicy, SHIPPED_POLICIES } from '../policy/index.ts';
import { day, noonOn } from '../tolerance/test-matter.ts';
import { activePreRegistrationClock, reviewClock, reviewedOnTime } from './clocks.ts';
import { PRE_REGISTRATION_STATES, type PreRegistrationState } from './procedure.ts';

const calendar = calendarWithOfficialSchedules();
const K_2024 = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');
const rule = K_2024.timeLimits.preRegistrationReview;

describe('first review of a pre-registration (初审, policy time limit)', () => {
  it('is one working day by default (Songming), inherited by K County', () => {
    expect(rule).toEqual({ unit: 'working_days', amount: 1 });
  });

  it('is due the next working day: Monday for a Friday filing, after National Day for 09-30', () => {
    expect(deadlineStatus(reviewClock(rule, day('2026-03-06')), calendar, noonOn('2026-03-06')).dueDate).toBe(
      '2026-03-09',
    );
    expect(deadlineStatus(reviewClock(rule, day('2026-09-30')), calendar, noonOn('2026-09-30')).dueDate).toBe(
      '2026-10-08',
    );
    // A make-up Saturday is a working day: filed on it, due the first day after the Spring Festival.
    expect(deadlineStatus(reviewClock(rule, day('2026-02-13')), calendar, noonOn('2026-02-13')).dueDate).toBe(
      '2026-02-14',
    );
  });

  it('is kept by a review on the last day and missed by one the day after', () => {
    const clock = reviewClock(rule, day('2026-03-06'));
    expect(reviewedOnTime(clock, calendar, new Date('2026-03-09T23:59:00+08:00'))).toBe(true);
    expect(reviewedOnTime(clock, calendar, noonOn('2026-03-10'))).toBe(false);
  });

  it('runs only while the filing awaits review', () => {
    const running = (Object.keys(PRE_REGISTRATION_STATES) as PreRegistrationState[]).filter(
      (s) => activePreRegistrationClock(s) !== null,
    );
    expect(running).toEqual(['submitted']);
    expect(activePreRegistrationClock('submitted')).toBe('review');
  });
});
