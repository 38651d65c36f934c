/**
 * Read model of the county scorecard (实施力度评价). Everything is read per jurisdiction of the tree
 * the viewer can open, and none of it grows with history:
 * - tolerance figures: sums of `matter_stats_daily` over the period (one row per jurisdiction, day
 *   and metric with activity), as the dashboard reads them (queries/stats.ts);
 * - correction, name-clearing and follow-up events: sums of `procedure_stats_daily` likewise;
 * - "overdue and still open" figures: open matters only, through `matters_inbox_idx
 *   (jurisdiction_id, status, due_on)` — bounded by the work in hand, not by the matters ever opened;
 * - cadres in office: the roster of the jurisdictions compared (their size, not their history).
 */
import { sql } from 'kysely';
import type { Db } from '../connect.ts';
import { addCalendarDays, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { Metrics } from '../../domain/stats/metrics.ts';
import type { EventMetric } from '../../domain/stats/procedure-events.ts';
import { ZERO_COUNTS, type ScorecardCounts } from '../../domain/stats/scorecard-indicators.ts';
import type { TreeNode } from '../../domain/stats/scorecard-build.ts';
import type { Weights } from '../../domain/stats/scorecard-weights.ts';
import { metricsByJurisdiction, type Period } from './stats.ts';
import { escapeLike } from './roster.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';

const TREE_LEVELS = ['province', 'city', 'county'] as const;

type JurisdictionPathRow = {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: TreeNode['level'];
  path: string;
};

/** The jurisdictions at or under `rootPath` (townships included, to roll their counts up). */
async function jurisdictionsUnder(db: Db, rootPath: string): Promise<JurisdictionPathRow[]> {
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'parent_id', 'code', 'name', 'level', 'path'])
    .where('path', 'like', `${escapeLike(rootPath)}%`)
    .execute();
}

const under = (rootPath: string) =>
  sql<boolean>`jurisdiction_id = any(array(select id from jurisdictions where path like ${`${escapeLike(rootPath)}%`}))`;

const startOfDay = (date: LocalDate) => new Date(`${date}T00:00:00+08:00`);

/** Every jurisdiction's counts, each attached to its tree node (a township's to its county). */
export type ScorecardData = { nodes: TreeNode[]; own: Map<string, ScorecardCounts> };

export async function scorecardData(
  db: Db,
  rootPath: string,
  period: Period,
  today: LocalDate,
  calendar: WorkingDayCalendar,
): Promise<ScorecardData> {
  const [jurisdictions, metrics, running, events, openOverdue, cadres] = await Promise.all([
    jurisdictionsUnder(db, rootPath),
    metricsByJurisdiction(db, rootPath, period, calendar, 'counters'),
    runningOverdue(db, rootPath, period, today),
    eventCounts(db, rootPath, period),
    openOverdueCounts(db, rootPath, period, today),
    cadresByJurisdiction(db, rootPath),
  ]);
  const nodes = jurisdictions
    .filter((j) => (TREE_LEVELS as readonly string[]).includes(j.level))
    .map((j): TreeNode => ({ id: j.id, parentId: j.parent_id, code: j.code, name: j.name, level: j.level }));
  const inTree = new Set(nodes.map((n) => n.id));
  const byPath = new Map(jurisdictions.map((j) => [j.path, j]));
  const byId = new Map(jurisdictions.map((j) => [j.id, j]));
  /** The tree node a jurisdiction's counts belong to: itself, or its nearest ancestor in the tree. */
  const nodeOf = (j: JurisdictionPathRow): string | undefined => {
    const ids = j.path.split('/').filter(Boolean);
    for (let i = ids.length - 1; i >= 0; i--) if (inTree.has(ids[i]!)) return ids[i];
    return undefined;
  };
  const own = new Map<string, ScorecardCounts>();
  const add = (j: JurisdictionPathRow | undefined, change: Partial<ScorecardCounts>) => {
    const id = j ? nodeOf(j) : undefined;
    if (!id) return;
    const c = { ...(own.get(id) ?? ZERO_COUNTS) };
    for (const [key, value] of Object.entries(change) as [keyof ScorecardCounts, number][]) c[key] += value;
    own.set(id, c);
  };
  for (const [path, m] of metrics) add(byPath.get(path), fromMetrics(m));
  for (const [id, n] of running) add(byId.get(id), { runningOverdue: n });
  for (const [id, e] of events) add(byId.get(id), fromEvents(e));
  for (const [id, o] of openOverdue) add(byId.get(id), o);
  for (const [id, n] of cadres) add(byId.get(id), { cadres: n });
  return { nodes, own };
}

function fromMetrics(m: Metrics): Partial<ScorecardCounts> {
  return {
    applied: m.applied,
    exOfficio: m['route.ex_officio'],
    acceptanceMet: m['limit.acceptance.met'],
    acceptanceMissed: m['limit.acceptance.missed'],
    verificationMet: m['limit.verification.met'],
    verificationMissed: m['limit.verification.missed'],
    decided: m.decided,
    exempt: m['outcome.exempt'],
    mitigate: m['outcome.mitigate'],
    refuse: m['outcome.refuse'],
    daysAcceptanceSum: m['days.acceptance.sum'],
    daysAcceptanceN: m['days.acceptance.n'],
    daysVerificationSum: m['days.verification.sum'],
    daysVerificationN: m['days.verification.n'],
    daysDecisionSum: m['days.decision.sum'],
    daysDecisionN: m['days.decision.n'],
    appealed: m.appealed,
    reviewed: m.reviewed,
    reversed: m.reversed,
  };
}

