/**
 * After the decision (DOMAIN §4.1 steps 6–9): serving it on the cadre and the unit with the letter to
 * the organisation department, receipt (from which the appeal window runs), publicity, filing with
 * the higher level (备案), the appeal — which never suspends the decision — and closing.
 */
import type { LocalDate } from '../../../domain/calendar/local-date.ts';
import { toBeijingDate } from '../../../domain/calendar/local-date.ts';
import { startDeadline } from '../../../domain/calendar/deadline.ts';
import { DomainError } from '../../../domain/errors.ts';
import { appealDeadline } from '../../../domain/tolerance/decision.ts';
import type { MatterClocks } from '../../../domain/tolerance/clocks.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepHandlers } from '../perform-action.ts';
import { decidingBodyName, latestDetermination } from './determination-document.ts';
import { issueOutcomeLetter } from './letters.ts';
import { addRecord } from './records.ts';
import { REVIEW_HANDLERS } from './review.ts';
import { storedDecision } from './stored-decision.ts';

/** The day the decision was served (the notice record), before which nobody can have received it. */
async function servedOn(ctx: StepContext): Promise<LocalDate> {
  const notice = await ctx.trx
    .selectFrom('matter_records')
    .select('created_at')
    .where('matter_id', '=', ctx.loaded.matter.id)
    .where('kind', '=', 'notice')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return notice ? toBeijingDate(notice.created_at) : storedDecision(ctx.loaded.matter.decision).decidedOn;
}

/**
 * Receipt fixes the appeal window: the last day to appeal is counted from the day of receipt under
 * the appeal route of the kind of decision (DOMAIN §13.3), by the working-day calendar.
 */
async function receive(
  ctx: StepContext,
  action: 'acknowledge_receipt' | 'record_delivery',
  receivedOn: LocalDate,
  data: Record<string, unknown>,
  note?: string,
) {
  const earliest = await servedOn(ctx);
  if (receivedOn < earliest || receivedOn > ctx.today) {
    throw new DomainError(
      'matter.receipt_date_invalid',
      { date: receivedOn, earliest, latest: ctx.today },
      action === 'acknowledge_receipt' ? 'receivedOn' : 'deliveredOn',
    );
  }
  const decision = storedDecision(ctx.loaded.matter.decision);
  const deadline = appealDeadline(ctx.policy, decision.appealType, receivedOn, ctx.calendar);
  await transition(ctx.trx, ctx.user, ctx.loaded, action, ctx.now, {
    calendar: ctx.calendar,
    changes: { received_on: receivedOn, appeal_deadline: deadline.dueDate },
    auditData: { receivedOn, appealDeadline: deadline.dueDate, uncertain: deadline.uncertain, ...data },
  });
  await addRecord(ctx, {
    kind: 'receipt',
    visibility: 'parties',
    data: { receivedOn, appealDeadline: deadline.dueDate, ...data },
    text: note,
  });
}

export const AFTERMATH_HANDLERS: StepHandlers = {
  // 送达: the determination (addressed to the cadre, copied to the unit) is served, and the letter
  // goes to the organisation department. The appeal window does not start here but on receipt.
  notify: async (ctx, body) => {
    const decision = storedDecision(ctx.loaded.matter.decision);
    await transition(ctx.trx, ctx.user, ctx.loaded, 'notify', ctx.now, { calendar: ctx.calendar });
    const determination = await latestDetermination(ctx);
    const jurisdiction = await ctx.trx
      .selectFrom('jurisdictions')
      .select('name')
      .where('id', '=', ctx.loaded.matter.jurisdiction_id)
      .executeTakeFirstOrThrow();
    const letter = await issueOutcomeLetter(ctx, decision, determination, {
      body: decidingBodyName(jurisdiction.name),
      date: decision.heldOn,
    });
    await addRecord(ctx, {
      kind: 'notice',
      visibility: 'parties',
      data: {
        determinationId: determination.id,
        servedTo: ['cadre', 'unit'],
        letterId: letter.id,
        letterTo: letter.recipient,
      },
      text: body.note,
    });
  },

  acknowledge_receipt: async (ctx, body) => {
    await receive(ctx, 'acknowledge_receipt', (body.receivedOn ?? ctx.today) as LocalDate, {
      method: 'acknowledged',
    });
  },

  record_delivery: async (ctx, body) => {
    await receive(ctx, 'record_delivery', body.deliveredOn as LocalDate, { method: body.method }, body.note);
  },

  publicize: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'publicize', ctx.now, {
      calendar: ctx.calendar,
      changes: { published_at: ctx.now },
      auditData: { until: body.until ?? null },
    });
    await addRecord(ctx, {
      kind: 'publicity',
      visibility: 'parties',
      data: { scope: body.scope, until: body.until ?? null },
    });
  },

  // 备案: from here the higher-level commission sees the matter (domain/matters/access.ts).
  file_with_higher: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'file_with_higher', ctx.now, {
      calendar: ctx.calendar,
      changes: { filed_at: ctx.now },
    });
    await addRecord(ctx, { kind: 'filing', visibility: 'internal', data: {}, text: body.note });
  },

  // 申诉: the decision stays in force (outcome untouched); the review clock runs from today for the
  // period the route gives its first stage, else the policy's general review period.
  appeal: async (ctx, body) => {
    const route = ctx.policy.appeals.find((r) => r.type === body.appealType);
    const period = route?.stages[0]?.decisionPeriod ?? ctx.policy.timeLimits.reviewPeriod;
    const clocks: MatterClocks = {
      ...(ctx.loaded.matter.clocks as MatterClocks),
      review: startDeadline(period, ctx.today),
    };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'appeal', ctx.now, {
      calendar: ctx.calendar,
      changes: { appealed: true, clocks },
      auditData: { appealType: body.appealType, contested: body.contested },
    });
    await addRecord(ctx, {
      kind: 'appeal',
      visibility: 'parties',
      data: { appealType: body.appealType, contested: body.contested, lodgedOn: ctx.today },
      text: body.grounds,
    });
  },

  close: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'close', ctx.now, { calendar: ctx.calendar });
    if (body.note)
      await addRecord(ctx, { kind: 'closing', visibility: 'internal', data: {}, text: body.note });
  },

  ...REVIEW_HANDLERS,
};
