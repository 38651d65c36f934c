/** Reads what the pure policy engine and calendar need from the database: the jurisdiction chain and entered holiday years. */
import type { Db } from '../db/connect.ts';
import { currentCalendarStamp, enteredCalendarYears } from '../db/queries/calendar.ts';
import { calendarWithOfficialSchedules, type WorkingDayCalendar, type YearSchedule } from '../domain/calendar/index.ts';
import type { LocalDate } from '../domain/calendar/local-date.ts';
import { SHIPPED_POLICIES, policyInForce, resolvePolicy, type EffectivePolicy, type PolicyDefinition } from '../domain/policy/index.ts';

/** Policy definitions in use: the shipped ones (administrator-entered versions join here later). */
export function policyDefinitions(): readonly PolicyDefinition[] {
  return SHIPPED_POLICIES;
}

/** Jurisdiction codes from the given one up to the province, most specific first. */
export async function jurisdictionChain(db: Db, jurisdictionId: string): Promise<string[]> {
  const self = await db.selectFrom('jurisdictions').select(['path']).where('id', '=', jurisdictionId).executeTakeFirstOrThrow();
  const ids = self.path.split('/').filter(Boolean);
  const rows = await db.selectFrom('jurisdictions').select(['id', 'code']).where('id', 'in', ids).execute();
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  return ids.reverse().map((id) => codeById.get(id)!);
}

/** The policy in force on `date` for a jurisdiction chain, with inheritance applied. */
export function effectivePolicy(chain: readonly string[], date: LocalDate): EffectivePolicy {
  const { definition } = policyInForce(policyDefinitions(), chain, date);
  return resolvePolicy(policyDefinitions(), definition.id, definition.version);
}

export function policyVersion(id: string, version: string): EffectivePolicy {
  return resolvePolicy(policyDefinitions(), id, version);
}

/** The calendar last built for each database handle, under the stamp of the rows it was built from. */
const cachedCalendars = new WeakMap<Db, { stamp: string; calendar: WorkingDayCalendar }>();

/**
 * The working-day calendar as of `stamp` (`calendarStamp` in db/queries/calendar.ts): built from the
 * shipped official schedules plus the years administrators entered, and kept until the stamp changes
 * — building it costs more than the rest of an inbox page's work, and it changes a few times a year.
 */
export async function calendarAt(db: Db, stamp: string): Promise<WorkingDayCalendar> {
  const cached = cachedCalendars.get(db);
  if (cached?.stamp === stamp) return cached.calendar;
  const entered = await enteredCalendarYears(db);
  const calendar = calendarWithOfficialSchedules(entered.schedules as YearSchedule[]);
  cachedCalendars.set(db, { stamp: entered.stamp, calendar });
  return calendar;
}

/** The working-day calendar: shipped official schedules plus the years administrators entered. */
export async function loadCalendar(db: Db): Promise<WorkingDayCalendar> {
  return calendarAt(db, await currentCalendarStamp(db));
}
