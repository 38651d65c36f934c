/**
 * Writes of the dashboard counters (`matter_stats_daily`): one upsert per transition, in the same
 * transaction as the transition, so the counters can never disagree with the matters they count.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, Matter } from '../schema.ts';
import { writeLate } from '../late-writes.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import type { DeadlineClock } from '../../domain/calendar/deadline.ts';
import type { Outcome } from '../../domain/policy/types.ts';
import {
  addMetrics,
  contributionsOfMatter,
  emptyMetrics,
  incrementsForTransition,
  type MatterSnapshot,
  type Metric,
  type Metrics,
} from '../../domain/stats/metrics.ts';
import type { ToleranceAction, ToleranceState } from '../../domain/tolerance/procedure.ts';

/** The columns of a matter the counters read (jsonb columns as stored, or as the JSON strings being written). */
export type StatsMatterRow = Pick<
  Matter,
  'type' | 'jurisdiction_id' | 'created_at' | 'status' | 'route' | 'outcome' | 'decided_at' | 'appealed' | 'closed_at'
> & {
  clocks: unknown;
  proposal: unknown;
  decision: unknown;
};

/** The few values the metrics need, as the stats query selects them from jsonb (see queries/stats.ts). */
export type SnapshotParts = {
  status: string;
  route: string | null;
  filedOn: string | null;
  verificationStartedOn: string | null;
  proposedOn: string | null;
  decidedAt: Date | null;
  firstOutcome: string | null;
  reviewResult: string | null;
  appealed: boolean;
  /** The stored clocks (jsonb objects, or JSON text from a raw query). */
  acceptanceClock: unknown;
  verificationClock: unknown;
  closedAt: Date | string | null;
};

/** A stored deadline clock, or null when there is none (or it is not shaped like one). */
function clockOf(value: unknown): DeadlineClock | null {
  const v = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return v && typeof v === 'object' && 'startedOn' in v && 'rule' in v ? (v as DeadlineClock) : null;
}

export function snapshotFromParts(p: SnapshotParts): MatterSnapshot {
  return {
    status: p.status,
    route: p.route,
    filedOn: (p.filedOn as LocalDate | null) ?? null,
    verificationStartedOn: (p.verificationStartedOn as LocalDate | null) ?? null,
    proposedOn: (p.proposedOn as LocalDate | null) ?? null,
    decidedOn: p.decidedAt ? toBeijingDate(new Date(p.decidedAt)) : null,
    firstOutcome: (p.firstOutcome as Outcome | null) ?? null,
    appealed: p.appealed,
    reviewResult: p.reviewResult === 'upheld' || p.reviewResult === 'varied' ? p.reviewResult : null,
    acceptanceClock: clockOf(p.acceptanceClock),
    verificationClock: clockOf(p.verificationClock),
    closedOn: p.closedAt ? toBeijingDate(new Date(p.closedAt)) : null,
  };
}

type Json = Record<string, unknown> | null;
const json = (value: unknown): Json =>
  typeof value === 'string' ? (JSON.parse(value) as Json) : ((value ?? null) as Json);
const at = (value: Json, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
    value,
  );
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The metrics' view of a matter row; mirrors the jsonb paths `matterSnapshotColumns` selects. */
export function snapshotOf(row: StatsMatterRow): MatterSnapshot {
  const clocks = json(row.clocks);
  const decision = json(row.decision);
  return snapshotFromParts({
    status: row.status,
    route: row.route,
    filedOn: text(at(clocks, 'acceptance', 'startedOn')),
    verificationStartedOn: text(at(clocks, 'verification', 'startedOn')),
    proposedOn: text(at(json(row.proposal), 'proposedOn')),
    decidedAt: row.decided_at,
    firstOutcome: text(at(decision, 'original', 'outcome')) ?? text(at(decision, 'outcome')) ?? row.outcome,
    reviewResult: text(at(decision, 'review', 'result')),
    appealed: row.appealed,
    acceptanceClock: at(clocks, 'acceptance') ?? null,
    verificationClock: at(clocks, 'verification') ?? null,
    closedAt: row.closed_at,
  });
}

