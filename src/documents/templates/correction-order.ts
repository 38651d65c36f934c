/**
 * 纠错通知书: the correction order to the responsible unit (DOMAIN §5.2) — what must be rectified, by
 * whom and by when, how progress is reported and accepted, the look-back check, and what overdue or
 * refused correction leads to (Liuzhou logic: the tolerance decision can be reconsidered and a unit
 * that refuses to correct is held accountable).
 */
import type { LocalDate, OfficialDocument } from '../model.ts';
import { bodyDate, endSentence, enumerate, frame, we, type Cadre, type DocumentBasics } from './common.ts';

/** What the order rests on: the determination it came with, or the commission's own finding. */
export type CorrectionBasis =
  | { kind: 'determination'; documentNumber: string; title: string; date: LocalDate }
  | { kind: 'finding'; matter: string; problems: string[] };

export type CorrectionOrderInput = DocumentBasics & {
  /** 责任单位, the addressee. */
  unit: string;
  /** 整改责任人, as ordered. */
  responsiblePerson: string;
  /** The cadre the order concerns, if any. */
  cadre?: Cadre;
  basis: CorrectionBasis;
  measures: string[];
  deadline: LocalDate;
  deadlineWorkingDays: number;
  /** How long after acceptance the look-back comes, e.g. '三个月'. */
  lookBack: string;
};

/** 纠错通知书. */
export function correctionOrder(input: CorrectionOrderInput): OfficialDocument {
  if (input.measures.length === 0) throw new Error('correctionOrder needs at least one measure');
  const self = we(input.issuer);
  const paragraphs = [
    ...basisParagraphs(input, self),
    `现责令你单位于${bodyDate(input.deadline)}前（${input.deadlineWorkingDays}个工作日内）完成以下整改：`,
    ...enumerate(input.measures),
    `整改责任人：${endSentence(input.responsiblePerson)}`,
    `整改期间，请你单位及时向${self}报告整改进展；整改完成后，书面报告整改情况并附佐证材料，由${self}组织验收。验收通过${input.lookBack}后，${self}将开展回头看，检验整改成效。`,
    `逾期未完成整改或者拒不整改的，${self}将报请主要负责人处理，可以依规重新研究相关容错认定；对拒不纠错的单位和个人，依规依纪依法严肃追究责任。`,
    '特此通知。',
  ];
  return {
    kind: 'correction_order',
    ...frame(input),
    title: `关于责令${input.unit}限期纠错整改的通知书`,
    addressee: input.unit,
    paragraphs,
  };
}

function basisParagraphs(input: CorrectionOrderInput, self: string): string[] {
  const { basis, cadre } = input;
  if (basis.kind === 'determination') {
    const who = cadre ? `对${cadre.unit}${cadre.position}${cadre.name}同志` : '';
    return [
      `${self}于${bodyDate(basis.date)}${who}作出《${basis.title}》（${basis.documentNumber}），同时责令纠错整改。坚持有错必纠、有过必改，根据该决定，现将纠错整改要求通知如下。`,
    ];
  }
  return [`经查，你单位在${basis.matter.replace(/[。]$/, '')}中存在以下问题：`, ...enumerate(basis.problems)];
}
