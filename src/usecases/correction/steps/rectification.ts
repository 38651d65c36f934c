/**
 * 整改 → 验收 (DOMAIN §5.2): the unit's progress reports and its report of completion (the
 * rectification clock stops while the commission examines it), and the acceptance on evidence —
 * passed, the look-back period starts; failed, the same period counts on.
 */
import { deadlineStatus } from '../../../domain/calendar/index.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  completionReported,
  rectificationAccepted,
  rectificationRejected,
} from '../../../domain/correction/clocks.ts';
import { addMatterRecord } from '../../procedure/records.ts';
import { clocksOf, transitionCorrection, type CorrectionContext } from '../load-correction.ts';
import type { CorrectionStepHandlers } from '../perform-correction-action.ts';

/** Who sent a report: the unit side itself, or the commission recording one received on paper. */
const reportedBy = (ctx: CorrectionContext) => (ctx.loaded.view === 'party' ? 'unit' : 'commission');

const record = (ctx: CorrectionContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

/** The evidence files an acceptance rests on: those named (all of this matter's), or all of them. */
async function acceptanceFiles(ctx: CorrectionContext, named: string[] | undefined): Promise<string[]> {
  const files = await ctx.trx
    .selectFrom('matter_files')
    .select('id')
    .where('matter_id', '=', ctx.loaded.matter.id)
    .execute();
  const ids = new Set(files.map((f) => f.id));
  if (!named) return [...ids];
  named.forEach((id, i) => {
    if (!ids.has(id)) throw new DomainError('correction.file_not_found', {}, `fileIds[${i}]`);
  });
  return named;
}

export const RECTIFICATION_HANDLERS: CorrectionStepHandlers = {
  report_progress: async (ctx, body) => {
    await transitionCorrection(ctx, 'report_progress', {
      auditData: { percentDone: body.percentDone ?? null, reportedBy: reportedBy(ctx) },
    });
    await record(ctx, {
      kind: 'progress_report',
      visibility: 'parties',
      data: { percentDone: body.percentDone ?? null, reportedBy: reportedBy(ctx) },
      text: body.progress,
    });
  },

  report_completion: async (ctx, body) => {
    const clocks = completionReported(clocksOf(ctx), ctx.today);
    await transitionCorrection(ctx, 'report_completion', {
      changes: { clocks },
      auditData: { reportedBy: reportedBy(ctx) },
    });
    await record(ctx, {
      kind: 'completion_report',
      visibility: 'parties',
      data: { reportedBy: reportedBy(ctx) },
      text: body.report,
    });
  },

  // 验收: on evidence (the table's guard), after which the look-back period of the policy starts.
  accept_rectification: async (ctx, body) => {
    const fileIds = await acceptanceFiles(ctx, body.fileIds);
    const clocks = rectificationAccepted(clocksOf(ctx), ctx.today, ctx.policy.timeLimits.correctionLookBack);
    const lookBackDue = deadlineStatus(clocks.look_back!, ctx.calendar, ctx.now).dueDate;
    await transitionCorrection(ctx, 'accept_rectification', {
      changes: { clocks },
      auditData: { method: body.method, files: fileIds.length, lookBackDue },
    });
    await record(ctx, {
      kind: 'acceptance',
      visibility: 'parties',
      data: { method: body.method, fileIds, lookBackDue },
      text: body.findings,
    });
  },

  reject_rectification: async (ctx, body) => {
    const clocks = rectificationRejected(clocksOf(ctx), ctx.today);
    await transitionCorrection(ctx, 'reject_rectification', { changes: { clocks } });
    await record(ctx, { kind: 'acceptance_failed', visibility: 'parties', data: {}, text: body.reasons });
  },
};
