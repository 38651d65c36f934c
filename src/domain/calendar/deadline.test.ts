import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deadlineStatus,
  extendDeadline,
  pauseDeadline,
  resumeDeadline,
  startDeadline,
  type DeadlineClock,
} from './deadline.ts';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  endOfBeijingDay,
  parseLocalDate,
  startOfBeijingDay,
  toBeijingDate,
  type LocalDate,
} from './local-date.ts';
import { calendarWithOfficialSchedules } from './official-calendar.ts';

const d = (value: string) => parseLocalDate(value);
const calendar = calendarWithOfficialSchedules();
/** Noon Beijing time on a day. */
const at = (value: string) => new Date(startOfBeijingDay(d(value)).getTime() + 12 * 3_600_000);
const statusOn = (clock: DeadlineClock, day: string) => deadlineStatus(clock, calendar, at(day));

describe('working-day deadlines across holidays', () => {
  const acceptance = startDeadline({ unit: 'working_days', amount: 5 }, d('2024-02-08'));

  it('is due 2024-02-21 after the Spring Festival, counting the make-up Sunday', () => {
    expect(statusOn(acceptance, '2024-02-08')).toMatchObject({
      dueDate: '2024-02-21',
      status: 'on_time',
      workingDaysRemaining: 5,
      uncertain: false,
    });
  });

  it('turns due_soon within 2 working days and overdue after the due day', () => {
    // From the make-up Sunday 02-18 three working days remain (19, 20, 21).
    expect(statusOn(acceptance, '2024-02-18')).toMatchObject({ status: 'on_time', workingDaysRemaining: 3 });
    expect(statusOn(acceptance, '2024-02-19')).toMatchObject({ status: 'due_soon', workingDaysRemaining: 2 });
    expect(statusOn(acceptance, '2024-02-21')).toMatchObject({ status: 'due_soon', workingDaysRemaining: 0 });
    expect(statusOn(acceptance, '2024-02-22')).toMatchObject({ status: 'overdue', workingDaysRemaining: -1 });
  });

  it('changes from due to overdue at midnight Beijing time', () => {
    const lastMoment = endOfBeijingDay(d('2024-02-21'));
    expect(deadlineStatus(acceptance, calendar, lastMoment).status).toBe('due_soon');
    expect(deadlineStatus(acceptance, calendar, new Date(lastMoment.getTime() + 1)).status).toBe('overdue');
    expect(statusOn(acceptance, '2024-02-08').dueAt.toISOString()).toBe('2024-02-21T15:59:59.999Z');
  });

  it('is due 2025-10-10 when started on 2025-09-26 before National Day', () => {
    const clock = startDeadline({ unit: 'working_days', amount: 5 }, d('2025-09-26'));
    expect(statusOn(clock, '2025-09-26').dueDate).toBe('2025-10-10');
  });
});

describe('calendar-day and month deadlines', () => {
  it('moves a period ending on a holiday to the next working day', () => {
    // 30 days from 2024-09-01 ends 10-01 (National Day) → 10-08.
    const clock = startDeadline({ unit: 'calendar_days', amount: 30 }, d('2024-09-01'));
    expect(statusOn(clock, '2024-09-02').dueDate).toBe('2024-10-08');
  });

  it('clamps "1 month" to the end of February', () => {
    const leap = startDeadline({ unit: 'months', amount: 1 }, d('2024-01-31'));
    expect(statusOn(leap, '2024-02-01').dueDate).toBe('2024-02-29');
    const common = startDeadline({ unit: 'months', amount: 1 }, d('2025-01-31'));
    expect(statusOn(common, '2025-02-01').dueDate).toBe('2025-02-28');
  });

  it('keeps a month period that ends on a make-up Saturday, which is a working day', () => {
    const clock = startDeadline({ unit: 'months', amount: 1 }, d('2024-09-12'));
    expect(statusOn(clock, '2024-09-13').dueDate).toBe('2024-10-12');
  });
});

describe('pause and resume (补正期间不计入)', () => {
  // 10 working days from Fri 2024-03-01 would end on 2024-03-15.
  const base = startDeadline({ unit: 'working_days', amount: 10 }, d('2024-03-01'));
  const paused = pauseDeadline(base, d('2024-03-05'), 'awaiting the applicant’s supplement');

  it('reports paused with the remaining days frozen', () => {
    expect(statusOn(base, '2024-03-04').dueDate).toBe('2024-03-15');
    const during = statusOn(paused, '2024-03-06');
    expect(during.status).toBe('paused');
    // 03-04 and 03-05 ran; 8 working days remain whenever it resumes.
    expect(during.workingDaysRemaining).toBe(8);
    expect(statusOn(paused, '2024-03-08').workingDaysRemaining).toBe(8);
  });

  it('does not count the paused working days after resuming', () => {
    const resumed = resumeDeadline(paused, d('2024-03-07'));
    // 03-06 and 03-07 are excluded, so the due date moves two working days to 03-19.
    expect(statusOn(resumed, '2024-03-08')).toMatchObject({ dueDate: '2024-03-19', status: 'on_time' });
    expect(resumed.pauses).toEqual([{ from: '2024-03-05', until: '2024-03-07', reason: expect.any(String) }]);
  });

  it('ignores a pause recorded after the moment asked about', () => {
    const resumed = resumeDeadline(paused, d('2024-03-07'));
    expect(statusOn(resumed, '2024-03-04')).toMatchObject({ dueDate: '2024-03-15', status: 'on_time' });
  });

  it('refuses to pause twice, resume when running, or go back in time', () => {
    expect(() => pauseDeadline(paused, d('2024-03-06'), 'again')).toThrow('deadline.already_paused');
    expect(() => resumeDeadline(base, d('2024-03-06'))).toThrow('deadline.not_paused');
    expect(() => resumeDeadline(paused, d('2024-03-04'))).toThrow('deadline.date_out_of_order');
    expect(() => pauseDeadline(base, d('2024-02-29'), 'before start')).toThrow('deadline.date_out_of_order');
  });
});

