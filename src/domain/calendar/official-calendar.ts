import { OFFICIAL_SCHEDULES } from './official-schedules.ts';
import { WorkingDayCalendar, type YearSchedule } from './working-day-calendar.ts';

/**
 * A calendar of the shipped official schedules plus those an administrator entered. An entered year
 * replaces the shipped one (e.g. a late change such as the 2020 Spring Festival extension).
 */
export function calendarWithOfficialSchedules(entered: readonly YearSchedule[] = []): WorkingDayCalendar {
  const enteredYears = new Set(entered.map((schedule) => schedule.year));
  return new WorkingDayCalendar([
    ...OFFICIAL_SCHEDULES.filter((schedule) => !enteredYears.has(schedule.year)),
    ...entered,
  ]);
}
