import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { actorOf } from '../../domain/access.ts';
import {
  calendarWithOfficialSchedules,
  OFFICIAL_SCHEDULES,
  type YearSchedule,
} from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * Enters (or replaces) a year's holiday and make-up-workday schedule (节假日安排), e.g. when the State
 * Council publishes next year's notice. The calendar itself checks it and names the bad entry
 * ('holidays[1].days[2]'). The working-day calendar is one for the whole installation, so any
 * administrator may enter it.
 */
export async function saveCalendarYear(
  deps: Deps,
  user: UserWithGrants,
  year: number,
  schedule: YearSchedule,
): Promise<{ replaced: boolean }> {
  if (!user.grants.some((g) => g.role === 'admin')) throw new DomainError('auth.forbidden');
  if (schedule.year !== year)
    throw new DomainError('calendar.year_mismatch', { path: year, body: schedule.year }, 'year');
  try {
    calendarWithOfficialSchedules([schedule]);
  } catch (error) {
    if (error instanceof DomainError && error.field)
      throw new DomainError(error.code, error.details, error.field.replace(/^schedules\[\d+\]\./, ''));
    throw error;
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('calendar_years')
      .select('year')
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    const row = {
      schedule: JSON.stringify(schedule),
      entered_by: user.system ? null : user.userId,
      updated_at: now,
    };
    await trx
      .insertInto('calendar_years')
      .values({ year, ...row })
      .onConflict((oc) => oc.column('year').doUpdateSet(row))
      .execute();
    const data = {
      year,
      holidayDays: schedule.holidays.reduce((n, block) => n + block.days.length, 0),
      makeupWorkdays: schedule.makeupWorkdays.length,
      replaced: existing !== undefined,
      overridesOfficial: OFFICIAL_SCHEDULES.some((s) => s.year === year),
    };
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'calendar.year_saved',
        entityType: 'calendar_year',
        entityId: String(year),
        data,
      },
      now,
    );
    return { replaced: existing !== undefined };
  });
}
