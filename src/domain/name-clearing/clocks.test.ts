import { describe, expect, it } from 'vitest';
import { deadlineStatus } from '../calendar/deadline.ts';
import { calendarWithOfficialSchedules } from '../calendar/official-calendar.ts';
import { resolvePolicy, SHIPPED_POLICIES } from '../policy/index.ts';
import { day, noonOn } from '../tolerance/test-matter.ts';
import {
  activeNameClearingClock,
  clearedOnTime,
  clearingClock,
  clearingExtended,
  nameClearingMatter,
} from './clocks.ts';
import { NAME_CLEARING_STATES, type NameClearingState } from './procedure.ts';

const calendar = calendarWithOfficialSchedules();
const TWENTY = { unit: 'working_days', amount: 20 } as const;
const status = (clock: Parameters<typeof deadlineStatus>[0], on: string) =>
  deadlineStatus(clock, calendar, noonOn(on));

describe('clearing period (20 working days from the finding, DOMAIN §6.2)', () => {
  it('is the policy’s 20 working days by default, in K County as everywhere', () => {
    expect(resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01').timeLimits.nameClearing).toEqual(TWENTY);
  });

  it('does not count the day of the finding and counts working days only', () => {
    // Monday 2026-03-02: four weeks of five working days end on Monday 03-30.
    expect(status(clearingClock(TWENTY, day('2026-03-02')), '2026-03-02').dueDate).toBe('2026-03-30');
  });

  it('skips the Spring Festival and counts its make-up Saturdays', () => {
    // 2026-02-12: 02-13, 02-14 (make-up), 02-24…02-27, 02-28 (make-up), then 03-02…03-18.
    expect(status(clearingClock(TWENTY, day('2026-02-12')), '2026-02-12').dueDate).toBe('2026-03-18');
  });

  it('is due soon in its last two working days and overdue the day after the last', () => {
    const clock = clearingClock(TWENTY, day('2026-03-02'));
    expect(status(clock, '2026-03-25').status).toBe('on_time');
    expect(status(clock, '2026-03-27')).toMatchObject({ status: 'due_soon', workingDaysRemaining: 1 });
    expect(status(clock, '2026-03-30')).toMatchObject({ status: 'due_soon', workingDaysRemaining: 0 });
    expect(status(clock, '2026-03-31')).toMatchObject({ status: 'overdue', workingDaysRemaining: -1 });
  });
});

describe('the leader’s extension (once, by no more than the period)', () => {
  const clocks = { clearing: clearingClock(TWENTY, day('2026-03-02')) };
  const extension = {
    amount: 10,
    approvedBy: '陈刚',
    reason: '需待本人出差返回后当面澄清',
    approvedOn: day('2026-03-20'),
  };

  it('moves the last day on by the working days granted, across Qingming', () => {
    const extended = clearingExtended(clocks, extension, TWENTY);
    // 03-30 plus ten working days: 03-31…04-03, Qingming 04-04…06, then 04-07…04-14.
    expect(status(extended.clearing!, '2026-03-20').dueDate).toBe('2026-04-14');
    expect(extended.clearing!.extension).toMatchObject({ approvedBy: '陈刚', approvedOn: '2026-03-20' });
    // Seen before the approval day the clock reads as it did then.
    expect(status(extended.clearing!, '2026-03-19').dueDate).toBe('2026-03-30');
  });

  it('refuses a second extension, one longer than the period, and one without a reason', () => {
    const extended = clearingExtended(clocks, extension, TWENTY);
    expect(() => clearingExtended(extended, extension, TWENTY)).toThrow(
      expect.objectContaining({ code: 'deadline.already_extended' }),
    );
    expect(() => clearingExtended(clocks, { ...extension, amount: 21 }, TWENTY)).toThrow(
      expect.objectContaining({ code: 'deadline.extension_exceeds_limit' }),
    );
    expect(() => clearingExtended(clocks, { ...extension, reason: ' ' }, TWENTY)).toThrow(
      expect.objectContaining({ code: 'deadline.extension_incomplete', field: 'reason' }),
    );
  });

  it('leaves clocks without a clearing clock alone', () => {
    expect(clearingExtended({}, extension, TWENTY)).toEqual({});
  });
});

describe('which clock runs, on time, and the guards’ view', () => {
  it('runs the clearing clock until the clearing is done, and none afterwards', () => {
    const running = (Object.keys(NAME_CLEARING_STATES) as NameClearingState[]).map((s) => [
      s,
      activeNameClearingClock(s),
    ]);
    expect(Object.fromEntries(running)).toEqual({
      trigger_check: 'clearing',
      consulting: 'clearing',
      awaiting_leader: 'clearing',
      executing: 'clearing',
      cleared: null,
      not_cleared: null,
      closed: null,
      ended: null,
    });
  });

  it('counts a clearing done on the last day as on time and one done the day after as late', () => {
    const clocks = { clearing: clearingClock(TWENTY, day('2026-03-02')) };
    expect(clearedOnTime(clocks, day('2026-03-30'), calendar, noonOn('2026-03-30'))).toBe(true);
    expect(clearedOnTime(clocks, day('2026-03-31'), calendar, noonOn('2026-03-31'))).toBe(false);
    // A clearing recorded late but done in time (the meeting was on the last day) kept the limit.
    expect(clearedOnTime(clocks, day('2026-03-30'), calendar, noonOn('2026-04-02'))).toBe(true);
    expect(clearedOnTime({}, day('2026-03-31'), calendar, noonOn('2026-03-31'))).toBe(true);
  });

  it('gives the guards consent, the extension day and whether the accuser was dealt with', () => {
    const extended = clearingExtended(
      { clearing: clearingClock(TWENTY, day('2026-03-02')) },
      { amount: 5, approvedBy: '陈刚', reason: '延期', approvedOn: day('2026-03-10') },
      TWENTY,
    );
    expect(
      nameClearingMatter(
        'executing',
        extended,
        { consented: true, accuserHandled: false },
        noonOn('2026-03-16'),
      ),
    ).toEqual({
      status: 'executing',
      consented: true,
      extendedOn: '2026-03-10',
      accuserHandled: false,
      today: '2026-03-16',
    });
    expect(
      nameClearingMatter('cleared', {}, { consented: false, accuserHandled: true }, noonOn('2026-03-16')),
    ).toMatchObject({ extendedOn: null, consented: false, accuserHandled: true });
  });
});
