import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, parseLocalDate, type LocalDate } from './local-date.ts';
import { calendarWithOfficialSchedules } from './official-calendar.ts';
import { WorkingDayCalendar } from './working-day-calendar.ts';

const d = (value: string) => parseLocalDate(value);
const calendar = calendarWithOfficialSchedules();

describe('addWorkingDays (次日起算)', () => {
  it('skips the 2024 Spring Festival and counts the make-up Sunday 2024-02-18', () => {
    // 02-09 (Fri) is day 1, 02-10..17 are off, 02-18 (Sun, 调休) is day 2, then 19, 20, 21.
    expect(calendar.addWorkingDays(d('2024-02-08'), 5)).toEqual({
      date: '2024-02-21',
      uncertain: false,
      missingYears: [],
    });
    expect(calendar.addWorkingDays(d('2024-02-08'), 2).date).toBe('2024-02-18');
  });

  it('skips the 2025 National Day week and counts the make-up Sunday 2025-09-28', () => {
    // 09-28 (Sun) 1, 09-29 2, 09-30 3, 10-01..08 off, 10-09 4, 10-10 5; 10-11 (Sat, 调休) would be 6.
    expect(calendar.addWorkingDays(d('2025-09-26'), 5).date).toBe('2025-10-10');
    expect(calendar.addWorkingDays(d('2025-09-26'), 6).date).toBe('2025-10-11');
    expect(calendar.addWorkingDays(d('2025-09-26'), 1).date).toBe('2025-09-28');
  });

  it('does not count the start day, and n = 0 returns the start', () => {
    expect(calendar.addWorkingDays(d('2024-03-04'), 1).date).toBe('2024-03-05');
    expect(calendar.addWorkingDays(d('2024-03-04'), 0).date).toBe('2024-03-04');
  });

  it('skips the 2026 Spring Festival (02-15..23) using the make-up Saturday 02-14', () => {
    expect(calendar.addWorkingDays(d('2026-02-13'), 1).date).toBe('2026-02-14');
    expect(calendar.addWorkingDays(d('2026-02-13'), 2).date).toBe('2026-02-24');
  });

  it('flags a count through a year without a schedule instead of guessing silently', () => {
    // 2026-12-31 (Thu) 1, 2027-01-01 (Fri, assumed working) 2, 01-04 3, 01-05 4, 01-06 5.
    expect(calendar.addWorkingDays(d('2026-12-30'), 5)).toEqual({
      date: '2027-01-06',
      uncertain: true,
      missingYears: [2027],
    });
  });

  it('rejects a negative or fractional count', () => {
    expect(() => calendar.addWorkingDays(d('2024-03-04'), -1)).toThrow('calendar.invalid_amount');
    expect(() => calendar.addWorkingDays(d('2024-03-04'), 1.5)).toThrow('calendar.invalid_amount');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after `from` up to and including `to`', () => {
    expect(calendar.workingDaysBetween(d('2024-02-08'), d('2024-02-21')).days).toBe(5);
    expect(calendar.workingDaysBetween(d('2024-02-21'), d('2024-02-21')).days).toBe(0);
  });

  it('is negative when `to` has passed', () => {
    expect(calendar.workingDaysBetween(d('2024-02-21'), d('2024-02-08')).days).toBe(-5);
  });

  it('flags uncovered years', () => {
    expect(calendar.workingDaysBetween(d('2026-12-25'), d('2027-01-08'))).toMatchObject({
      uncertain: true,
      missingYears: [2027],
    });
  });
});

describe('dayKind and isWorkingDay', () => {
  it('reports unknown years, and isWorkingDay refuses to guess', () => {
    expect(calendar.dayKind(d('2027-03-01'))).toBe('unknown_year');
    expect(() => calendar.isWorkingDay(d('2027-03-01'))).toThrow('calendar.year_not_covered');
    expect(calendar.isWorkingDay(d('2024-02-18'))).toBe(true);
    expect(calendar.isWorkingDay(d('2024-02-12'))).toBe(false);
    expect(calendar.holidayOn(d('2024-02-12'))).toEqual({ name: '春节', nameEn: 'Spring Festival' });
  });

  it('rolls a day off forward to the next working day', () => {
    expect(calendar.onOrNextWorkingDay(d('2024-10-01')).date).toBe('2024-10-08');
    expect(calendar.onOrNextWorkingDay(d('2024-10-12')).date).toBe('2024-10-12');
  });
});

