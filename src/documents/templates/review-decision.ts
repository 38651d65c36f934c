/**
 * 复核决定书: the answer to an appeal against a determination, heard by a different panel, with the
 * original decision not suspended and never made heavier (DOMAIN §4.1 step 9, §13.3).
 */
import type { LocalDate, OfficialDocument } from '../model.ts';
import {
  bodyDate,
  endSentence,
  enumerate,
  frame,
  numberedSections,
  we,
  type Cadre,
  type DocumentBasics,
} from './common.ts';

export type ReviewOutcome = 'upheld' | 'varied' | 'revoked';

export type ReviewDecisionInput = DocumentBasics & {
  cadre: Cadre;
  /** The decision appealed against. */
  original: { documentNumber: string; title: string; date: LocalDate };
  appealReceivedOn: LocalDate;
  /** 申诉理由, as summarised from the appeal. */
  grounds: string[];
  /** 复核查明: what the review found, one paragraph each. */
  findings: string[];
  outcome: ReviewOutcome;
  /** For 'varied': the new decision, e.g. '变更为容错免责'; for 'revoked': what happens next. */
  newDecision?: string;
  /** 集体研究 by the review panel. */
  deliberation: { body: string; date: LocalDate };
  /** Further route, if the rules give one (e.g. 再申诉 to the next level); else the decision is final. */
  furtherAppeal?: { window: string; body: string };
};

/** Builds the 复核决定书. */
export function reviewDecision(input: ReviewDecisionInput): OfficialDocument {
  const { cadre, original, issuer } = input;
  const self = we(issuer);
  const intro =
    `${cadre.unit}${cadre.position}${cadre.name}同志不服${self}${bodyDate(original.date)}作出的《${original.title}》（${original.documentNumber}），` +
    `于${bodyDate(input.appealReceivedOn)}提出申诉。${self}依规另行组成复核组进行了复核，原决定在复核期间未停止执行。现将复核情况和结论告知如下。`;
  return {
    kind: 'review_decision',
    ...frame(input),
    title: `关于${cadre.name}同志申诉的复核决定书`,
    addressee: `${cadre.name}同志`,
    paragraphs: [
      intro,
      ...numberedSections([
        ['申诉理由', enumerate(input.grounds)],
        ['复核查明', input.findings.map(endSentence)],
        ['复核结论', [conclusion(input)]],
        ['其他事项', [furtherSentence(input)]],
      ]),
    ],
  };
}

function conclusion(input: ReviewDecisionInput): string {
  const met = `经${input.deliberation.body}于${bodyDate(input.deliberation.date)}集体研究，`;
  const originalRef = `《${input.original.title}》（${input.original.documentNumber}）`;
  switch (input.outcome) {
    case 'upheld':
      return `${met}认为原决定认定事实清楚、适用规定正确、程序合法，决定维持${originalRef}。`;
    case 'varied':
      if (!input.newDecision) throw new Error('a varied review needs newDecision');
      return `${met}决定变更${originalRef}，${endSentence(input.newDecision)}`;
    case 'revoked':
      return `${met}决定撤销${originalRef}${input.newDecision ? `，${endSentence(input.newDecision)}` : '。'}`;
  }
}

function furtherSentence(input: ReviewDecisionInput): string {
  const noHeavier = '根据规定，不因提出申诉而加重处理。';
  if (!input.furtherAppeal) return `${noHeavier}本复核决定为最终决定。`;
  return `${noHeavier}如对本复核决定仍不服，可自收到本决定书之日起${input.furtherAppeal.window}内，向${input.furtherAppeal.body}提出书面申诉。申诉期间，不停止本决定的执行。`;
}
