/** What the working-day calendar is built from: the years administrators entered, and their version. */
import { sql } from 'kysely';
import type { Db } from '../connect.ts';

/**
 * A version of the entered calendar years, cheap enough to ask on every request: each row's year and
 * `xmin` (the transaction that wrote this version of the row), so any save, by any app node, changes
 * it. Select it as a column of a query the request runs anyway (see `calendarAt`).
 */
export const calendarStamp = sql<string>`(select coalesce(string_agg(cy.year::text || ':' || cy.xmin::text, ',' order by cy.year), '') from calendar_years cy)`;

/** The entered years with the stamp they make together (the same text `calendarStamp` gives). */
export async function enteredCalendarYears(db: Db): Promise<{ stamp: string; schedules: unknown[] }> {
  const rows = await db.selectFrom('calendar_years').select(['year', 'schedule', sql<string>`xmin::text`.as('version')]).orderBy('year').execute();
  return { stamp: rows.map((r) => `${r.year}:${r.version}`).join(','), schedules: rows.map((r) => r.schedule) };
}

export async function currentCalendarStamp(db: Db): Promise<string> {
  return (await db.selectNoFrom(calendarStamp.as('stamp')).executeTakeFirstOrThrow()).stamp;
}
