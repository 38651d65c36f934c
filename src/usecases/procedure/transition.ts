/**
 * The one way a matter of the correction or pre-registration procedures changes (the tolerance
 * procedure has its own, which also moves the dashboard counters): compare-and-set on its status in
 * the caller's transaction (`UPDATE … WHERE id = $1 AND status = $from`; 0 rows → someone moved it
 * first), with the due date of the clock now running and the audit event `<type>.<action>` appended
 * in the same transaction.
 */
import type { Transaction, Updateable } from 'kysely';
import type { Database, Matter } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import type { AuditAction } from '../../domain/audit/catalogue.ts';
import { actorOf } from '../../domain/access.ts';
import { deadlineStatus, type DeadlineClock, type WorkingDayCalendar } from '../../domain/calendar/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { targetState, type MatterState, type ProcedureTable } from '../../domain/procedure/engine.ts';

/** A procedure table with the clock that counts in each of its states. */
export type ProcedureBinding<S extends string, A extends string, M extends MatterState<S>> = {
  table: ProcedureTable<S, A, M>;
  runningClock: (status: S) => string | null;
};

export type StepChanges = Omit<
  Updateable<Database['matters']>,
  'id' | 'status' | 'version' | 'updated_at' | 'clocks' | 'due_on'
> & {
  clocks?: Partial<Record<string, DeadlineClock>>;
};

export type StepTransition = {
  /** For actions whose target depends on the use case's reading of the input. */
  branch?: string;
  changes?: StepChanges;
  /** What the audit event records besides from/to (never sensitive values). */
  auditData?: Record<string, unknown>;
  calendar: WorkingDayCalendar;
};

export async function transitionMatter<S extends string, A extends string, M extends MatterState<S>>(
  trx: Transaction<Database>,
  user: UserWithGrants,
  loaded: { matter: Matter; procedure: M },
  binding: ProcedureBinding<S, A, M>,
  action: A,
  now: Date,
  opts: StepTransition,
): Promise<{ from: S; to: S; matter: Matter }> {
  const { table } = binding;
  const from = loaded.matter.status as S;
  const to = targetState(table, loaded.procedure, action, opts.branch);
  const { clocks: newClocks, ...changes } = opts.changes ?? {};
  const clocks = (newClocks ?? loaded.matter.clocks) as Partial<Record<string, DeadlineClock>>;
  const running = binding.runningClock(to);
  const clock = running ? clocks[running] : undefined;
  const updated = await trx
    .updateTable('matters')
    .set((eb) => ({
      ...changes,
      ...('terminal' in table.states[to] ? { closed_at: now } : {}),
      status: to,
      clocks: JSON.stringify(clocks),
      due_on: clock ? deadlineStatus(clock, opts.calendar, now).dueDate : null,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', loaded.matter.id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new DomainError('record.conflict');
  await appendAudit(
    trx,
    {
      actor: actorOf(user),
      action: `${table.type}.${action}` as AuditAction,
      entityType: 'matter',
      entityId: loaded.matter.id,
      jurisdictionId: loaded.matter.jurisdiction_id,
      data: { from, to, ...opts.auditData },
    },
    now,
  );
  return { from, to, matter: updated };
}
