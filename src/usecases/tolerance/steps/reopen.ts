/**
 * 重新研究 (DOMAIN §5.2, Liuzhou logic): a correction ordered with the decision was escalated as
 * overdue or refused, so the leader sends the decision back to the deciding body. The decision in
 * force stays on the matter until the body decides again (and is kept on the record when it does);
 * receipt and the appeal window belong to the new decision. The escalated correction ends here, in
 * the same transaction — a new decision may order correction afresh.
 */
import { escalatedCorrectionIds } from '../../correction/linked.ts';
import { terminateForReopening } from '../../correction/steps/escalation.ts';
import { transition } from '../transition.ts';
import type { StepHandlers } from '../perform-action.ts';
import { addRecord } from './records.ts';
import { storedDecision } from './stored-decision.ts';

export const REOPEN_HANDLERS: StepHandlers = {
  reopen: async (ctx, body) => {
    const previous = storedDecision(ctx.loaded.matter.decision);
    // The table's guard has seen at least one escalated correction.
    const corrections = await escalatedCorrectionIds(ctx.trx, ctx.loaded.matter.id);
    await transition(ctx.trx, ctx.user, ctx.loaded, 'reopen', ctx.now, {
      calendar: ctx.calendar,
      // An appeal against the old decision does not use up the cadre's right to appeal the new one.
      // The filing stays: the higher level keeps the matter it was sent, and sees the reopening in its timeline.
      changes: { received_on: null, appeal_deadline: null, closed_at: null, appealed: false },
      auditData: { corrections, outcome: previous.outcome, decidedOn: previous.decidedOn },
    });
    for (const correctionId of corrections)
      await terminateForReopening(ctx, correctionId, ctx.loaded.matter.id);
    await addRecord(ctx, {
      kind: 'decision_reopened',
      visibility: 'internal',
      data: { previous, corrections },
      text: body.reason,
    });
  },
};
