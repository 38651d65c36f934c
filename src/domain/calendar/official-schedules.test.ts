import { describe, expect, it } from 'vitest';
import { isWeekend, parseLocalDate } from './local-date.ts';
import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { WorkingDayCalendar, type DayKind } from './working-day-calendar.ts';

const calendar = new WorkingDayCalendar(OFFICIAL_SCHEDULES);

// Known days from each State Council notice (国务院办公厅关于部分节假日安排的通知).
const KNOWN: Record<number, Array<[string, DayKind]>> = {
  2019: [
    ['2019-02-02', 'makeup_workday'],
    ['2019-02-03', 'makeup_workday'],
    ['2019-02-04', 'holiday'],
    ['2019-02-10', 'holiday'],
    ['2019-02-11', 'workday'],
    ['2019-05-04', 'holiday'],
    ['2019-04-28', 'makeup_workday'],
    ['2019-05-05', 'makeup_workday'],
    ['2019-09-29', 'makeup_workday'],
    ['2019-10-07', 'holiday'],
    ['2019-10-12', 'makeup_workday'],
  ],
  2020: [
    ['2020-01-19', 'makeup_workday'],
    ['2020-01-24', 'holiday'],
    ['2020-01-31', 'holiday'],
    // The extension to 2020-02-02 cancelled the 2020-02-01 make-up workday.
    ['2020-02-01', 'holiday'],
    ['2020-02-02', 'holiday'],
    ['2020-02-03', 'workday'],
    ['2020-06-28', 'makeup_workday'],
    ['2020-10-08', 'holiday'],
    ['2020-10-10', 'makeup_workday'],
  ],
  2021: [
    ['2021-02-07', 'makeup_workday'],
    ['2021-02-11', 'holiday'],
    ['2021-02-17', 'holiday'],
    ['2021-02-20', 'makeup_workday'],
    ['2021-09-18', 'makeup_workday'],
    ['2021-09-26', 'makeup_workday'],
    ['2021-10-09', 'makeup_workday'],
    ['2021-10-08', 'workday'],
  ],
  2022: [
    ['2022-01-29', 'makeup_workday'],
    ['2022-01-30', 'makeup_workday'],
    ['2022-01-31', 'holiday'],
    ['2022-04-02', 'makeup_workday'],
    ['2022-04-30', 'holiday'],
    ['2022-10-08', 'makeup_workday'],
    ['2022-10-09', 'makeup_workday'],
    ['2022-12-31', 'holiday'],
  ],
  2023: [
    ['2023-01-02', 'holiday'],
    ['2023-01-28', 'makeup_workday'],
    ['2023-01-29', 'makeup_workday'],
    ['2023-04-05', 'holiday'],
    ['2023-06-25', 'makeup_workday'],
    ['2023-09-29', 'holiday'],
    ['2023-10-06', 'holiday'],
    ['2023-10-07', 'makeup_workday'],
    ['2023-10-08', 'makeup_workday'],
  ],
  2024: [
    ['2024-02-04', 'makeup_workday'],
    ['2024-02-09', 'workday'],
    ['2024-02-10', 'holiday'],
    ['2024-02-17', 'holiday'],
    ['2024-02-18', 'makeup_workday'],
    ['2024-04-07', 'makeup_workday'],
    ['2024-05-11', 'makeup_workday'],
    ['2024-09-14', 'makeup_workday'],
    ['2024-10-07', 'holiday'],
    ['2024-10-12', 'makeup_workday'],
    ['2024-10-13', 'weekend'],
  ],
  2025: [
    ['2025-01-01', 'holiday'],
    ['2025-01-26', 'makeup_workday'],
    ['2025-01-28', 'holiday'],
    ['2025-02-04', 'holiday'],
    ['2025-02-08', 'makeup_workday'],
    ['2025-04-27', 'makeup_workday'],
    ['2025-05-05', 'holiday'],
    ['2025-09-28', 'makeup_workday'],
    ['2025-10-08', 'holiday'],
    ['2025-10-11', 'makeup_workday'],
    ['2025-10-09', 'workday'],
  ],
  2026: [
    ['2026-01-03', 'holiday'],
    ['2026-01-04', 'makeup_workday'],
    ['2026-02-14', 'makeup_workday'],
    ['2026-02-15', 'holiday'],
    ['2026-02-23', 'holiday'],
    ['2026-02-24', 'workday'],
    ['2026-02-28', 'makeup_workday'],
    ['2026-05-09', 'makeup_workday'],
    ['2026-09-20', 'makeup_workday'],
    ['2026-10-07', 'holiday'],
    ['2026-10-10', 'makeup_workday'],
  ],
};

describe('official holiday schedules 2019–2026', () => {
  it('covers every year from 2019 to 2026 and loads without error', () => {
    expect(calendar.coveredYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  for (const [year, days] of Object.entries(KNOWN)) {
    it.each(days)(`${year}: %s is %s`, (day, kind) => {
      expect(calendar.dayKind(parseLocalDate(day))).toBe(kind);
    });
  }

  it('has the number of days off each notice announces', () => {
    const count = (year: number, name: string) =>
      OFFICIAL_SCHEDULES.find((s) => s.year === year)!.holidays.find((h) => h.name === name)!.days.length;
    expect(count(2024, '春节')).toBe(8);
    expect(count(2025, '春节')).toBe(8);
    expect(count(2025, '国庆节、中秋节')).toBe(8);
    expect(count(2026, '春节')).toBe(9);
    expect(count(2020, '春节')).toBe(10);
  });

  it('only ever turns weekend days into make-up workdays', () => {
    for (const schedule of OFFICIAL_SCHEDULES) {
      for (const day of schedule.makeupWorkdays) expect(isWeekend(parseLocalDate(day)), day).toBe(true);
    }
  });
});