describe('administrator-entered schedules', () => {
  const schedule2027 = {
    year: 2027,
    holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
    makeupWorkdays: [],
  };

  it('extends the calendar to a new year and removes the uncertainty', () => {
    const extended = calendarWithOfficialSchedules([schedule2027]);
    expect(extended.dayKind(d('2027-01-01'))).toBe('holiday');
    expect(extended.addWorkingDays(d('2026-12-30'), 2)).toEqual({
      date: '2027-01-04',
      uncertain: false,
      missingYears: [],
    });
  });

  it('replaces a shipped year with an entered one', () => {
    const replaced = calendarWithOfficialSchedules([{ year: 2024, holidays: [], makeupWorkdays: [] }]);
    expect(replaced.dayKind(d('2024-02-12'))).toBe('workday');
  });

  it.each([
    [{ year: 2027, holidays: [], makeupWorkdays: ['2027-01-04'] }, 'schedules[0].makeupWorkdays[0]'],
    [
      { year: 2027, holidays: [{ name: 'x', nameEn: 'x', days: ['2027-02-30'] }], makeupWorkdays: [] },
      'schedules[0].holidays[0].days[0]',
    ],
    [
      { year: 2027, holidays: [{ name: 'x', nameEn: 'x', days: ['2026-12-31'] }], makeupWorkdays: [] },
      'schedules[0].holidays[0].days[0]',
    ],
  ])('rejects a bad schedule naming the entry (%#)', (schedule, field) => {
    expect(() => new WorkingDayCalendar([schedule])).toThrow(
      expect.objectContaining({ code: 'calendar.schedule_invalid', field }),
    );
  });

  it('rejects a year entered twice', () => {
    expect(() => new WorkingDayCalendar([schedule2027, schedule2027])).toThrow(
      expect.objectContaining({ code: 'calendar.schedule_invalid', field: 'schedules[1].year' }),
    );
  });
});

describe('counting on day numbers matches walking the dates one by one', () => {
  // The plain reading: one date string at a time through countsAsWorkingDay (years without a
  // schedule included, so `missingYears` must agree too).
  const walk = (from: LocalDate, ok: (date: LocalDate) => boolean) => {
    let date = from;
    while (!ok(date)) date = addCalendarDays(date, 1);
    return date;
  };
  const day = fc.integer({ min: 0, max: 12 * 365 }).map((n) => addCalendarDays(d('2017-01-01'), n));

  it('workingDaysBetween, addWorkingDays and onOrNextWorkingDay on random dates', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 60 }), (a, b, n) => {
        const missing = new Set<number>();
        const counts = (date: LocalDate) => calendar.countsAsWorkingDay(date, missing);
        const [first, last, sign] = a <= b ? [a, b, 1] : [b, a, -1];
        let days = 0;
        for (let date = addCalendarDays(first, 1); date <= last; date = addCalendarDays(date, 1)) if (counts(date)) days += 1;
        const years = () => [...missing].sort((x, y) => x - y);
        expect(calendar.workingDaysBetween(a, b)).toEqual({ days: sign * days || 0, uncertain: missing.size > 0, missingYears: years() });

        missing.clear();
        let date = a;
        for (let counted = 0; counted < n; ) if (counts((date = addCalendarDays(date, 1)))) counted += 1;
        expect(calendar.addWorkingDays(a, n)).toEqual({ date, uncertain: missing.size > 0, missingYears: years() });

        missing.clear();
        const next = walk(b, counts);
        expect(calendar.onOrNextWorkingDay(b)).toEqual({ date: next, uncertain: missing.size > 0, missingYears: years() });
      }),
      { numRuns: 500, seed: 20261127 },
    );
  }, 60_000);
});
