/**
 * The first draft of a typical case, composed from what the matter recorded — before
 * de-identification, which runs over every field of the draft together. The case officer then
 * rewrites it as a case should read (基本案情, 处理结果, 典型意义); nothing here decides anything.
 */
import type { Outcome } from '../policy/types.ts';

export type CaseMaterial = {
  /** The matter's title, e.g. 关于农产品产销对接活动先行垫付费用的容错申请. */
  title: string;
  /** The account the matter was opened with. */
  summary: string;
  /** What verification established (核实认定的事实), when recorded. */
  findings: string | null;
  /** The determination proposal's analysis (三个区分开来). */
  analysis: string | null;
  outcome: Outcome;
  /** 减责: the measure taken instead of the ordinary sanction. */
  measure: string | null;
  /** 责令纠错 with the decision: its measures. */
  correctionMeasures: readonly string[];
  /** The deciding commission as a case names it, e.g. 县纪委监委. */
  decidingBody: string;
  /** YYYY-MM-DD, Beijing. */
  decidedOn: string;
};

export type CaseTexts = { title: string; facts: string; handling: string; significance: string };

const TITLE_SUFFIX: Record<Outcome, string> = {
  exempt: '获容错免责',
  mitigate: '获容错减责',
  refuse: '不予容错',
};

function paragraphs(text: string | null): string[] {
  return (text ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 关于X的容错申请 / 对问责线索开展容错情形审查（X） → X, the subject of the case. */
export function caseSubject(title: string): string {
  const bracketed = /容错(?:情形)?审查[（(](.+)[)）]$/u.exec(title);
  if (bracketed) return bracketed[1]!.trim();
  return title
    .trim()
    .replace(/^关于/u, '')
    .replace(/的?容错(?:免责)?(?:申请|审查|甄别|认定)$/u, '')
    .trim();
}

export function composeCaseDraft(m: CaseMaterial): CaseTexts {
  const account = paragraphs(m.summary);
  const findings = paragraphs(m.findings).filter((p) => !account.includes(p));
  const [year, month] = m.decidedOn.split('-');
  const decided = {
    exempt: '予以容错免责',
    mitigate: `予以容错减责${m.measure ? `，${m.measure.replace(/[。；;]+$/u, '')}` : ''}`,
    refuse: '不予容错',
  }[m.outcome];
  const correction = m.correctionMeasures.length
    ? `同时责令纠错：${m.correctionMeasures.map((s) => s.replace(/[。；;]+$/u, '')).join('；')}。`
    : '';
  return {
    title: `${caseSubject(m.title)}${TITLE_SUFFIX[m.outcome]}`,
    facts: [
      ...account,
      ...(findings.length ? [`经核实，${findings.join('')}`.replace(/^经核实，经/u, '经')] : []),
    ].join('\n'),
    handling: [
      ...paragraphs(m.analysis),
      `${Number(year)}年${Number(month)}月，经${m.decidingBody}常委会集体研究，决定${decided}。${correction}`,
    ].join('\n'),
    significance: '',
  };
}