/** The day a matter belongs to: the Beijing date it was opened. */
export function cohortDay(createdAt: Date | string): LocalDate {
  return toBeijingDate(new Date(createdAt));
}

export async function upsertCounts(
  db: Kysely<Database>,
  rows: { jurisdiction_id: string; day: string; type: Matter['type']; metric: string; count: number }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('matter_stats_daily')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc
          .columns(['jurisdiction_id', 'day', 'type', 'metric'])
          .doUpdateSet((eb) => ({ count: eb('matter_stats_daily.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

/**
 * Adds what one transition changes to the counters of the matter's cohort. Call it inside the
 * transaction that moves the matter, after the compare-and-set: `matter` is the row as updated
 * (`from` null and action 'open' when the matter is created).
 */
export async function recordStatsForTransition(
  trx: Transaction<Database>,
  t: {
    matter: StatsMatterRow;
    action: ToleranceAction | 'open';
    from: ToleranceState | null;
    to: ToleranceState;
    calendar: WorkingDayCalendar;
  },
): Promise<void> {
  if (t.matter.type !== 'tolerance') return;
  const increments = incrementsForTransition(
    { action: t.action, from: t.from, to: t.to, after: snapshotOf(t.matter) },
    t.calendar,
  );
  const day = cohortDay(t.matter.created_at);
  const rows = (Object.entries(increments) as [Metric, number][])
    .filter(([, count]) => count !== 0)
    .map(([metric, count]) => ({
      jurisdiction_id: t.matter.jurisdiction_id,
      day,
      type: t.matter.type,
      metric,
      count,
    }));
  // The counters of a jurisdiction's day are shared by its every transition: written last (late-writes.ts).
  if (rows.length > 0) await writeLate(trx, 'counters', (late) => upsertCounts(late, rows));
}

/**
 * Recomputes every tolerance counter from the matters as they stand (a backfill for data written
 * before the counters were kept, or a repair). Reads the whole history once, in pages by id.
 */
export async function rebuildMatterStats(
  db: Kysely<Database>,
  calendar: WorkingDayCalendar,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('matter_stats_daily').where('type', '=', 'tolerance').execute();
    const cells = new MatterStatsCells(calendar);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await trx
        .selectFrom('matters')
        .select([
          'id',
          'type',
          'jurisdiction_id',
          'created_at',
          'status',
          'route',
          'outcome',
          'decided_at',
          'appealed',
          'closed_at',
          'clocks',
          'proposal',
          'decision',
        ])
        .where('type', '=', 'tolerance')
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute();
      for (const row of page) cells.add(row);
      if (page.length < 1000) break;
      after = page.at(-1)!.id;
    }
    return cells.write(trx);
  });
}

/**
 * Counters of whole matters as they stand, per jurisdiction and cohort day: what `rebuildMatterStats`
 * reads back from the table, and what the scale generator adds up while it builds the matters (so
 * it need not read a million rows back).
 */
export class MatterStatsCells {
  private readonly cells = new Map<string, Metrics>();
  constructor(private readonly calendar: WorkingDayCalendar) {}

  add(row: StatsMatterRow): void {
    if (row.type !== 'tolerance') return;
    const key = `${row.jurisdiction_id}|${cohortDay(row.created_at)}`;
    this.cells.set(key, addMetrics(this.cells.get(key) ?? emptyMetrics(), contributionsOfMatter(snapshotOf(row), this.calendar)));
  }

  rows(): { jurisdiction_id: string; day: string; type: 'tolerance'; metric: Metric; count: number }[] {
    return [...this.cells].flatMap(([key, metrics]) => {
      const [jurisdiction_id, day] = key.split('|') as [string, string];
      return (Object.entries(metrics) as [Metric, number][])
        .filter(([, n]) => n !== 0)
        .map(([metric, count]) => ({ jurisdiction_id, day, type: 'tolerance' as const, metric, count }));
    });
  }

  /** Adds the counts to the table (on top of what is there); returns the number of cells. */
  async write(db: Kysely<Database>): Promise<number> {
    const rows = this.rows();
    await upsertCounts(db, rows);
    return rows.length;
  }
}
