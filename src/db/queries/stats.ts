/**
 * Read models of the dashboards. Metrics per jurisdiction come from one of two sources that give
 * the same numbers (src/domain/stats/metrics.ts):
 * - 'matters' (in use until the counters are written by every transition): the matters opened in
 *   the period, read through `matters_cohort_idx (jurisdiction_id, created_at)` and summed in memory.
 *   Cost grows with the matters opened in the period and scope (a county-year ≈ 100 rows, a
 *   province-year ≈ 10,000), not with the history before it.
 * - 'counters': sums of `matter_stats_daily` rows by primary key (jurisdiction, day) — at most one
 *   row per jurisdiction, day and metric with activity, whatever the number of matters or events.
 * The overdue snapshot reads `matters_inbox_idx (jurisdiction_id, status, due_on)`.
 */
import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import { addCalendarDays, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import {
  addMetrics,
  contributionsOfMatter,
  emptyMetrics,
  METRICS,
  type Metric,
  type Metrics,
} from '../../domain/stats/metrics.ts';
import type { StatusCount } from '../../domain/stats/procedure-counters.ts';
import type { MatterType } from '../schema.ts';
import { snapshotFromParts } from '../repos/stats.ts';
import { escapeLike } from './roster.ts';

/**
 * Where the metrics are read from. Switch to 'counters' once `recordStatsForTransition` runs in every
 * transition and `rebuildMatterStats` has filled in the history.
 */
export const STATS_SOURCE: 'matters' | 'counters' = 'counters';

/** Inclusive Beijing dates. */
export type Period = { from: LocalDate; to: LocalDate };

export type JurisdictionRow = {
  id: string;
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  path: string;
};

const JURISDICTION_COLUMNS = ['id', 'code', 'name', 'level', 'path'] as const;

export async function findJurisdiction(db: Db, id: string): Promise<JurisdictionRow | undefined> {
  return db.selectFrom('jurisdictions').select(JURISDICTION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findJurisdictionByPath(db: Db, path: string): Promise<JurisdictionRow | undefined> {
  return db
    .selectFrom('jurisdictions')
    .select(JURISDICTION_COLUMNS)
    .where('path', '=', path)
    .executeTakeFirst();
}

/** Counties at or under a jurisdiction, by code. */
export async function countiesUnder(db: Db, path: string): Promise<JurisdictionRow[]> {
  return db
    .selectFrom('jurisdictions')
    .select(JURISDICTION_COLUMNS)
    .where('path', 'like', `${escapeLike(path)}%`)
    .where('level', '=', 'county')
    .orderBy('code')
    .execute();
}

const startOfDay = (date: LocalDate) => new Date(`${date}T00:00:00+08:00`);

/** Metrics of the matters opened in the period under `rootPath`, keyed by the matter's jurisdiction path. */
export async function metricsByJurisdiction(
  db: Db,
  rootPath: string,
  period: Period,
  calendar: WorkingDayCalendar,
  source: 'matters' | 'counters' = STATS_SOURCE,
): Promise<Map<string, Metrics>> {
  return source === 'counters'
    ? fromCounters(db, rootPath, period)
    : fromMatters(db, rootPath, period, calendar);
}

async function fromMatters(
  db: Db,
  rootPath: string,
  period: Period,
  calendar: WorkingDayCalendar,
): Promise<Map<string, Metrics>> {
  const rows = await db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .select([
      'j.path',
      'm.status',
      'm.route',
      'm.decided_at',
      'm.appealed',
      sql<string | null>`m.clocks->'acceptance'->>'startedOn'`.as('filed_on'),
      sql<string | null>`m.clocks->'verification'->>'startedOn'`.as('verification_started_on'),
      sql<string | null>`m.proposal->>'proposedOn'`.as('proposed_on'),
      sql<string | null>`coalesce(m.decision->'original'->>'outcome', m.decision->>'outcome', m.outcome)`.as(
        'first_outcome',
      ),
      sql<string | null>`m.decision->'review'->>'result'`.as('review_result'),
      sql<unknown>`m.clocks->'acceptance'`.as('acceptance_clock'),
      sql<unknown>`m.clocks->'verification'`.as('verification_clock'),
      'm.closed_at',
    ])
    .where('j.path', 'like', `${escapeLike(rootPath)}%`)
    .where('m.type', '=', 'tolerance')
    .where('m.created_at', '>=', startOfDay(period.from))
    .where('m.created_at', '<', startOfDay(addCalendarDays(period.to, 1)))
    .execute();
  const byPath = new Map<string, Metrics>();
  for (const r of rows) {
    const snapshot = snapshotFromParts({
      status: r.status,
      route: r.route,
      filedOn: r.filed_on,
      verificationStartedOn: r.verification_started_on,
      proposedOn: r.proposed_on,
      decidedAt: r.decided_at,
      firstOutcome: r.first_outcome,
      reviewResult: r.review_result,
      appealed: r.appealed,
      acceptanceClock: r.acceptance_clock,
      verificationClock: r.verification_clock,
      closedAt: r.closed_at,
    });
    byPath.set(
      r.path,
      addMetrics(byPath.get(r.path) ?? emptyMetrics(), contributionsOfMatter(snapshot, calendar)),
    );
  }
  return byPath;
}

async function fromCounters(db: Db, rootPath: string, period: Period): Promise<Map<string, Metrics>> {
  const rows = await db
    .selectFrom('matter_stats_daily as s')
    .innerJoin('jurisdictions as j', 'j.id', 's.jurisdiction_id')
    .select(['j.path', 's.metric', (eb) => eb.fn.sum<string>('s.count').as('n')])
    .where('j.path', 'like', `${escapeLike(rootPath)}%`)
    .where('s.type', '=', 'tolerance')
    .where('s.day', '>=', period.from)
    .where('s.day', '<=', period.to)
    .groupBy(['j.path', 's.metric'])
    .execute();
  const known = new Set<string>(METRICS);
  const byPath = new Map<string, Metrics>();
  for (const r of rows) {
    if (!known.has(r.metric)) continue;
    const metrics = byPath.get(r.path) ?? emptyMetrics();
    metrics[r.metric as Metric] += Number(r.n);
    byPath.set(r.path, metrics);
  }
  return byPath;
}

/** Matters past their running time limit on `today` (acceptance, verification, review; paused clocks excluded), by jurisdiction path. */
export async function overdueByJurisdiction(
  db: Db,
  rootPath: string,
  today: LocalDate,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .select(['j.path', (eb) => eb.fn.countAll<string>().as('n')])
    .where('j.path', 'like', `${escapeLike(rootPath)}%`)
    // Other procedures share status names (a filing is 'submitted' too) and count on their own.
    .where('m.type', '=', 'tolerance')
    .where('m.status', 'in', ['submitted', 'verifying', 'under_review'])
    .where('m.due_on', '<', today)
    .groupBy('j.path')
    .execute();
  return new Map(rows.map((r) => [r.path, Number(r.n)]));
}

/**
 * Matters of the other procedures under `rootPath` by type and status (drafts left out: the filer's
 * own until filed): how many now, how many past their running time limit on `today`, and how many
 * reached the status within the period (by `closed_at`, set on entering a terminal status).
 * `domain/stats/procedure-counters.ts` turns these into the dashboard's counters.
 */
export async function procedureStatusCounts(
  db: Db,
  rootPath: string,
  types: readonly string[],
  period: Period,
  today: LocalDate,
): Promise<StatusCount[]> {
  if (types.length === 0) return [];
  const from = startOfDay(period.from);
  const until = startOfDay(addCalendarDays(period.to, 1));
  const rows = await db
    .selectFrom('matters as m')
    .select([
      'm.type',
      'm.status',
      (eb) => eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where m.due_on < ${today})`.as('overdue'),
      sql<string>`count(*) filter (where m.closed_at >= ${from} and m.closed_at < ${until})`.as('in_period'),
    ])
    .where(
      sql<boolean>`m.jurisdiction_id = any(array(select id from jurisdictions where path like ${`${escapeLike(rootPath)}%`}))`,
    )
    .where('m.type', 'in', types as MatterType[])
    .where('m.status', '!=', 'draft')
    .groupBy(['m.type', 'm.status'])
    .execute();
  return rows.map((r) => ({
    type: r.type,
    status: r.status,
    total: Number(r.total),
    overdue: Number(r.overdue),
    inPeriod: Number(r.in_period),
  }));
}

/** Cadres in office at or under each of the given jurisdictions (the denominators of rates). */
export async function cadresInOffice(
  db: Db,
  targets: { id: string; path: string }[],
): Promise<Map<string, number>> {
  if (targets.length === 0) return new Map();
  const rows = await db
    .selectFrom('jurisdictions as t')
    .innerJoin('jurisdictions as j', (join) => join.on(sql<boolean>`j.path like t.path || '%'`))
    .innerJoin('cadres as c', 'c.jurisdiction_id', 'j.id')
    .select(['t.path', (eb) => eb.fn.countAll<string>().as('n')])
    .where(
      't.id',
      'in',
      targets.map((t) => t.id),
    )
    .where('c.status', '=', 'in_office')
    .groupBy('t.path')
    .execute();
  return new Map(rows.map((r) => [r.path, Number(r.n)]));
}

/** Adds up the per-jurisdiction values that fall at or under `path`. */
export function sumUnder<T>(byPath: Map<string, T>, path: string, zero: () => T, add: (a: T, b: T) => T): T {
  let total = zero();
  for (const [p, value] of byPath) if (p.startsWith(path)) total = add(total, value);
  return total;
}
