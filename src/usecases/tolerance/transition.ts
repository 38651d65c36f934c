/**
 * The one way a tolerance matter changes: compare-and-set on its status inside the caller's
 * transaction (`UPDATE … WHERE id = $1 AND status = $from`; 0 rows → someone else moved it first),
 * with the audit event appended in the same transaction.
 */
import type { Transaction, Updateable } from 'kysely';
import type { Database, Matter } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { targetState } from '../../domain/procedure/engine.ts';
import { TOLERANCE_PROCEDURE, TOLERANCE_STATES, type ToleranceAction, type ToleranceState } from '../../domain/tolerance/procedure.ts';
import { activeClock, type MatterClocks } from '../../domain/tolerance/clocks.ts';
import { deadlineStatus, type WorkingDayCalendar } from '../../domain/calendar/index.ts';
import type { LoadedMatter } from './load-matter.ts';
import { recordStatsForTransition } from '../../db/repos/stats.ts';
import { syncSignatureDecision } from '../../db/repos/decision-signatures.ts';

export type MatterChanges = Omit<Updateable<Database['matters']>, 'id' | 'status' | 'version' | 'updated_at' | 'clocks' | 'due_on'> & { clocks?: MatterClocks };

export type TransitionOptions = {
  /** For actions whose target depends on the use case's reading of the input. */
  branch?: string;
  changes?: MatterChanges;
  /** What the audit event records besides from/to (never sensitive values). */
  auditData?: Record<string, unknown>;
  calendar: WorkingDayCalendar;
};

export async function transition(
  trx: Transaction<Database>,
  user: UserWithGrants,
  loaded: LoadedMatter,
  action: ToleranceAction,
  now: Date,
  opts: TransitionOptions,
): Promise<{ from: ToleranceState; to: ToleranceState; matter: Matter }> {
  const from = loaded.matter.status as ToleranceState;
  const to = targetState(TOLERANCE_PROCEDURE, loaded.procedure, action, opts.branch);
  const { clocks: newClocks, ...changes } = opts.changes ?? {};
  const clocks = (newClocks ?? loaded.matter.clocks) as MatterClocks;
  const running = activeClock(to);
  const dueOn = running && clocks[running] ? deadlineStatus(clocks[running], opts.calendar, now).dueDate : null;
  const updated = await trx
    .updateTable('matters')
    .set((eb) => ({
      ...changes,
      ...(from !== to && to === 'suspended' ? { suspended_from: from } : {}),
      ...(from === 'suspended' ? { suspended_from: null } : {}),
      ...('terminal' in TOLERANCE_STATES[to] ? { closed_at: now } : {}),
      status: to,
      clocks: JSON.stringify(clocks),
      due_on: dueOn,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', loaded.matter.id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new DomainError('record.conflict');
  // Dashboard counters move with the matter, in the same transaction: dashboards never scan history.
  await recordStatsForTransition(trx, { matter: updated, action, from, to, calendar: opts.calendar });
  // The signature beside every determination follows the decision into and out of effect (认定尺度统一).
  await syncSignatureDecision(trx, loaded.matter, updated, now);
  await appendAudit(
    trx,
    {
      actor: actorOf(user),
      action: `tolerance.${action}`,
      entityType: 'matter',
      entityId: loaded.matter.id,
      jurisdictionId: loaded.matter.jurisdiction_id,
      data: { from, to, ...opts.auditData },
    },
    now,
  );
  return { from, to, matter: updated };
}
