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

/** Resolved versions (inheritance applied), by definitions and `id@version`: every page of a matter asks for one. */
const resolvedPolicies = new WeakMap<readonly PolicyDefinition[], Map<string, EffectivePolicy>>();

/** A policy version with inheritance applied; shared and frozen, so nobody can change it for the next caller. */
export function policyVersion(id: string, version: string): EffectivePolicy {
  const definitions = policyDefinitions();
  let byVersion = resolvedPolicies.get(definitions);
  if (!byVersion) resolvedPolicies.set(definitions, (byVersion = new Map()));
  const key = `${id}@${version}`;
  let policy = byVersion.get(key);
  if (!policy) byVersion.set(key, (policy = deepFreeze(resolvePolicy(definitions, id, version))));
  return policy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
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
