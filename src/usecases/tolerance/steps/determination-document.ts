/**
 * The determination (容错免责认定书 / 容错减责认定书 / 不予容错决定书) issued once a decision takes
 * effect — at the decision, or on the higher level's approval where the policy requires it. Its
 * facts and analysis come from the verification and the proposal; its reasons and clauses from the
 * recommendation the decision was checked against; its appeal paragraph from the policy's route.
 */
import { actorOf } from '../../../domain/access.ts';
import { appealWindow } from '../../../domain/tolerance/decision.ts';
import type {
  AppealType,
  EffectivePolicy,
  Outcome,
  Recommendation,
  RuleName,
} from '../../../domain/policy/types.ts';
import { determinationDecision } from '../../../documents/templates/determination.ts';
import type { AppealRights, Issuer } from '../../../documents/templates/common.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../../documents/issue-document.ts';
import type { StepContext } from '../perform-action.ts';
import { documentParties, type DocumentParties } from './records.ts';
import type { StoredDecision } from './stored-decision.ts';
import { describeLimit } from './wording.ts';

/** The rules whose clauses a determination of each outcome rests on. */
const RULES_FOR: Record<Outcome, readonly RuleName[]> = {
  exempt: ['exempt'],
  mitigate: ['gate_mitigate', 'pre_registration_missing'],
  refuse: ['exclusion', 'gate_refuse', 'no_situation'],
};

const APPEAL_KIND = { appeal: 'appeal', review: 'review', re_examination: 're-examination' } as const;

/** The appeal paragraph's data: the first stage of the route for this kind of decision (DOMAIN §13.3). */
export function appealRights(policy: EffectivePolicy, appealType: AppealType, issuer: Issuer): AppealRights {
  const window = describeLimit(appealWindow(policy, appealType));
  const stage = policy.appeals.find((r) => r.type === appealType)!.stages[0]!;
  const kind = APPEAL_KIND[stage.id as keyof typeof APPEAL_KIND] ?? 'appeal';
  return { window, body: stage.decidedBy === 'higher_body' ? '上一级纪检监察机关' : issuer.name, kind };
}

/** The body that deliberates for a county commission (集体研究). */
export function decidingBodyName(jurisdictionName: string): string {
  return `中共${jurisdictionName}纪律检查委员会常务委员会`;
}

const paragraphs = (text: string | null | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * What verification established and how the proposal analysed it. The verification step stores
 * them as encrypted record text; the proposal's analysis sits in `matters.proposal`. Missing pieces
 * fall back to the account the applicant gave, so a document never goes out with an empty section.
 */
async function draftingMaterial(ctx: StepContext): Promise<{ facts: string[]; analysis: string[] }> {
  const m = ctx.loaded.matter;
  const decrypt = (id: string, enc: string | null) =>
    enc ? ctx.deps.keyring.decrypt(enc, `matter_record:${id}`) : null;
  const records = await ctx.trx
    .selectFrom('matter_records')
    .select(['id', 'kind', 'text_enc'])
    .where('matter_id', '=', m.id)
    .where('kind', 'in', ['facts', 'findings', 'facts_recorded', 'proposal'])
    .orderBy('created_at', 'desc')
    .execute();
  const latest = (kinds: string[]) => records.find((r) => kinds.includes(r.kind) && r.text_enc);
  const findingsRecord = latest(['facts', 'findings', 'facts_recorded']);
  const proposalRecord = latest(['proposal']);
  const proposal = (m.proposal ?? {}) as { analysis?: unknown; findings?: unknown };
  const facts = (m.facts ?? {}) as { findings?: unknown };
  const findings =
    (findingsRecord && decrypt(findingsRecord.id, findingsRecord.text_enc)) ??
    (typeof facts.findings === 'string' ? facts.findings : null) ??
    (typeof proposal.findings === 'string' ? proposal.findings : null) ??
    (m.summary_enc ? ctx.deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`) : '');
  const analysis =
    (typeof proposal.analysis === 'string' ? proposal.analysis : null) ??
    (proposalRecord && decrypt(proposalRecord.id, proposalRecord.text_enc)) ??
    '';
  return { facts: paragraphs(findings), analysis: paragraphs(analysis) };
}

function origin(ctx: StepContext, parties: DocumentParties): string {
  const route = ctx.loaded.matter.route;
  if (route === 'unit_application') return `经${parties.cadre.unit}申请`;
  if (route === 'ex_officio') return '在办理相关问责事项过程中，经组织主动启动容错程序';
  if (route === 'pre_registration') return '经事前报备后本人申请';
  return '经本人申请';
}

/** Numbers and signs the determination for `decision` and stores it; returns the document id. */
export async function issueDetermination(ctx: StepContext, decision: StoredDecision): Promise<string> {
  const m = ctx.loaded.matter;
  const recommendation = m.recommendation as Recommendation;
  const [parties, material] = await Promise.all([documentParties(ctx), draftingMaterial(ctx)]);
  const issuer = issuerFor(parties.jurisdiction.name);
  const fired = recommendation.reasons.filter((r) => RULES_FOR[decision.outcome].includes(r.rule));
  const refusalReasons = decision.departs ? paragraphs(decision.departureReason) : fired.map((r) => r.zh);
  const number = await nextDocumentNumber(ctx.trx, parties.jurisdiction, Number(ctx.today.slice(0, 4)));
  const document = determinationDecision({
    issuer,
    documentNumber: number,
    date: ctx.today,
    copyTo: [parties.cadre.unit, `中共${parties.jurisdiction.name}委组织部`],
    outcome: decision.outcome,
    cadre: parties.cadre,
    matter: m.title,
    origin: origin(ctx, parties),
    facts: material.facts,
    // A decision departing from the recommendation gives its written reason to the cadre too.
    analysis:
      decision.departs && decision.outcome !== 'refuse'
        ? [...material.analysis, ...paragraphs(decision.departureReason)]
        : material.analysis,
    policy: { ...parties.policyCitation, clauses: [...new Set(fired.map((r) => r.clause))] },
    deliberation: { body: decidingBodyName(parties.jurisdiction.name), date: decision.heldOn },
    ...(decision.measure ? { mitigatedMeasure: decision.measure } : {}),
    ...(decision.outcome === 'refuse'
      ? {
          refusal: {
            reasons: refusalReasons.length ? refusalReasons : ['不符合容错条件'],
            consequence: '其相关责任依规依纪依法追究',
          },
        }
      : {}),
    ...(decision.correctionOrder
      ? {
          correction: {
            responsible: decision.correctionOrder.responsible,
            measures: decision.correctionOrder.measures,
            deadline: decision.correctionOrder.deadline,
          },
        }
      : {}),
    appeal: appealRights(ctx.policy, decision.appealType, issuer),
  });
  const issued = await issueDocument(ctx.trx, ctx.deps, {
    matterId: m.id,
    jurisdictionId: m.jurisdiction_id,
    document,
    recipient: 'cadre',
    actor: actorOf(ctx.user),
  });
  return issued.id;
}

/** The determination in force: the latest 认定书/决定书 issued on the matter (the first, unless re-issued). */
export async function latestDetermination(ctx: StepContext) {
  return ctx.trx
    .selectFrom('documents')
    .select(['id', 'number', 'title', 'issued_at'])
    .where('matter_id', '=', ctx.loaded.matter.id)
    .where('kind', 'in', ['tolerance_exempt', 'tolerance_mitigate', 'tolerance_refused'])
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