describe('extension (延长, once)', () => {
  // Verification: 30 days from 2024-03-01 ends Sun 03-31 → Mon 04-01.
  const verification = startDeadline({ unit: 'calendar_days', amount: 30 }, d('2024-03-01'));
  const extension = {
    by: { unit: 'calendar_days' as const, amount: 30 },
    approvedBy: 'commission_leader:li',
    reason: '案情复杂，需补充调查',
    approvedOn: d('2024-03-25'),
  };
  const extended = extendDeadline(verification, extension, { unit: 'calendar_days', amount: 30 });

  it('adds the extension to the original due date', () => {
    expect(statusOn(verification, '2024-03-02').dueDate).toBe('2024-04-01');
    // 04-01 + 30 days = 05-01 (Labour Day, off to 05-05) → 05-06.
    expect(statusOn(extended, '2024-03-26').dueDate).toBe('2024-05-06');
    expect(statusOn(extended, '2024-03-20').dueDate).toBe('2024-04-01'); // not yet approved then
  });

  it('refuses a second extension with a DomainError', () => {
    expect(() => extendDeadline(extended, { ...extension, approvedOn: d('2024-04-20') })).toThrow(
      expect.objectContaining({ code: 'deadline.already_extended' }),
    );
  });

  it('requires approver and reason and respects the policy limit', () => {
    expect(() => extendDeadline(verification, { ...extension, reason: ' ' })).toThrow(
      expect.objectContaining({ code: 'deadline.extension_incomplete', field: 'reason' }),
    );
    expect(() =>
      extendDeadline(verification, { ...extension, by: { unit: 'calendar_days', amount: 31 } }, extension.by),
    ).toThrow('deadline.extension_exceeds_limit');
  });
});

describe('years without a schedule', () => {
  it('flags a deadline that runs into 2027', () => {
    const clock = startDeadline({ unit: 'working_days', amount: 5 }, d('2026-12-30'));
    expect(statusOn(clock, '2026-12-30')).toMatchObject({
      dueDate: '2027-01-06',
      uncertain: true,
      missingYears: [2027],
    });
  });

  it('is certain when the whole period lies in covered years', () => {
    const clock = startDeadline({ unit: 'working_days', amount: 5 }, d('2026-12-01'));
    expect(statusOn(clock, '2026-12-01')).toMatchObject({ uncertain: false, missingYears: [] });
  });
});

describe('day-number counting matches counting date by date', () => {
  // The plain reading of the rules, one date string at a time, through the calendar's public
  // methods: deadlineStatus must agree with it on random clocks, pauses, extensions and moments.
  function reference(clock: DeadlineClock, now: Date) {
    const today = toBeijingDate(now);
    const missing = new Set<number>();
    const pauses = clock.pauses.filter((p) => p.from <= today).map((p) => ({ from: p.from, until: p.until === null || p.until > today ? today : p.until }));
    const isPaused = (date: LocalDate) => pauses.some((p) => p.from < date && date <= p.until);
    const counts = (date: LocalDate) => !isPaused(date) && calendar.countsAsWorkingDay(date, missing);
    const walk = (from: LocalDate, amount: number, ok: (date: LocalDate) => boolean) => {
      let date = from;
      for (let n = 0; n < amount; ) if (ok((date = addCalendarDays(date, 1)))) n += 1;
      return date;
    };
    let due = clock.startedOn;
    const legs = [clock.rule, ...(clock.extension && clock.extension.approvedOn <= today ? [clock.extension.by] : [])];
    for (const leg of legs) {
      if (leg.unit === 'working_days') due = walk(due, leg.amount, counts);
      else {
        due = walk(due, leg.unit === 'months' ? calendarDaysBetween(due, addMonths(due, leg.amount)) : leg.amount, (date) => !isPaused(date));
        while (!calendar.countsAsWorkingDay(due, missing)) due = addCalendarDays(due, 1);
      }
    }
    const [first, last, sign] = today <= due ? [today, due, 1] : [due, today, -1];
    let days = 0;
    for (let date = addCalendarDays(first, 1); date <= last; date = addCalendarDays(date, 1)) if (counts(date)) days += 1;
    return { dueDate: due, workingDaysRemaining: sign * days || 0, missingYears: [...missing].sort((a, b) => a - b) };
  }

  it('on 3,000 random clocks', () => {
    const day = fc.integer({ min: 0, max: 9 * 365 }).map((n) => addCalendarDays(d('2018-06-01'), n));
    const rule = fc.record({ unit: fc.constantFrom('working_days' as const, 'calendar_days' as const, 'months' as const), amount: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(rule, day, fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }), fc.option(rule, { nil: undefined }), fc.integer({ min: -30, max: 900 }), (r, start, gaps, extension, askedAfter) => {
        let clock = startDeadline(r, start);
        let cursor = start;
        gaps.forEach((gap, i) => {
          cursor = addCalendarDays(cursor, gap);
          clock = i % 2 === 0 ? pauseDeadline(clock, cursor, 'supplement') : resumeDeadline(clock, cursor);
        });
        if (extension) clock = extendDeadline(clock, { by: extension, approvedBy: '王局长', reason: '情况复杂', approvedOn: addCalendarDays(start, 3) });
        const now = at(addCalendarDays(start, askedAfter));
        expect(deadlineStatus(clock, calendar, now)).toMatchObject(reference(clock, now));
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    // The reference walks date strings one by one: seconds on a busy shared machine.
  }, 60_000);
});
