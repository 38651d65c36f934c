/**
 * Verification (核实, DOMAIN §4.1 steps 3–4): tasks (document review, interviews, site visits,
 * inquiries), the unit opinion, the one extension of the verification period, the established facts
 * with the policy engine's recommendation, and the determination proposal (认定意见) that ends it.
 * Evidence uploads are multipart and run in ../evidence.ts.
 */
import { DomainError } from '../../../domain/errors.ts';
import { extendDeadline } from '../../../domain/calendar/deadline.ts';
import { isLocalDate } from '../../../domain/calendar/local-date.ts';
import {
  evaluate,
  type Facts,
  type PreRegistrationStatus,
  type Recommendation,
} from '../../../domain/policy/index.ts';
import { decisionCheck } from '../../../domain/tolerance/decision.ts';
import type { MatterClocks } from '../../../domain/tolerance/clocks.ts';
import { jurisdictionChain, policyDefinitions } from '../../policy-context.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepHandlers } from '../perform-action.ts';
import { addRecord } from './records.ts';
import { recordFactsSignature } from '../../consistency/record-signature.ts';
import { checkConsistency, consistencyAudit } from '../../consistency/check.ts';

const COMMISSION_ROLES = ['case_officer', 'commission_leader', 'committee_member'] as const;

/**
 * 事前报备 as the linked pre-registration matter shows it — a fact of the file, never typed in:
 * acknowledged → filed_acknowledged; still a draft → not_filed; filed but not acknowledged
 * (pending, returned, rejected) → filed_rejected.
 */
export function preRegistrationFromStatus(status: string): PreRegistrationStatus {
  if (status === 'acknowledged') return 'filed_acknowledged';
  if (status === 'draft') return 'not_filed';
  return 'filed_rejected';
}

async function linkedPreRegistration(ctx: StepContext): Promise<PreRegistrationStatus | null> {
  const linkedId = ctx.loaded.matter.linked_matter_id;
  if (!linkedId) return null;
  const linked = await ctx.trx
    .selectFrom('matters')
    .select(['type', 'status'])
    .where('id', '=', linkedId)
    .executeTakeFirst();
  return linked?.type === 'pre_registration' ? preRegistrationFromStatus(linked.status) : null;
}

/** The engine names fields of the facts ('situations[1]'); the request has them under `facts`. */
function evaluateInRequest(run: () => Recommendation): Recommendation {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError && error.field)
      throw new DomainError(error.code, error.details, `facts.${error.field}`);
    throw error;
  }
}

