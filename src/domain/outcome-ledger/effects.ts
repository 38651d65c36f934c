/**
 * 结果运用台账 — the per-cadre outcome ledger of the "system chain" (DESIGN §3.9, DOMAIN §5.1, §9):
 * what each outcome means for the cadre's assessment, commendation, promotion and reuse, as rules.
 *
 * Every outcome is its own entry — the tolerance decision, the correction ordered with it, a name
 * clearing, a sanction, a reuse decision — never merged, so tolerance, correction and any reward stay
 * separate records (DOMAIN §5.1 "Design: record separately … Never auto-derive 3 from 1"). Entries
 * are never edited: a later decision on the same thing (a review, a decision taken again after a
 * reopening, the correction closed) is a new entry that supersedes the one before it (its chain).
 *
 * The effects are computed here once, when the entry is recorded, and stored with it, so a later
 * change of these rules never rewrites what the organisation department was told.
 */
import { addCalendarDays, maxLocalDate, type LocalDate } from '../calendar/local-date.ts';
import type { Outcome, SanctionCategory, SanctionType } from '../policy/types.ts';
import { FORM_LABELS, SCOPE_LABELS, type ClearingForm, type ClearingScope } from '../name-clearing/scope.ts';

export type Bilingual = { zh: string; en: string };

