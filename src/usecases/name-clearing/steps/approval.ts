/**
 * 主要负责人审批 (Art. 50 of the 2020 complaint rules): the commission's principal leader approves the
 * plan or returns it to the officer, and may extend the clearing deadline once with a reason.
 */
import { deadlineStatus } from '../../../domain/calendar/index.ts';
import { clearingExtended } from '../../../domain/name-clearing/clocks.ts';
import { addMatterRecord } from '../../procedure/records.ts';
import { clocksOf, transitionNameClearing, type NameClearingContext } from '../load-name-clearing.ts';
import type { NameClearingStepHandlers } from '../perform-name-clearing-action.ts';

const record = (ctx: NameClearingContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

export const APPROVAL_HANDLERS: NameClearingStepHandlers = {
  approve: async (ctx, body) => {
    const approval = { approvedOn: ctx.today, approvedBy: ctx.user.displayName };
    await transitionNameClearing(ctx, 'approve', {
      clearing: { ...ctx.loaded.clearing, approval },
      auditData: {
        forms: ctx.loaded.clearing.plan?.forms ?? [],
        scope: ctx.loaded.clearing.plan?.scope ?? null,
      },
    });
    await record(ctx, { kind: 'approval', visibility: 'internal', data: approval, text: body.opinion });
  },

  return_plan: async (ctx, body) => {
    await transitionNameClearing(ctx, 'return_plan', { clearing: { ...ctx.loaded.clearing, plan: null } });
    await record(ctx, { kind: 'plan_returned', visibility: 'internal', data: {}, text: body.reasons });
  },

  extend_deadline: async (ctx, body) => {
    const period = ctx.policy.timeLimits.nameClearing;
    const clocks = clearingExtended(
      clocksOf(ctx),
      { amount: body.amount, approvedBy: ctx.user.displayName, reason: body.reason, approvedOn: ctx.today },
      period,
    );
    const deadline = clocks.clearing ? deadlineStatus(clocks.clearing, ctx.calendar, ctx.now).dueDate : null;
    await transitionNameClearing(ctx, 'extend_deadline', {
      changes: { clocks },
      auditData: { amount: body.amount, unit: period.unit, deadline },
    });
    await record(ctx, {
      kind: 'extension',
      visibility: 'parties',
      data: { amount: body.amount, unit: period.unit, deadline },
      text: body.reason,
    });
  },
};
