/**
 * 回头看 → 销号 (DOMAIN §5.2): once the set period after acceptance has passed (the table's guard),
 * the officer checks whether the rectification holds. It holds: the correction is closed next. It
 * relapsed: the unit rectifies again under a new deadline.
 */
import { deadlineStatus } from '../../../domain/calendar/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import { rectificationReordered } from '../../../domain/correction/clocks.ts';
import { addMatterRecord } from '../../procedure/records.ts';
import { clocksOf, transitionCorrection } from '../load-correction.ts';
import type { CorrectionStepHandlers } from '../perform-correction-action.ts';
import { correctionClosed, recordProcedureEvents } from '../../../db/repos/procedure-stats.ts';
import { ledgerCorrectionEnded } from '../../outcome-ledger/hooks.ts';

export const LOOK_BACK_HANDLERS: CorrectionStepHandlers = {
  look_back: async (ctx, body) => {
    const relapsed = body.result === 'relapsed';
    if (relapsed && body.deadlineWorkingDays === undefined)
      throw new DomainError('correction.deadline_required', {}, 'deadlineWorkingDays');
    if (!relapsed && body.deadlineWorkingDays !== undefined)
      throw new DomainError('correction.deadline_unexpected', {}, 'deadlineWorkingDays');
    const clocks = relapsed
      ? rectificationReordered(clocksOf(ctx), ctx.today, body.deadlineWorkingDays!)
      : clocksOf(ctx);
    const deadline = relapsed ? deadlineStatus(clocks.rectification!, ctx.calendar, ctx.now).dueDate : null;
    await transitionCorrection(ctx, 'look_back', {
      branch: body.result,
      changes: { clocks },
      auditData: { result: body.result, deadline },
    });
    await addMatterRecord(ctx, ctx.loaded.matter.id, {
      kind: 'look_back',
      visibility: 'parties',
      data: { result: body.result, deadline, deadlineWorkingDays: body.deadlineWorkingDays ?? null },
      text: body.findings,
    });
  },

  close: async (ctx, body) => {
    await transitionCorrection(ctx, 'close');
    // 实施力度评价: closed, and on time or not, counted in the same transaction.
    const events = await correctionClosed(ctx.trx, ctx.loaded.matter, ctx.today, ctx.calendar);
    await recordProcedureEvents(ctx.trx, ctx.loaded.matter.jurisdiction_id, events);
    await ledgerCorrectionEnded(ctx, ctx.loaded.matter, 'closed', ctx.today);
    await addMatterRecord(ctx, ctx.loaded.matter.id, {
      kind: 'closure',
      visibility: 'parties',
      data: {},
      text: body.note,
    });
  },
};
