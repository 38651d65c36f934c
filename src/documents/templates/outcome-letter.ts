/**
 * 结果告知函: the letter telling the organisation department (组织部) the outcome of a tolerance
 * determination, so that it reaches the cadre's assessment and appointment records (DOMAIN §4.1
 * step 6, §5.1, §9 "the system chain"). Tolerance, correction and any reward stay separate: the
 * letter states the decision and its effects, never a reward.
 */
import type { LocalDate, OfficialDocument } from '../model.ts';
import {
  bodyDate,
  cite,
  endSentence,
  frame,
  we,
  type Cadre,
  type DocumentBasics,
  type PolicyCitation,
} from './common.ts';
import type { CorrectionOrder, DeterminationOutcome } from './determination.ts';

export type OutcomeLetterInput = DocumentBasics & {
  /** The organisation department addressed, e.g. '中共K县委组织部'. */
  recipient: string;
  cadre: Cadre;
  /** What the matter is about, as the determination words it. */
  matter: string;
  outcome: DeterminationOutcome;
  /** 减责: the measure taken instead. Required for 'mitigate'. */
  mitigatedMeasure?: string;
  correction?: CorrectionOrder;
  /** The determination this letter reports. */
  determination: { documentNumber: string; title: string; date: LocalDate };
  /** 集体研究: the body and the date of its meeting. */
  deliberation: { body: string; date: LocalDate };
  policy: PolicyCitation;
};

/** Builds the 结果告知函 to the organisation department. */
export function outcomeLetter(input: OutcomeLetterInput): OfficialDocument {
  const { cadre, issuer, determination } = input;
  const self = we(issuer);
  const paragraphs = [
    `${self}于${bodyDate(determination.date)}对${cadre.unit}${cadre.position}${cadre.name}同志${input.matter}一事作出《${determination.title}》（${determination.documentNumber}）。现将认定结果告知如下。`,
    `经${input.deliberation.body}于${bodyDate(input.deliberation.date)}集体研究，${decided(input)}`,
    effects(input),
    ...(input.correction
      ? [
          `${self}同时责令${input.correction.responsible}于${bodyDate(input.correction.deadline)}前完成整改。整改情况由${self}验收，纠错措施与容错认定分别记载。`,
        ]
      : []),
    '特此函告。',
  ];
  return {
    kind: 'outcome_letter',
    ...frame(input),
    title: `关于${cadre.name}同志容错认定结果的告知函`,
    addressee: input.recipient,
    paragraphs,
  };
}

function decided(input: OutcomeLetterInput): string {
  const name = input.cadre.name;
  switch (input.outcome) {
    case 'exempt':
      return `决定对${name}同志予以容错免责，不追究其相关责任。`;
    case 'mitigate':
      if (!input.mitigatedMeasure) throw new Error('a mitigation needs mitigatedMeasure');
      return `决定对${name}同志予以容错减责，${endSentence(input.mitigatedMeasure)}`;
    case 'refuse':
      return `决定对${name}同志不予容错，其相关责任依规依纪依法追究。`;
  }
}

function effects(input: OutcomeLetterInput): string {
  const basis = `根据${cite(input.policy)}的规定`;
  switch (input.outcome) {
    case 'exempt':
      return `${basis}，该认定结果在年度考核、评先评优、选拔任用等方面不作负面评价，请在干部考核考察、选拔任用工作中客观评价、公正对待。`;
    case 'mitigate':
      return `${basis}，请对${input.cadre.name}同志客观评价、公正对待；所采取处理措施的影响期按有关规定执行。`;
    case 'refuse':
      return '对其作出的问责或处分决定，由有关机关依规依纪依法办理并另行通报。';
  }
}