function fromEvents(e: Partial<Record<EventMetric, number>>): Partial<ScorecardCounts> {
  return {
    correctionsClosed: e['correction.closed'] ?? 0,
    correctionsClosedOnTime: e['correction.closed_on_time'] ?? 0,
    correctionsTerminated: e['correction.terminated'] ?? 0,
    namesCleared: e['name_clearing.cleared'] ?? 0,
    namesClearedOnTime: e['name_clearing.cleared_on_time'] ?? 0,
    visits: e['follow_up.visited'] ?? 0,
    visitsOnTime: e['follow_up.visited_on_time'] ?? 0,
  };
}

/** Tolerance matters of the period's cohort now past a running acceptance or verification limit. */
async function runningOverdue(
  db: Db,
  rootPath: string,
  period: Period,
  today: LocalDate,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('matters')
    .select(['jurisdiction_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where(under(rootPath))
    .where('type', '=', 'tolerance')
    .where('status', 'in', ['submitted', 'verifying'])
    .where('due_on', '<', today)
    .where('created_at', '>=', startOfDay(period.from))
    .where('created_at', '<', startOfDay(addCalendarDays(period.to, 1)))
    .groupBy('jurisdiction_id')
    .execute();
  return new Map(rows.map((r) => [r.jurisdiction_id, Number(r.n)]));
}

async function eventCounts(
  db: Db,
  rootPath: string,
  period: Period,
): Promise<Map<string, Partial<Record<EventMetric, number>>>> {
  const rows = await db
    .selectFrom('procedure_stats_daily')
    .select(['jurisdiction_id', 'metric', (eb) => eb.fn.sum<string>('count').as('n')])
    .where(under(rootPath))
    .where('day', '>=', period.from)
    .where('day', '<=', period.to)
    .groupBy(['jurisdiction_id', 'metric'])
    .execute();
  const out = new Map<string, Partial<Record<EventMetric, number>>>();
  for (const r of rows)
    out.set(r.jurisdiction_id, { ...out.get(r.jurisdiction_id), [r.metric]: Number(r.n) });
  return out;
}

/**
 * Work still open past a time limit that ended in the period: corrections still rectifying, name
 * clearings not carried out, visits not made. Counted where the limit fell until the work is done.
 */
async function openOverdueCounts(
  db: Db,
  rootPath: string,
  period: Period,
  today: LocalDate,
): Promise<Map<string, Partial<ScorecardCounts>>> {
  const last = period.to < today ? period.to : addCalendarDays(today, -1);
  if (last < period.from) return new Map();
  const rows = await db
    .selectFrom('matters')
    .select(['jurisdiction_id', 'type', (eb) => eb.fn.countAll<string>().as('n')])
    .where(under(rootPath))
    .where((eb) =>
      eb.or([
        eb.and([eb('type', '=', 'correction'), eb('status', '=', 'rectifying')]),
        eb.and([
          eb('type', '=', 'name_clearing'),
          eb('status', 'in', ['trigger_check', 'consulting', 'awaiting_leader', 'executing']),
        ]),
        eb.and([eb('type', '=', 'follow_up'), eb('status', '=', 'planned')]),
      ]),
    )
    .where('due_on', '>=', period.from)
    .where('due_on', '<=', last)
    .groupBy(['jurisdiction_id', 'type'])
    .execute();
  const out = new Map<string, Partial<ScorecardCounts>>();
  const key = {
    correction: 'correctionsOverdueOpen',
    name_clearing: 'namesOverdueOpen',
    follow_up: 'visitsOverdueOpen',
  } as const;
  for (const r of rows) {
    const k = key[r.type as keyof typeof key];
    if (k) out.set(r.jurisdiction_id, { ...out.get(r.jurisdiction_id), [k]: Number(r.n) });
  }
  return out;
}

/** Cadres in office by jurisdiction (the roster now). */
async function cadresByJurisdiction(db: Db, rootPath: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('cadres')
    .select(['jurisdiction_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where(under(rootPath))
    .where('status', '=', 'in_office')
    .groupBy('jurisdiction_id')
    .execute();
  return new Map(rows.map((r) => [r.jurisdiction_id, Number(r.n)]));
}

/** A set of weights in force, and where it was set. */
export type WeightsInForce = {
  weights: Weights;
  jurisdictionId: string;
  effectiveFrom: string;
  reason: string;
  setAt: Date;
};

/**
 * The weights in force on `asOf` for comparisons made at a jurisdiction: the newest set effective by
 * then at the nearest of `jurisdictionIds` (the jurisdiction first, then its ancestors) that has one.
 */
export async function weightsInForce(
  db: Db,
  jurisdictionIds: readonly string[],
  asOf: LocalDate,
): Promise<WeightsInForce | null> {
  if (jurisdictionIds.length === 0) return null;
  const rows = await db
    .selectFrom('scorecard_weights')
    .select(['jurisdiction_id', 'effective_from', 'weights', 'reason', 'created_at'])
    .where('jurisdiction_id', 'in', [...jurisdictionIds])
    .where('effective_from', '<=', asOf)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  for (const id of jurisdictionIds) {
    const row = rows.find((r) => r.jurisdiction_id === id);
    if (row)
      return {
        weights: (typeof row.weights === 'string' ? JSON.parse(row.weights) : row.weights) as Weights,
        jurisdictionId: row.jurisdiction_id,
        effectiveFrom: String(row.effective_from).slice(0, 10),
        reason: row.reason,
        setAt: row.created_at,
      };
  }
  return null;
}
