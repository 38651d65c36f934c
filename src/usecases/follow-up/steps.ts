/**
 * The steps of a follow-up: rescheduling (a new visit clock), the visit written up on the register
 * form (at least two visitors, on a day inside the window), the grade, the recommendation for or
 * against reuse with its reasons (the leader may return it), delivery to the organisation department
 * with the signed register form, the department's receipt, and cancellation.
 */
import { visitClock } from '../../domain/follow-up/clocks.ts';
import {
  assertPlannedOn,
  assertVisit,
  VISIT_GRADE_LABELS,
  VISIT_METHOD_LABELS,
  type FollowUpAction,
} from '../../domain/follow-up/procedure.ts';
import type { FollowUpActionBodies } from '../../contracts/follow-up.ts';
import { followUpRegister } from '../../documents/templates/follow-up-register.ts';
import { actorOf } from '../../domain/access.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../documents/issue-document.ts';
import { addMatterRecord } from '../procedure/records.ts';
import { orgDepartmentName } from '../tolerance/steps/letters.ts';
import { transitionFollowUp, windowOf, type FollowUpContext } from './load-follow-up.ts';
import { ruleOf } from './sanctions.ts';
import type { StoredOutcome, StoredPlan, StoredVisitData, StoredVisitText } from './stored.ts';
import { recordProcedureEvents, visitDueOn } from '../../db/repos/procedure-stats.ts';
import { visitEvents } from '../../domain/stats/procedure-events.ts';
import { ledgerReuseDecision } from '../outcome-ledger/hooks.ts';

export type FollowUpStepHandler<A extends FollowUpAction> = (
  ctx: FollowUpContext,
  body: FollowUpActionBodies[A],
) => Promise<void>;
export type FollowUpStepHandlers = { [A in FollowUpAction]: FollowUpStepHandler<A> };