/** A task may be assigned only to someone working for a commission that covers the matter. */
async function assertAssignee(ctx: StepContext, userId: string): Promise<void> {
  const grants = await ctx.trx
    .selectFrom('role_assignments as r')
    .innerJoin('jurisdictions as j', 'j.id', 'r.jurisdiction_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('j.path')
    .where('r.user_id', '=', userId)
    .where('u.status', '=', 'active')
    .where('r.role', 'in', COMMISSION_ROLES)
    .execute();
  if (!grants.some((g) => ctx.loaded.jurisdictionPath.startsWith(g.path)))
    throw new DomainError('matter.assignee_invalid', {}, 'assigneeUserId');
}

/** Step handlers of the verification stage, merged into the step runner's table. */
export const VERIFICATION_HANDLERS: StepHandlers = {
  add_task: async (ctx, body) => {
    if (body.assigneeUserId) await assertAssignee(ctx, body.assigneeUserId);
    if (body.dueOn !== undefined) {
      if (!isLocalDate(body.dueOn)) throw new DomainError('date.invalid', { value: body.dueOn }, 'dueOn');
      if (body.dueOn < ctx.today)
        throw new DomainError(
          'deadline.date_out_of_order',
          { date: body.dueOn, earliest: ctx.today },
          'dueOn',
        );
    }
    await transition(ctx.trx, ctx.user, ctx.loaded, 'add_task', ctx.now, {
      calendar: ctx.calendar,
      auditData: { kind: body.kind },
    });
    const data = {
      kind: body.kind,
      description: body.description,
      assigneeUserId: body.assigneeUserId ?? null,
      dueOn: body.dueOn ?? null,
    };
    await addRecord(ctx, { kind: 'task', visibility: 'internal', status: 'open', data });
  },

  complete_task: async (ctx, body) => {
    const task = await ctx.trx
      .selectFrom('matter_records')
      .select(['id', 'status', 'data'])
      .where('id', '=', body.taskId)
      .where('matter_id', '=', ctx.loaded.matter.id)
      .where('kind', '=', 'task')
      .executeTakeFirst();
    if (!task) throw new DomainError('matter.task_not_found', {}, 'taskId');
    if (task.status !== 'open') throw new DomainError('matter.task_not_open', {}, 'taskId');
    await transition(ctx.trx, ctx.user, ctx.loaded, 'complete_task', ctx.now, {
      calendar: ctx.calendar,
      auditData: { taskId: task.id },
    });
    const done = await ctx.trx
      .updateTable('matter_records')
      .set({
        status: 'done',
        // The result (e.g. interview notes) is sensitive: encrypted and bound to the record, as addRecord does.
        text_enc: ctx.deps.keyring.encrypt(body.result, `matter_record:${task.id}`),
        data: JSON.stringify({
          ...task.data,
          completedOn: ctx.today,
          completedBy: ctx.user.system ? null : ctx.user.userId,
        }),
        updated_at: ctx.now,
      })
      .where('id', '=', task.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new DomainError('matter.task_not_open', {}, 'taskId');
  },

  // 单位意见: part of the file the cadre may know (never the commission's internal notes).
  record_unit_opinion: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'record_unit_opinion', ctx.now, {
      calendar: ctx.calendar,
      auditData: { stance: body.stance },
    });
    const recordedBy = ctx.loaded.view === 'party' ? 'unit' : 'commission';
    await addRecord(ctx, {
      kind: 'unit_opinion',
      visibility: 'parties',
      data: { stance: body.stance, recordedBy },
      text: body.opinion,
    });
  },

  extend_verification: async (ctx, body) => {
    const clocks = ctx.loaded.matter.clocks as MatterClocks;
    // Every route into `verifying` starts this clock (accept, ex officio opening); resume keeps it.
    if (!clocks.verification) throw new DomainError('internal');
    const rule = ctx.policy.timeLimits.verificationExtension;
    const extension = {
      by: rule,
      approvedBy: ctx.user.displayName,
      reason: body.reason,
      approvedOn: ctx.today,
    };
    const verification = extendDeadline(clocks.verification, extension, rule);
    await transition(ctx.trx, ctx.user, ctx.loaded, 'extend_verification', ctx.now, {
      calendar: ctx.calendar,
      changes: { clocks: { ...clocks, verification } },
      auditData: { by: rule, approvedBy: extension.approvedBy, reason: body.reason },
    });
  },

  record_facts: async (ctx, body) => {
    const matter = ctx.loaded.matter;
    const chain = await jurisdictionChain(ctx.trx, matter.jurisdiction_id);
    const linked = await linkedPreRegistration(ctx);
    const facts: Facts = {
      ...body.facts,
      route: ctx.loaded.procedure.route,
      jurisdiction: chain[0]!,
      preRegistration: linked ?? body.facts.preRegistration,
    };
    const recommendation = evaluateInRequest(() =>
      evaluate(facts, policyDefinitions(), { jurisdictionChain: chain, decisionDate: ctx.today }),
    );
    await transition(ctx.trx, ctx.user, ctx.loaded, 'record_facts', ctx.now, {
      calendar: ctx.calendar,
      changes: {
        facts: JSON.stringify(facts),
        recommendation: JSON.stringify(recommendation),
        // The matter is handled, and will be decided, under the exact version the engine applied.
        policy_id: recommendation.policy.id,
        policy_version: recommendation.policy.version,
        conduct_date: facts.conductDate,
      },
      auditData: {
        recommendation: recommendation.recommendation,
        correctionRequired: recommendation.correctionRequired,
        policy: recommendation.policy,
        preRegistrationFromLink: linked !== null,
      },
    });
    await addRecord(ctx, {
      kind: 'findings',
      visibility: 'internal',
      data: { recommendation: recommendation.recommendation },
      text: body.findings,
    });
    // 认定尺度统一: the structure and terms similar matters are found by (the decision completes it).
    await recordFactsSignature(ctx, facts, recommendation.policy, body.findings);
  },

  propose: async (ctx, body) => {
    // The table's guard has made sure the facts (and so the recommendation) are recorded.
    const recommendation = ctx.loaded.matter.recommendation as Recommendation;
    if (body.outcome === 'mitigate' && !body.measure?.trim())
      throw new DomainError('matter.measure_required', {}, 'measure');
    const check = decisionCheck(recommendation, {
      outcome: body.outcome,
      correctionOrdered: body.correctionOrder !== undefined,
      departureReason: body.departureReason,
      exclusionJustification: body.exclusionJustification,
    });
    // 偏离提示: checked against the nearest decided matters; diverging needs a reason, recorded with the proposal.
    const consistency = await checkConsistency(ctx, body.outcome, body.divergenceReason, [body.departureReason]);
    const proposal = {
      outcome: body.outcome,
      analysis: body.analysis,
      measure: body.measure?.trim() || null,
      correctionOrder: body.correctionOrder ?? null,
      departureReason: body.departureReason?.trim() || null,
      exclusionJustification: body.exclusionJustification?.trim() || null,
      recommendation: recommendation.recommendation,
      flags: check.flags,
      exclusionsHit: check.exclusionsHit,
      proposedBy: ctx.user.system ? null : ctx.user.userId,
      proposedByName: ctx.user.displayName,
      proposedOn: ctx.today,
      consistency,
    };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'propose', ctx.now, {
      calendar: ctx.calendar,
      changes: { proposal: JSON.stringify(proposal) },
      auditData: {
        outcome: body.outcome,
        recommendation: recommendation.recommendation,
        flags: check.flags,
        consistency: consistencyAudit(consistency),
      },
    });
  },
};
