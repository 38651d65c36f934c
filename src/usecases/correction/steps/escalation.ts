/**
 * Overdue or refused correction (DOMAIN §5.2, Liuzhou: units that refuse to correct are held
 * accountable): the officer escalates it to the leader, who orders further rectification under a new
 * deadline or ends the order — or reopens the tolerance decision it came with, which ends the order
 * in the same transaction (`terminateForReopening`).
 */
import type { Transaction } from 'kysely';
import type { Deps } from '../../../app/deps.ts';
import type { Database } from '../../../db/schema.ts';
import type { UserWithGrants } from '../../../db/queries/principal.ts';
import { deadlineStatus, type WorkingDayCalendar } from '../../../domain/calendar/index.ts';
import { toBeijingDate } from '../../../domain/calendar/local-date.ts';
import { rectificationReordered } from '../../../domain/correction/clocks.ts';
import { assertAllowed } from '../../../domain/procedure/engine.ts';
import { CORRECTION_PROCEDURE } from '../../../domain/correction/procedure.ts';
import { addMatterRecord } from '../../procedure/records.ts';
import { transitionMatter } from '../../procedure/transition.ts';
import {
  CORRECTION_BINDING,
  clocksOf,
  loadCorrection,
  transitionCorrection,
  type CorrectionContext,
} from '../load-correction.ts';
import type { CorrectionStepHandlers } from '../perform-correction-action.ts';
import { recordProcedureEvents } from '../../../db/repos/procedure-stats.ts';
import { correctionTerminatedEvents } from '../../../domain/stats/procedure-events.ts';
import { ledgerCorrectionEnded } from '../../outcome-ledger/hooks.ts';

const record = (ctx: CorrectionContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

export const ESCALATION_HANDLERS: CorrectionStepHandlers = {
  // 逾期: the table's guard has established that the last day has passed.
  escalate: async (ctx, body) => {
    const deadline = ctx.loaded.procedure.rectificationDue;
    await transitionCorrection(ctx, 'escalate', { auditData: { ground: 'overdue', deadline } });
    await record(ctx, {
      kind: 'escalation',
      visibility: 'internal',
      data: { ground: 'overdue', deadline },
      text: body.note,
    });
  },

  record_refusal: async (ctx, body) => {
    await transitionCorrection(ctx, 'record_refusal', { auditData: { ground: 'refused' } });
    await record(ctx, {
      kind: 'escalation',
      visibility: 'internal',
      data: { ground: 'refused' },
      text: body.facts,
    });
  },

  reorder: async (ctx, body) => {
    const clocks = rectificationReordered(clocksOf(ctx), ctx.today, body.deadlineWorkingDays);
    const deadline = deadlineStatus(clocks.rectification!, ctx.calendar, ctx.now).dueDate;
    await transitionCorrection(ctx, 'reorder', {
      changes: { clocks },
      auditData: { deadlineWorkingDays: body.deadlineWorkingDays, deadline },
    });
    await record(ctx, {
      kind: 'reorder',
      visibility: 'parties',
      data: { deadlineWorkingDays: body.deadlineWorkingDays, deadline },
      text: body.instructions,
    });
  },

  terminate: async (ctx, body) => {
    await transitionCorrection(ctx, 'terminate', { auditData: { ground: 'leader' } });
    await recordProcedureEvents(
      ctx.trx,
      ctx.loaded.matter.jurisdiction_id,
      correctionTerminatedEvents(ctx.today),
    );
    await ledgerCorrectionEnded(ctx, ctx.loaded.matter, { terminated: 'leader_ended' }, ctx.today);
    await record(ctx, {
      kind: 'termination',
      visibility: 'parties',
      data: { ground: 'leader' },
      text: body.reason,
    });
  },
};

/**
 * Ends an escalated correction because the leader reopened the tolerance decision it came with: the
 * correction table's own `terminate` step (checked for this user like any other), audited on the
 * correction, inside the reopening's transaction.
 */
export async function terminateForReopening(
  w: {
    trx: Transaction<Database>;
    deps: Pick<Deps, 'keyring'>;
    user: UserWithGrants;
    now: Date;
    calendar: WorkingDayCalendar;
  },
  correctionId: string,
  toleranceMatterId: string,
): Promise<void> {
  const loaded = await loadCorrection(w.trx, w.user, correctionId, w.calendar, w.now);
  assertAllowed(CORRECTION_PROCEDURE, loaded.procedure, loaded.actor, 'terminate', w.now);
  await transitionMatter(w.trx, w.user, loaded, CORRECTION_BINDING, 'terminate', w.now, {
    calendar: w.calendar,
    auditData: { ground: 'tolerance_reopened', toleranceMatterId },
  });
  await recordProcedureEvents(
    w.trx,
    loaded.matter.jurisdiction_id,
    correctionTerminatedEvents(toBeijingDate(w.now)),
  );
  await ledgerCorrectionEnded(w, loaded.matter, { terminated: 'tolerance_reopened' }, toBeijingDate(w.now));
  await addMatterRecord(w, correctionId, {
    kind: 'termination',
    visibility: 'parties',
    data: { ground: 'tolerance_reopened', toleranceMatterId, on: toBeijingDate(w.now) },
  });
}
