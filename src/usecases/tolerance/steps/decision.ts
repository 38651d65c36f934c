/**
 * 集体研究 → 决定 (DOMAIN §4.1 step 4–5): returning for further verification, the decision counted
 * under the policy's quorum and checked against the recommendation, and the higher level's approval
 * where required. The meeting itself (convening, recusal, votes) is in ./meeting.ts.
 */
import type { LocalDate } from '../../../domain/calendar/local-date.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Outcome, Recommendation } from '../../../domain/policy/types.ts';
import {
  appealWindow,
  assertCarried,
  decisionCheck,
  requiresHigherApproval,
  tallyVotes,
} from '../../../domain/tolerance/decision.ts';
import { transition } from '../transition.ts';
import type { StepHandlers } from '../perform-action.ts';
import { latestDecisionMeeting } from './committee.ts';
import { MEETING_HANDLERS } from './meeting.ts';
import { issueDetermination } from './determination-document.ts';
import { addRecord } from './records.ts';
import { storedDecision, storedTally, type StoredDecision } from './stored-decision.ts';
import { openCorrectionFromDecision } from '../../correction/open-correction.ts';
import { checkConsistency, consistencyAudit } from '../../consistency/check.ts';
import { ledgerToleranceDecision } from '../../outcome-ledger/hooks.ts';

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

export const DECISION_HANDLERS: StepHandlers = {
  // The verification clock is NOT restarted: it keeps counting from acceptance, so a matter sent back
  // shows against its original deadline (overdue if need be) and more time needs the leader's one
  // extension — a return must not become a way round the time limit. Votes of an abandoned meeting
  // stay on record; a new meeting is convened afterwards.
  return_for_verification: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'return_for_verification', ctx.now, {
      calendar: ctx.calendar,
    });
    await addRecord(ctx, {
      kind: 'returned_for_verification',
      visibility: 'internal',
      data: {},
      text: body.reason,
    });
  },

  decide: async (ctx, body) => {
    const m = ctx.loaded.matter;
    const meeting = await latestDecisionMeeting(ctx);
    if (!meeting) throw new DomainError('meeting.not_attending', { memberId: ctx.user.userId });
    const p = meeting.participants;
    const tally = tallyVotes(ctx.policy.quorum, {
      members: p.map((x) => x.user_id),
      present: p.filter((x) => x.present).map((x) => x.user_id),
      recused: p.filter((x) => x.recused).map((x) => x.user_id),
      votes: p
        .filter((x) => x.vote !== null)
        .map((x) => ({ memberId: x.user_id, outcome: x.vote!, opinion: x.opinion ?? '' })),
    });
    const outcome = assertCarried(tally);
    const measure = body.measure?.trim() || null;
    if (outcome === 'mitigate' && !measure) throw new DomainError('matter.measure_required', {}, 'measure');
    const order = body.correctionOrder;
    const check = decisionCheck(m.recommendation as Recommendation, {
      outcome,
      correctionOrdered: order !== undefined,
      ...(body.departureReason !== undefined ? { departureReason: body.departureReason } : {}),
      ...(body.exclusionJustification !== undefined
        ? { exclusionJustification: body.exclusionJustification }
        : {}),
    });
    // 偏离提示: the carried outcome against the nearest decided matters; the proposal's reason stands
    // for the same outcome unless the deciders give their own.
    const proposal = ctx.loaded.matter.proposal as { outcome?: Outcome; consistency?: { reason?: string | null } } | null;
    const proposedReason = proposal?.outcome === outcome ? (proposal.consistency?.reason ?? null) : null;
    const consistency = {
      ...(await checkConsistency(ctx, outcome, body.divergenceReason, [proposedReason, body.departureReason])),
      proposed: proposal?.outcome ?? null,
    };
    const appealType = body.appealType ?? 'party_accountability';
    appealWindow(ctx.policy, appealType); // refuse now, not at receipt, a type the policy has no route for
    const decision: StoredDecision = {
      outcome,
      measure,
      // 时限: the correction deadline runs in working days from the day of the decision.
      correctionOrder: order
        ? {
            responsible: order.responsible.trim(),
            measures: lines(order.measures),
            deadlineWorkingDays: order.deadlineWorkingDays,
            deadline: ctx.calendar.addWorkingDays(ctx.today, order.deadlineWorkingDays).date,
          }
        : null,
      departs: check.departs,
      flags: check.flags,
      departureReason: body.departureReason?.trim() || null,
      exclusionJustification: body.exclusionJustification?.trim() || null,
      tally: storedTally(tally),
      meetingId: meeting.id,
      heldOn: meeting.held_on as LocalDate,
      decidedOn: ctx.today,
      decidedBy: ctx.user.userId,
      appealType,
      consistency,
    };
    const needsApproval = requiresHigherApproval(ctx.policy, outcome);
    await transition(ctx.trx, ctx.user, ctx.loaded, 'decide', ctx.now, {
      calendar: ctx.calendar,
      ...(needsApproval ? { branch: 'needs_approval' } : {}),
      changes: { outcome, decided_at: ctx.now, decision: JSON.stringify(decision) },
      auditData: {
        meetingId: meeting.id,
        outcome,
        tally: tally.tally,
        flags: check.flags,
        needsApproval,
        consistency: consistencyAudit(consistency),
      },
    });
    await ctx.trx
      .updateTable('meetings')
      .set({ minutes_enc: ctx.deps.keyring.encrypt(body.minutes, `meeting.minutes:${meeting.id}`) })
      .where('id', '=', meeting.id)
      .execute();
    // Where the higher level must approve, the determination is issued on approval, not before.
    if (!needsApproval) {
      const documentId = await issueDetermination(ctx, decision);
      // 结果运用: the decision reaches the cadre's ledger (and the organisation department) as it takes effect.
      await ledgerToleranceDecision(ctx, m, decision, decision.decidedOn, documentId);
      await openCorrectionFromDecision(ctx, decision);
    }
  },

  approve: async (ctx, body) => {
    const decision = storedDecision(ctx.loaded.matter.decision);
    const approved: StoredDecision = {
      ...decision,
      approval: { approvedOn: ctx.today, approvedBy: ctx.user.userId },
    };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'approve', ctx.now, {
      calendar: ctx.calendar,
      changes: { decision: JSON.stringify(approved) },
    });
    await addRecord(ctx, {
      kind: 'approval',
      visibility: 'internal',
      data: { outcome: decision.outcome },
      text: body.note,
    });
    const documentId = await issueDetermination(ctx, approved);
    // Approved by the higher level: the decision takes effect today, and reaches the ledger now.
    await ledgerToleranceDecision(ctx, ctx.loaded.matter, approved, ctx.today, documentId);
    await openCorrectionFromDecision(ctx, approved);
  },

  reject_approval: async (ctx, body) => {
    const decision = storedDecision(ctx.loaded.matter.decision);
    // Back to the committee: the withheld decision is kept on the record, not on the matter.
    await transition(ctx.trx, ctx.user, ctx.loaded, 'reject_approval', ctx.now, {
      calendar: ctx.calendar,
      changes: { outcome: null, decided_at: null, decision: null },
    });
    await addRecord(ctx, {
      kind: 'approval_withheld',
      visibility: 'internal',
      data: { decision },
      text: body.reason,
    });
  },
  ...MEETING_HANDLERS,
};
