/**
 * 复核 (DOMAIN §4.1 step 9, §13.3): the appeal is heard by a panel that had no part in the original
 * decision, and its answer may uphold or lighten the decision but never make it heavier.
 */
import { actorOf } from '../../../domain/access.ts';
import { toBeijingDate } from '../../../domain/calendar/local-date.ts';
import { DomainError } from '../../../domain/errors.ts';
import { OUTCOME_ZH } from '../../../domain/policy/reasons.ts';
import type { AppealType, Outcome } from '../../../domain/policy/types.ts';
import { assertIndependentPanel, reviewCheck } from '../../../domain/tolerance/decision.ts';
import { reviewDecision } from '../../../documents/templates/review-decision.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../../documents/issue-document.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepHandlers } from '../perform-action.ts';
import { bodyMembers, userNames } from './committee.ts';
import { latestDetermination } from './determination-document.ts';
import { issueOutcomeLetter, orgDepartmentName } from './letters.ts';
import { addRecord, documentParties } from './records.ts';
import { storedDecision, type StoredDecision } from './stored-decision.ts';
import { describeLimit } from './wording.ts';
import { ledgerToleranceDecision } from '../../outcome-ledger/hooks.ts';

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Who took part in the original decision: members present and not recused, and the leader who issued it. */
async function originalDeciders(ctx: StepContext, decision: StoredDecision): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom('meeting_participants')
    .select('user_id')
    .where('meeting_id', '=', decision.meetingId)
    .where('matter_id', '=', ctx.loaded.matter.id)
    .where('present', '=', true)
    .where('recused', '=', false)
    .execute();
  return [...new Set([...rows.map((r) => r.user_id), decision.decidedBy])];
}

