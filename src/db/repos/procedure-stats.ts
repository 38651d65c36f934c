/**
 * Writes of the scorecard's event counters (`procedure_stats_daily`, migration 0012): the step that
 * closes a correction, clears a name or records a visit adds its events in its own transaction, so
 * the counters never disagree with the matters; `rebuildProcedureStats` recomputes them all from the
 * matters as they stand (a backfill for data written before the counters were kept, or a repair).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { writeLate } from '../late-writes.ts';
import { deadlineStatus, type DeadlineClock } from '../../domain/calendar/deadline.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import {
  correctionClosedEvents,
  correctionTerminatedEvents,
  countEvents,
  nameClearedEvents,
  rectifiedOnTime,
  visitEvents,
  type ProcedureEvent,
} from '../../domain/stats/procedure-events.ts';

type Row = {
  jurisdiction_id: string;
  day: string;
  type: ProcedureEvent['type'];
  metric: string;
  count: number;
};

async function upsert(db: Kysely<Database>, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('procedure_stats_daily')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc
          .columns(['jurisdiction_id', 'day', 'type', 'metric'])
          .doUpdateSet((eb) => ({ count: eb('procedure_stats_daily.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
}

function rowsOf(jurisdictionId: string, events: readonly ProcedureEvent[]): Row[] {
  const typeOf = new Map(events.map((e) => [e.metric, e.type]));
  return [...countEvents(events)].map(([key, count]) => {
    const [day, metric] = key.split('|') as [LocalDate, ProcedureEvent['metric']];
    return { jurisdiction_id: jurisdictionId, day, type: typeOf.get(metric)!, metric, count };
  });
}

/**
 * Adds a step's scorecard events to the counters of the matter's jurisdiction. Call it inside the
 * transaction of the step, after its transition; shared rows are written last (late-writes.ts).
 */
export async function recordProcedureEvents(
  trx: Transaction<Database>,
  jurisdictionId: string,
  events: readonly ProcedureEvent[],
): Promise<void> {
  const rows = rowsOf(jurisdictionId, events);
  if (rows.length > 0) await writeLate(trx, 'counters', (late) => upsert(late, rows));
}

/** Whether a correction was ever escalated as overdue or refused (its 'escalation' records). */
export async function everEscalated(db: Kysely<Database>, correctionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('matter_records')
    .select('id')
    .where('matter_id', '=', correctionId)
    .where('kind', '=', 'escalation')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The events of a correction that has just been closed (销号) on `closedOn`. */
export async function correctionClosed(
  db: Kysely<Database>,
  correction: { id: string; clocks: unknown },
  closedOn: LocalDate,
  calendar: WorkingDayCalendar,
): Promise<ProcedureEvent[]> {
  const clocks = clocksOf(correction.clocks);
  const onTime = rectifiedOnTime(
    clocks.rectification ?? null,
    await everEscalated(db, correction.id),
    calendar,
  );
  return correctionClosedEvents(closedOn, onTime);
}

/** The day a planned visit was due by its clock (the planned day, or the next working day). */
export function visitDueOn(clocks: unknown, calendar: WorkingDayCalendar): LocalDate | null {
  const visit = clocksOf(clocks).visit;
  return visit
    ? deadlineStatus(visit, calendar, new Date(`${visit.startedOn}T12:00:00+08:00`)).dueDate
    : null;
}

function clocksOf(value: unknown): Partial<Record<string, DeadlineClock>> {
  const v = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return v && typeof v === 'object' ? v : {};
}

/** Recomputes every event counter from the matters and their records as they stand. */
export async function rebuildProcedureStats(
  db: Kysely<Database>,
  calendar: WorkingDayCalendar,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('procedure_stats_daily').execute();
    const rows: Row[] = [];
    const corrections = await trx
      .selectFrom('matters')
      .select(['id', 'jurisdiction_id', 'status', 'clocks', 'closed_at'])
      .where('type', '=', 'correction')
      .where('status', 'in', ['closed', 'terminated'])
      .execute();
    for (const c of corrections) {
      const on = toBeijingDate(new Date(c.closed_at!));
      const events =
        c.status === 'closed' ? await correctionClosed(trx, c, on, calendar) : correctionTerminatedEvents(on);
      rows.push(...rowsOf(c.jurisdiction_id, events));
    }
    const clearings = await trx
      .selectFrom('matters')
      .select(['jurisdiction_id', 'decision'])
      .where('type', '=', 'name_clearing')
      .where('status', 'in', ['cleared', 'closed'])
      .execute();
    for (const n of clearings) {
      const decision = (typeof n.decision === 'string' ? JSON.parse(n.decision) : n.decision) as {
        execution?: { executedOn: LocalDate; onTime: boolean } | null;
      } | null;
      const execution = decision?.execution;
      if (execution)
        rows.push(...rowsOf(n.jurisdiction_id, nameClearedEvents(execution.executedOn, execution.onTime)));
    }
    const visits = await trx
      .selectFrom('matter_records as r')
      .innerJoin('matters as m', 'm.id', 'r.matter_id')
      .select(['m.jurisdiction_id', 'm.clocks', 'r.data'])
      .where('m.type', '=', 'follow_up')
      .where('r.kind', '=', 'visit')
      .execute();
    for (const v of visits) {
      const data = (typeof v.data === 'string' ? JSON.parse(v.data) : v.data) as { visitedOn: LocalDate };
      rows.push(...rowsOf(v.jurisdiction_id, visitEvents(data.visitedOn, visitDueOn(v.clocks, calendar))));
    }
    // The same (jurisdiction, day, metric) from several matters: one row each, added up here (one
    // INSERT … ON CONFLICT may not touch a row twice).
    const merged = new Map<string, Row>();
    for (const r of rows) {
      const key = `${r.jurisdiction_id}|${r.day}|${r.metric}`;
      const known = merged.get(key);
      if (known) known.count += r.count;
      else merged.set(key, { ...r });
    }
    await upsert(trx, [...merged.values()]);
    return merged.size;
  });
}