const record = (ctx: FollowUpContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

const withOutcome = (ctx: FollowUpContext, change: Partial<StoredOutcome>) =>
  JSON.stringify({ ...ctx.loaded.outcome, ...change } satisfies StoredOutcome);

/** The latest visit written up on the matter, decrypted. */
export async function visitOf(ctx: Pick<FollowUpContext, 'trx' | 'deps' | 'loaded'>) {
  const row = await ctx.trx
    .selectFrom('matter_records')
    .select(['id', 'data', 'text_enc'])
    .where('matter_id', '=', ctx.loaded.matter.id)
    .where('kind', '=', 'visit')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const text = JSON.parse(
    ctx.deps.keyring.decrypt(row.text_enc!, `matter_record:${row.id}`),
  ) as StoredVisitText;
  return { ...(row.data as StoredVisitData), ...text };
}

export const FOLLOW_UP_HANDLERS: FollowUpStepHandlers = {
  reschedule: async (ctx, body) => {
    const plannedOn = body.plannedOn;
    assertPlannedOn(plannedOn, windowOf(ctx.loaded.sanction), ctx.today);
    const plan: StoredPlan = { ...ctx.loaded.plan, plannedOn };
    const clocks = { visit: visitClock(ctx.today, plannedOn) };
    await transitionFollowUp(ctx, 'reschedule', {
      changes: { proposal: JSON.stringify(plan), clocks },
      auditData: { plannedOn, previous: ctx.loaded.plan.plannedOn },
    });
    await record(ctx, {
      kind: 'reschedule',
      visibility: 'internal',
      data: { from: ctx.loaded.plan.plannedOn, to: plannedOn },
      text: body.reason,
    });
  },

  record_visit: async (ctx, body) => {
    const visitedOn = body.visitedOn;
    const visitors = body.visitors.map((v) => ({ name: v.name.trim(), position: v.position.trim() }));
    assertVisit({ visitedOn, visitors }, windowOf(ctx.loaded.sanction), ctx.today);
    await transitionFollowUp(ctx, 'record_visit', {
      auditData: { visitedOn, visitors: visitors.length, methods: body.methods },
    });
    // 实施力度评价: the visit, and whether it kept the planned day, counted on the day it was made.
    const dueOn = visitDueOn(ctx.loaded.matter.clocks, ctx.calendar);
    await recordProcedureEvents(ctx.trx, ctx.loaded.matter.jurisdiction_id, visitEvents(visitedOn, dueOn));
    const data: StoredVisitData = {
      visitedOn,
      place: body.place?.trim() || null,
      methods: [...new Set(body.methods)],
      visitors,
    };
    const text: StoredVisitText = {
      politicalThinking: body.politicalThinking.trim(),
      conduct: body.conduct.trim(),
      work: body.work.trim(),
      sanctionExecution: body.sanctionExecution.trim(),
      attitude: body.attitude.trim(),
      talk: body.talk.trim(),
      unitOpinion: body.unitOpinion?.trim() || null,
    };
    await record(ctx, { kind: 'visit', visibility: 'internal', data, text: JSON.stringify(text) });
  },

  grade: async (ctx, body) => {
    const grade = { value: body.grade, reasons: body.reasons.trim(), gradedOn: ctx.today };
    await transitionFollowUp(ctx, 'grade', {
      changes: { decision: withOutcome(ctx, { grade }) },
      auditData: { grade: body.grade },
    });
    await record(ctx, {
      kind: 'grading',
      visibility: 'internal',
      data: { grade: body.grade },
      text: body.reasons,
    });
  },

  recommend_reuse: async (ctx, body) => {
    const reuse = {
      recommended: true,
      reasons: body.reasons.trim(),
      suggestedUse: body.suggestedUse?.trim() || null,
      decidedOn: ctx.today,
    };
    await transitionFollowUp(ctx, 'recommend_reuse', {
      changes: { decision: withOutcome(ctx, { reuse }) },
      auditData: { recommended: true },
    });
    await record(ctx, {
      kind: 'reuse_recommendation',
      visibility: 'internal',
      data: { recommended: true },
      text: body.reasons,
    });
  },

  decline_reuse: async (ctx, body) => {
    const reuse = {
      recommended: false,
      reasons: body.reasons.trim(),
      suggestedUse: null,
      decidedOn: ctx.today,
    };
    await transitionFollowUp(ctx, 'decline_reuse', {
      changes: { decision: withOutcome(ctx, { reuse }) },
      auditData: { recommended: false },
    });
    await record(ctx, {
      kind: 'reuse_recommendation',
      visibility: 'internal',
      data: { recommended: false },
      text: body.reasons,
    });
  },

  return_for_revision: async (ctx, body) => {
    await transitionFollowUp(ctx, 'return_for_revision', {
      changes: { decision: withOutcome(ctx, { reuse: null }) },
      auditData: { returned: ctx.loaded.outcome.reuse?.recommended ?? null },
    });
    await record(ctx, { kind: 'revision_request', visibility: 'internal', data: {}, text: body.reasons });
  },

  // The leader approves and the register form goes to the organisation department, signed.
  deliver: async (ctx, body) => {
    const { sanction, outcome, plan } = ctx.loaded;
    const grade = outcome.grade!;
    const reuse = outcome.reuse!;
    const rule = ruleOf(sanction);
    const visit = await visitOf(ctx);
    const jurisdiction = await ctx.trx
      .selectFrom('jurisdictions')
      .select(['id', 'code', 'name'])
      .where('id', '=', sanction.jurisdiction_id)
      .executeTakeFirstOrThrow();
    const cadre = await ctx.trx
      .selectFrom('cadres as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['c.name', 'c.position', 'u.name as unit'])
      .where('c.id', '=', sanction.cadre_id)
      .executeTakeFirstOrThrow();
    const document = followUpRegister({
      issuer: issuerFor(jurisdiction.name),
      documentNumber: await nextDocumentNumber(ctx.trx, jurisdiction, Number(ctx.today.slice(0, 4))),
      date: ctx.today,
      recipient: orgDepartmentName(jurisdiction.name),
      cadre,
      sanction: {
        label: rule.labelZh,
        decidedBy: sanction.decided_by,
        documentNumber: sanction.document_number,
        effectiveOn: sanction.effective_on,
        months: sanction.influence_months,
        endsOn: sanction.influence_ends_on,
      },
      visit: {
        visitedOn: visit.visitedOn,
        place: visit.place,
        methods: visit.methods.map((m) => VISIT_METHOD_LABELS[m].zh),
        visitors: visit.visitors,
        mentor: plan.mentor,
        politicalThinking: visit.politicalThinking,
        conduct: visit.conduct,
        work: visit.work,
        sanctionExecution: visit.sanctionExecution,
        attitude: visit.attitude,
        talk: visit.talk,
        unitOpinion: visit.unitOpinion,
      },
      grade: { label: VISIT_GRADE_LABELS[grade.value].zh, reasons: grade.reasons },
      recommendation: { reuse: reuse.recommended, reasons: reuse.reasons, suggestedUse: reuse.suggestedUse },
    });
    const issued = await issueDocument(ctx.trx, ctx.deps, {
      matterId: ctx.loaded.matter.id,
      jurisdictionId: jurisdiction.id,
      document,
      recipient: 'org_dept',
      actor: actorOf(ctx.user),
    });
    const delivery = { deliveredOn: ctx.today, documentId: issued.id, note: body.note?.trim() || null };
    await transitionFollowUp(ctx, 'deliver', {
      changes: { decision: withOutcome(ctx, { delivery }) },
      auditData: { documentId: issued.id, recommended: reuse.recommended, grade: grade.value },
    });
    // 结果运用: the reuse decision reaches the cadre's ledger as the department receives it.
    await ledgerReuseDecision(
      ctx,
      { matterId: ctx.loaded.matter.id, documentId: issued.id, deliveredOn: ctx.today },
      sanction,
      rule,
      { recommended: reuse.recommended, suggestedUse: reuse.suggestedUse },
      grade.value,
    );
    await record(ctx, {
      kind: 'delivery',
      visibility: 'internal',
      data: { documentId: issued.id },
      text: body.note,
    });
  },

  acknowledge: async (ctx, body) => {
    const receipt = { receivedOn: ctx.today, note: body.note?.trim() || null };
    await transitionFollowUp(ctx, 'acknowledge', { changes: { decision: withOutcome(ctx, { receipt }) } });
    await record(ctx, { kind: 'receipt', visibility: 'internal', data: {}, text: body.note });
  },

  cancel: async (ctx, body) => {
    await transitionFollowUp(ctx, 'cancel');
    await record(ctx, { kind: 'cancellation', visibility: 'internal', data: {}, text: body.reason });
  },
};
