/**
 * The determination (认定) in its three outcomes — 容错免责认定书, 容错减责认定书, 不予容错决定书 —
 * from the facts, the three-distinctions analysis and the policy clause relied on (DOMAIN §2, §4.1).
 */
import type { DocumentBlock, LocalDate, OfficialDocument } from '../model.ts';
import {
  appealRightsSentence,
  bodyDate,
  cite,
  endSentence,
  enumerate,
  frame,
  numberedSections,
  we,
  type AppealRights,
  type Cadre,
  type DocumentBasics,
  type PolicyCitation,
} from './common.ts';

export type DeterminationOutcome = 'exempt' | 'mitigate' | 'refuse';

/** 责令纠错: what must be rectified, by whom and by when. */
export type CorrectionOrder = { responsible: string; measures: string[]; deadline: LocalDate };

export type DeterminationInput = DocumentBasics & {
  outcome: DeterminationOutcome;
  cadre: Cadre;
  /** What the matter is about, e.g. '在背街小巷改造中采用公开摇号方式选定施工单位'. */
  matter: string;
  /** How the matter came before the commission, e.g. '经本人申请'. */
  origin: string;
  /** 基本事实, one paragraph each. */
  facts: string[];
  /** The three-distinctions analysis (三个区分开来), one paragraph each. */
  analysis: string[];
  policy: PolicyCitation;
  /** 集体研究: the body and the date of the meeting that decided. */
  deliberation: { body: string; date: LocalDate };
  /** 减责: the measure taken instead, e.g. '对其进行诫勉谈话，免予党纪处分'. Required for 'mitigate'. */
  mitigatedMeasure?: string;
  /** 不予容错: why tolerance is refused, and what follows. Required for 'refuse'. */
  refusal?: { reasons: string[]; consequence: string };
  correction?: CorrectionOrder;
  appeal: AppealRights;
};

const TITLE: Record<DeterminationOutcome, (name: string) => string> = {
  exempt: (name) => `关于${name}同志容错免责的认定决定书`,
  mitigate: (name) => `关于${name}同志容错减责的认定决定书`,
  refuse: (name) => `关于${name}同志不予容错的决定书`,
};

const KIND = {
  exempt: 'tolerance_exempt',
  mitigate: 'tolerance_mitigate',
  refuse: 'tolerance_refused',
} as const;

/** Builds the determination document for any of the three outcomes. */
export function determinationDecision(input: DeterminationInput): OfficialDocument {
  const { cadre, issuer } = input;
  const decisionName = input.outcome === 'refuse' ? '决定书' : '认定决定书';
  const intro =
    `${input.origin}，${we(issuer)}依据${cite({ ...input.policy, clauses: [] })}的规定，` +
    `对${cadre.unit}${cadre.position}${cadre.name}同志${input.matter}一事进行了核实。现将有关情况和认定意见告知如下。`;
  const paragraphs: DocumentBlock[] = [
    intro,
    ...numberedSections([
      ['基本事实', input.facts.map(endSentence)],
      ['分析认定', [...input.analysis.map(endSentence), clauseSentence(input)]],
      ['认定结论', [conclusion(input)]],
      input.correction ? ['纠错要求', correctionBlocks(input.correction, we(issuer))] : null,
      ['申诉权利', [appealRightsSentence(input.appeal, decisionName)]],
    ]),
  ];
  return {
    kind: KIND[input.outcome],
    ...frame(input),
    title: TITLE[input.outcome](cadre.name),
    addressee: `${cadre.name}同志`,
    paragraphs,
  };
}

function clauseSentence(input: DeterminationInput): string {
  if (input.outcome === 'refuse') {
    const reasons = input.refusal?.reasons ?? [];
    if (reasons.length === 0) throw new Error('a refusal needs refusal.reasons');
    return `经综合分析，${input.cadre.name}同志的行为存在以下情形，依照${cite(input.policy)}的规定，不符合容错条件：${enumerate(reasons).join('')}`;
  }
  const degree = input.outcome === 'exempt' ? '免责' : '减责';
  return `经综合分析，${input.cadre.name}同志的行为符合${cite(input.policy)}规定的容错情形，可予容错${degree}。`;
}

function conclusion(input: DeterminationInput): string {
  const { deliberation, cadre } = input;
  const met = `经${deliberation.body}于${bodyDate(deliberation.date)}集体研究，决定`;
  switch (input.outcome) {
    case 'exempt':
      return `${met}对${cadre.name}同志予以容错免责，不追究其相关责任。该认定结果在年度考核、评先评优、选拔任用等方面不作负面评价。`;
    case 'mitigate': {
      if (!input.mitigatedMeasure) throw new Error('a mitigation needs mitigatedMeasure');
      return `${met}对${cadre.name}同志予以容错减责，${endSentence(input.mitigatedMeasure)}`;
    }
    case 'refuse':
      return `${met}对${cadre.name}同志不予容错，${endSentence(input.refusal?.consequence ?? '依规依纪依法处理')}`;
  }
}

function correctionBlocks(order: CorrectionOrder, self: string): string[] {
  return [
    `责令${order.responsible}于${bodyDate(order.deadline)}前完成以下整改，并将整改情况书面报送${self}：`,
    ...enumerate(order.measures),
    `${self}将对整改情况进行验收和回头看。逾期未整改或整改不到位的，${self}将依规重新审视本认定。`,
  ];
}