async function latestRecord(ctx: StepContext, kind: string) {
  return ctx.trx
    .selectFrom('matter_records')
    .select(['id', 'data', 'text_enc', 'created_at'])
    .where('matter_id', '=', ctx.loaded.matter.id)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const DEGREE: Record<Outcome, string> = {
  exempt: '予以容错免责',
  mitigate: '予以容错减责',
  refuse: '不予容错',
};

export const REVIEW_HANDLERS: StepHandlers = {
  assign_review_panel: async (ctx, body) => {
    const panel = [...new Set(body.members)];
    if (panel.length < 2)
      throw new DomainError(
        'request.invalid',
        {
          field: 'members',
          reasonZh: '复核组至少两人',
          reasonEn: 'a review panel needs at least two members',
        },
        'members',
      );
    const members = new Map((await bodyMembers(ctx)).map((x) => [x.userId, x]));
    panel.forEach((id, i) => {
      const member = members.get(id);
      if (!member) throw new DomainError('meeting.not_a_member', { id }, `members[${i}]`);
      if (member.recusalReason)
        throw new DomainError(
          'meeting.member_related',
          { name: member.name, reason: member.recusalReason },
          `members[${i}]`,
        );
    });
    const deciders = await originalDeciders(ctx, storedDecision(ctx.loaded.matter.decision));
    assertIndependentPanel(deciders, panel, await userNames(ctx, [...deciders, ...panel]));
    await transition(ctx.trx, ctx.user, ctx.loaded, 'assign_review_panel', ctx.now, {
      calendar: ctx.calendar,
      auditData: { members: panel },
    });
    await addRecord(ctx, { kind: 'review_panel', visibility: 'internal', data: { members: panel } });
  },

  review_decide: async (ctx, body) => {
    const m = ctx.loaded.matter;
    const panelRecord = await latestRecord(ctx, 'review_panel');
    const panel = (panelRecord?.data as { members?: string[] } | undefined)?.members ?? [];
    if (!panel.includes(ctx.user.userId)) throw new DomainError('meeting.not_on_panel');
    const decision = storedDecision(m.decision);
    const original = decision.outcome;
    if (body.result === 'upheld' && body.outcome !== undefined && body.outcome !== original) {
      throw new DomainError('matter.review_outcome_unexpected', {}, 'outcome');
    }
    if (body.result === 'changed' && (body.outcome === undefined || body.outcome === original)) {
      throw new DomainError('matter.review_outcome_required', { original: OUTCOME_ZH[original] }, 'outcome');
    }
    const reviewed = body.result === 'changed' ? body.outcome! : original;
    reviewCheck(original, reviewed); // never heavier on appeal
    const measure =
      reviewed === 'mitigate'
        ? body.measure?.trim() || (original === 'mitigate' ? decision.measure : null)
        : null;
    if (reviewed === 'mitigate' && !measure) throw new DomainError('matter.measure_required', {}, 'measure');
    const result = body.result === 'changed' ? 'varied' : 'upheld';
    const review = { result, decidedOn: ctx.today, decidedBy: ctx.user.userId, panel } as const;
    const next: StoredDecision =
      result === 'upheld'
        ? { ...decision, review }
        : { ...decision, outcome: reviewed, measure, review, original: decision };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'review_decide', ctx.now, {
      calendar: ctx.calendar,
      changes: { outcome: reviewed, decision: JSON.stringify(next) },
      auditData: { result, original, reviewed },
    });

    const [parties, determination, appealRecord] = await Promise.all([
      documentParties(ctx),
      latestDetermination(ctx),
      latestRecord(ctx, 'appeal'),
    ]);
    const issuer = issuerFor(parties.jurisdiction.name);
    const appealType =
      (appealRecord?.data as { appealType?: AppealType } | undefined)?.appealType ?? decision.appealType;
    const further = ctx.policy.appeals.find((r) => r.type === appealType)?.stages[1];
    const deliberation = { body: `中共${parties.jurisdiction.name}纪律检查委员会复核组`, date: ctx.today };
    const document = reviewDecision({
      issuer,
      documentNumber: await nextDocumentNumber(ctx.trx, parties.jurisdiction, Number(ctx.today.slice(0, 4))),
      date: ctx.today,
      copyTo: [parties.cadre.unit, orgDepartmentName(parties.jurisdiction.name)],
      cadre: parties.cadre,
      original: {
        documentNumber: determination.number,
        title: determination.title,
        date: toBeijingDate(determination.issued_at),
      },
      appealReceivedOn: appealRecord ? toBeijingDate(appealRecord.created_at) : ctx.today,
      grounds: appealRecord?.text_enc
        ? paragraphs(ctx.deps.keyring.decrypt(appealRecord.text_enc, `matter_record:${appealRecord.id}`))
        : [],
      findings: paragraphs(body.reasons),
      outcome: result,
      ...(result === 'varied'
        ? {
            newDecision: `改为对${parties.cadre.name}同志${DEGREE[reviewed]}${measure ? `，${measure}` : ''}`,
          }
        : {}),
      deliberation,
      ...(further
        ? {
            furtherAppeal: {
              window: describeLimit(further.filingWindow),
              body: further.decidedBy === 'higher_body' ? '上一级纪检监察机关' : issuer.name,
            },
          }
        : {}),
    });
    const issued = await issueDocument(ctx.trx, ctx.deps, {
      matterId: m.id,
      jurisdictionId: m.jurisdiction_id,
      document,
      recipient: 'cadre',
      actor: actorOf(ctx.user),
    });
    // The review's answer supersedes the decision's ledger entry (upheld: now final on appeal).
    await ledgerToleranceDecision(ctx, m, { outcome: reviewed, measure }, ctx.today, issued.id, result);
    // A varied outcome must reach the organisation department as well (the system chain).
    if (result === 'varied') {
      const reviewDoc = { number: document.documentNumber, title: document.title, issued_at: ctx.now };
      await issueOutcomeLetter(ctx, next, reviewDoc, deliberation);
    }
    await addRecord(ctx, {
      kind: 'review_decision',
      visibility: 'parties',
      data: { result, original, reviewed, documentId: issued.id },
    });
  },
};
