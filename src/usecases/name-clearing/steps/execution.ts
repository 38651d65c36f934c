/**
 * 实施澄清 (DOMAIN §6.2): the officer records the clearing as carried out — the forms and the reach,
 * which may not go beyond what the cadre consented to, nor beyond the plan the leader approved — on a
 * day between the approval and today, and the clearing letter is issued in the same transaction.
 * Whether it kept the deadline is recorded; a late clearing is still a clearing.
 */
import { assertCoherent, assertWithin } from '../../../domain/name-clearing/scope.ts';
import { clearedOnTime } from '../../../domain/name-clearing/clocks.ts';
import { addMatterRecord } from '../../procedure/records.ts';
import { clocksOf, transitionNameClearing } from '../load-name-clearing.ts';
import { issueClearingLetter } from '../letter.ts';
import type { NameClearingStepHandlers } from '../perform-name-clearing-action.ts';
import { dateInRange } from './consultation.ts';
import { recordProcedureEvents } from '../../../db/repos/procedure-stats.ts';
import { nameClearedEvents } from '../../../domain/stats/procedure-events.ts';
import { ledgerNameCleared } from '../../outcome-ledger/hooks.ts';

export const EXECUTION_HANDLERS: NameClearingStepHandlers = {
  execute: async (ctx, body) => {
    const { consent, plan, approval } = ctx.loaded.clearing;
    const choice = { forms: [...body.forms], scope: body.scope };
    assertCoherent(choice);
    // The cadre's consent bounds any publicity; the approved plan bounds what the officer may do.
    assertWithin(choice, consent!, 'consent');
    if (plan) assertWithin(choice, plan, 'approval');
    const executedOn = dateInRange(ctx, body.executedOn, 'executedOn', approval?.approvedOn);
    const onTime = clearedOnTime(clocksOf(ctx), executedOn, ctx.calendar, ctx.now);
    const letter = await issueClearingLetter(ctx, choice, executedOn);
    await transitionNameClearing(ctx, 'execute', {
      clearing: { ...ctx.loaded.clearing, execution: { ...choice, executedOn, onTime, letter } },
      auditData: { ...choice, executedOn, onTime, documentId: letter.documentId },
    });
    // 实施力度评价: counted on the day it was carried out, on time or not.
    await recordProcedureEvents(
      ctx.trx,
      ctx.loaded.matter.jurisdiction_id,
      nameClearedEvents(executedOn, onTime),
    );
    // 结果运用: the clearing reaches the cadre's ledger the day it is carried out.
    await ledgerNameCleared(ctx, ctx.loaded.matter, { ...choice, executedOn, onTime }, letter.documentId);
    await addMatterRecord(ctx, ctx.loaded.matter.id, {
      kind: 'execution',
      visibility: 'parties',
      data: { ...choice, executedOn, onTime, documentId: letter.documentId },
      text: body.details,
    });
  },
};
