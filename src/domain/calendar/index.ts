/** Chinese working-day calendar (工作日, 调休) and deadline clocks (时限). */
export * from './local-date.ts';
export * from './working-day-calendar.ts';
export * from './deadline.ts';
export { OFFICIAL_SCHEDULES } from './official-schedules.ts';
export { calendarWithOfficialSchedules } from './official-calendar.ts';