/** The kinds of entry, in the order a cadre's matters usually produce them. */
export const LEDGER_KINDS = [
  'tolerance_decision', // 容错认定
  'correction_ordered', // 责令纠错
  'correction_closed', // 纠错销号
  'correction_terminated', // 纠错终止
  'name_cleared', // 澄清正名
  'sanction', // 处分或处理（影响期）
  'reuse_decision', // 重新使用建议
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const LEDGER_KIND_LABELS: Record<LedgerKind, Bilingual> = {
  tolerance_decision: { zh: '容错认定', en: 'Tolerance decision' },
  correction_ordered: { zh: '责令纠错', en: 'Correction ordered' },
  correction_closed: { zh: '纠错销号', en: 'Correction closed' },
  correction_terminated: { zh: '纠错终止', en: 'Correction ended' },
  name_cleared: { zh: '澄清正名', en: 'Name cleared' },
  sanction: { zh: '处分或处理', en: 'Sanction' },
  reuse_decision: { zh: '重新使用建议', en: 'Reuse decision' },
};

/**
 * Where "no negative evaluation" (不作负面评价) reaches: the common local list (Shandong 2017, the
 * fullest statement; Tongren, Changning, Tongling similar — DOMAIN §5.1) and the national "objective
 * evaluation, fair treatment" (中办发〔2018〕29号; 《党政领导干部选拔任用工作条例》).
 */
export const EVALUATION_AREAS = [
  'annual_assessment', // 平时、年度、任期考核
  'commendation', // 评先评优、表彰奖励
  'promotion', // 选拔任用
  'rank_promotion', // 职级晋升、职称评定
  'reserve_and_representative', // 后备干部及党代表、人大代表、政协委员资格
] as const;
export type EvaluationArea = (typeof EVALUATION_AREAS)[number];

export const AREA_LABELS: Record<EvaluationArea, Bilingual> = {
  annual_assessment: { zh: '年度考核', en: 'annual assessment' },
  commendation: { zh: '评先评优', en: 'commendations' },
  promotion: { zh: '选拔任用', en: 'selection and promotion' },
  rank_promotion: { zh: '职级晋升', en: 'rank promotion' },
  reserve_and_representative: { zh: '后备干部及代表委员资格', en: 'reserve-cadre and delegate status' },
};

/** What an influence period bars while it runs (DOMAIN §13.4). */
export const BLOCKS = [
  'inspection_listing', // 不得列为考察对象（任用条例第二十四条第（六）项）
  'promotion', // 不得提拔或者进一步使用
  'party_post', // 不得在党内提升职务
  'rank_promotion', // 不得晋升职务、职级、级别（公务员法第六十四条）
  'salary_step', // 不得晋升工资档次（记过及以上）
] as const;
export type Block = (typeof BLOCKS)[number];

export const BLOCK_LABELS: Record<Block, Bilingual> = {
  inspection_listing: { zh: '不得列为考察对象', en: 'not to be listed for inspection' },
  promotion: { zh: '不得提拔或者进一步使用', en: 'no promotion or further use' },
  party_post: { zh: '不得在党内提升职务', en: 'no promotion within the Party' },
  rank_promotion: { zh: '不得晋升职务、职级、级别', en: 'no promotion of post, rank or grade' },
  salary_step: { zh: '不得晋升工资档次', en: 'no salary-step increase' },
};

/** 政务处分 for which a civil servant gets no salary step while the period runs (公务员法第六十四条). */
const NO_SALARY_STEP: readonly SanctionType[] = [
  'public_demerit',
  'public_major_demerit',
  'public_demotion',
  'public_dismissal',
];

export const EFFECT_CODES = [
  'liability_exempted', // 免予追究责任
  'liability_mitigated', // 从轻、减轻或免予处理
  'liability_pursued', // 不予容错，依规依纪依法追究
  'no_negative_evaluation', // 不作负面评价
  'no_influence_block', // 容错认定本身不产生影响期
  'correction_required', // 限期整改
  'correction_completed', // 整改到位、销号
  'correction_ended', // 纠错终止
  'reputation_cleared', // 澄清正名
  'allegation_disregarded', // 失实举报不作为评价依据
  'influence_period', // 影响期
  'reuse_barred', // 不得重新使用
  'reuse_recommended', // 建议使用
  'reuse_not_recommended', // 暂不建议使用
] as const;
export type EffectCode = (typeof EFFECT_CODES)[number];

/** One effect of an entry, as stored and as delivered to other systems. */
export type LedgerEffect = {
  code: EffectCode;
  /** Areas where the cadre is not to be evaluated negatively for this. */
  areas?: EvaluationArea[];
  /** What an influence period bars. */
  blocks?: Block[];
  /** First and last day the effect applies (inclusive); null `until`: no end. */
  from: LocalDate;
  until: LocalDate | null;
  /** A detail in the deciding body's words (the mitigated measure, the suggested post …). */
  detail?: string | null;
};

/** What each kind of entry records, besides its effects: the facts its plain-language text needs. */
export type LedgerFacts =
  | {
      kind: 'tolerance_decision';
      outcome: Outcome;
      measure: string | null;
      /** How the decision in force came about. */
      basis: 'decision' | 'review_upheld' | 'review_varied' | 'redecision';
      matterTitle: string;
    }
  | {
      kind: 'correction_ordered';
      title: string;
      responsibleUnit: string;
      responsiblePerson: string;
      measures: string[];
      deadline: LocalDate;
      /** Ordered with a tolerance decision (the determination's number), or on its own. */
      withDecision: string | null;
    }
  | { kind: 'correction_closed'; title: string }
  | { kind: 'correction_terminated'; title: string; reason: 'tolerance_reopened' | 'leader_ended' }
  | {
      kind: 'name_cleared';
      forms: ClearingForm[];
      scope: ClearingScope;
      clearedOn: LocalDate;
      onTime: boolean;
    }
  | {
      kind: 'sanction';
      sanctionType: SanctionType;
      category: SanctionCategory;
      label: Bilingual;
      /** The period's effect as the policy words it. */
      effect: Bilingual;
      months: number | null;
      reusable: boolean;
      decidedBy: string;
    }
  | {
      kind: 'reuse_decision';
      recommended: boolean;
      grade: 'good' | 'average' | 'poor' | null;
      suggestedUse: string | null;
      sanctionLabel: Bilingual;
      /** The first day a promotion may be proposed again (the day after the period); null: none runs. */
      clearFrom: LocalDate | null;
    };

/** An entry's computed content: its effects, its dates and which chain it belongs to. */
export type LedgerContent = {
  effects: LedgerEffect[];
  effectiveFrom: LocalDate;
  effectiveUntil: LocalDate | null;
  /** What the entry covers, in words (the matter, the order, the reach of the clearing …). */
  scope: string;
};

const ALL_AREAS: EvaluationArea[] = [...EVALUATION_AREAS];

/**
 * The effects of an outcome that takes effect on `on`. `until` is the last day of a period the
 * caller already fixed (a sanction's influence period, counted and pinned when it was recorded).
 */
export function ledgerContent(
  facts: LedgerFacts,
  on: LocalDate,
  until: LocalDate | null = null,
): LedgerContent {
  switch (facts.kind) {
    case 'tolerance_decision':
      return {
        ...toleranceEffects(facts, on),
        effectiveFrom: on,
        effectiveUntil: null,
        scope: facts.matterTitle,
      };
    case 'correction_ordered':
      return {
        effects: [
          {
            code: 'correction_required',
            from: on,
            until: facts.deadline,
            detail: `${facts.responsibleUnit}（${facts.responsiblePerson}）`,
          },
        ],
        effectiveFrom: on,
        effectiveUntil: facts.deadline,
        scope: facts.title,
      };
    case 'correction_closed':
      return {
        effects: [{ code: 'correction_completed', from: on, until: null }],
        effectiveFrom: on,
        effectiveUntil: null,
        scope: facts.title,
      };
    case 'correction_terminated':
      return {
        effects: [{ code: 'correction_ended', from: on, until: null }],
        effectiveFrom: on,
        effectiveUntil: null,
        scope: facts.title,
      };
    case 'name_cleared':
      return {
        effects: [
          {
            code: 'reputation_cleared',
            from: on,
            until: null,
            detail: `${facts.forms.map((f) => FORM_LABELS[f].zh).join('、')}；${SCOPE_LABELS[facts.scope].zh}`,
          },
          // Hubei 2020: clearing answers the specific untrue allegation, which may not count against
          // the cadre where selection, appointment or commendation was or may be affected.
          { code: 'allegation_disregarded', areas: ALL_AREAS, from: on, until: null },
        ],
        effectiveFrom: on,
        effectiveUntil: null,
        scope: SCOPE_LABELS[facts.scope].zh,
      };
    case 'sanction':
      return {
        ...sanctionEffects(facts, on, until),
        effectiveFrom: on,
        effectiveUntil: until,
        scope: facts.label.zh,
      };
    case 'reuse_decision':
      return {
        effects: [
          facts.recommended
            ? {
                code: 'reuse_recommended',
                // Reuse never cuts a period short: the recommendation applies once the period is over.
                from: facts.clearFrom ? maxLocalDate(on, facts.clearFrom) : on,
                until: null,
                detail: facts.suggestedUse,
              }
            : { code: 'reuse_not_recommended', from: on, until: null },
        ],
        effectiveFrom: on,
        effectiveUntil: null,
        scope: facts.sanctionLabel.zh,
      };
  }
}

/**
 * 容错免责 / 减责 / 不予容错 (DOMAIN §5.1, §9): a tolerance — exempt or mitigated — is no ground for a
 * negative evaluation anywhere the local lists name, and creates no block on appointment (《党政领导
 * 干部选拔任用工作条例》: tolerated cadres are treated objectively and fairly). A measure or sanction
 * still imposed on mitigation is a sanction entry of its own, with its own period. A refusal states
 * only that liability is pursued under the ordinary rules: any sanction then given is recorded
 * separately, and only that sanction's period blocks.
 */
function toleranceEffects(
  facts: Extract<LedgerFacts, { kind: 'tolerance_decision' }>,
  on: LocalDate,
): { effects: LedgerEffect[] } {
  if (facts.outcome === 'refuse') return { effects: [{ code: 'liability_pursued', from: on, until: null }] };
  return {
    effects: [
      facts.outcome === 'exempt'
        ? { code: 'liability_exempted', from: on, until: null }
        : { code: 'liability_mitigated', from: on, until: null, detail: facts.measure },
      { code: 'no_negative_evaluation', areas: ALL_AREAS, from: on, until: null },
      { code: 'no_influence_block', from: on, until: null },
    ],
  };
}

/** What a sanction's period bars, by its category and type (DOMAIN §13.4). */
export function blocksOf(category: SanctionCategory, type: SanctionType): Block[] {
  const blocks: Block[] = ['inspection_listing', 'promotion'];
  if (category === 'party_discipline') blocks.push('party_post');
  if (category === 'public_office') blocks.push('rank_promotion');
  if (NO_SALARY_STEP.includes(type)) blocks.push('salary_step');
  return blocks;
}

function sanctionEffects(
  facts: Extract<LedgerFacts, { kind: 'sanction' }>,
  on: LocalDate,
  until: LocalDate | null,
): { effects: LedgerEffect[] } {
  const effects: LedgerEffect[] = [
    {
      code: 'influence_period',
      blocks: blocksOf(facts.category, facts.sanctionType),
      from: on,
      until,
      detail: facts.effect.zh,
    },
  ];
  if (!facts.reusable) effects.push({ code: 'reuse_barred', from: on, until: null });
  return { effects };
}

/** The first day after a period (when a promotion may be proposed again); null for none or no end. */
export function clearFromOf(until: LocalDate | null): LocalDate | null {
  return until ? addCalendarDays(until, 1) : null;
}

/**
 * Which entries supersede one another: a later entry of the same chain replaces the one before it
 * (a review or a new decision on the same tolerance matter; the close or end of the same order; a
 * later reuse decision on the same sanction). A sanction and a clearing stand alone.
 */
export function chainKeyOf(
  kind: LedgerKind,
  ids: { matterId?: string | null; sanctionId?: string | null },
): string {
  switch (kind) {
    case 'tolerance_decision':
      return `tolerance:${ids.matterId}`;
    case 'correction_ordered':
    case 'correction_closed':
    case 'correction_terminated':
      return `correction:${ids.matterId}`;
    case 'name_cleared':
      return `name_clearing:${ids.matterId}`;
    case 'sanction':
      return `sanction:${ids.sanctionId}`;
    case 'reuse_decision':
      return `reuse:${ids.sanctionId}`;
  }
}
