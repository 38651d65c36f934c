/**
 * Plain-data pieces shared by the document templates, and the few sentences every template words
 * the same way (policy citations, appeal rights, enumerations).
 */
import { arabicChineseDate, chineseNumber } from '../chinese-date.ts';
import type { DocumentBlock, LocalDate, OfficialDocument } from '../model.ts';

/** The body that issues the document. */
export type Issuer = {
  /** Printed in red at the head and, unless `signatureName` says otherwise, signed under. */
  name: string;
  /** Further bodies of a joint issue, printed under `name` (e.g. 'K县监察委员会'). */
  jointWith?: string[];
  /** 发文机关署名 if different from `name`. */
  signatureName?: string;
  /** How the text refers to the issuer: '我委' by default. */
  selfReference?: string;
};

/** Fields every template takes. */
export type DocumentBasics = {
  issuer: Issuer;
  /** 发文字号, e.g. 'K纪〔2026〕3号'. */
  documentNumber: string;
  /** 成文日期. */
  date: LocalDate;
  copyTo?: string[];
};

/** The cadre the matter concerns. */
export type Cadre = { name: string; unit: string; position: string };

/** The policy version a matter is handled under, and the clause relied on. */
export type PolicyCitation = {
  /** Stable id of the policy in the policy engine (recorded for the reader, e.g. 'K-2024'). */
  id: string;
  /** Full title without book-title marks, e.g. 'K县党政干部容错纠错实施办法（试行）'. */
  title: string;
  /** Version label, e.g. '2024年版'. */
  version: string;
  /** Clauses relied on, e.g. ['第八条第（三）项']. */
  clauses: string[];
};

/** Who hears an appeal and within what time (policy data; see DOMAIN §13.3). */
export type AppealRights = {
  /** e.g. '一个月', '30日'. */
  window: string;
  /** The body appealed to, e.g. '中共K县纪律检查委员会'. */
  body: string;
  /** 'appeal' (申诉) by default; 'review' (复核), 're-examination' (复审). */
  kind?: 'appeal' | 'review' | 're-examination';
};

const APPEAL_WORD = { appeal: '申诉', review: '复核', 're-examination': '复审' } as const;

/** 《title》（version）clauses — the citation as the text prints it. */
export function cite(policy: PolicyCitation): string {
  return `《${policy.title}》（${policy.version}）${policy.clauses.join('、')}`;
}

/**
 * The appeal-rights paragraph: window and body; for a decision that takes effect, also that it is
 * not suspended and that appealing never makes the outcome heavier (DESIGN §3.1).
 */
export function appealRightsSentence(rights: AppealRights, decisionName: string, takesEffect = true): string {
  const word = APPEAL_WORD[rights.kind ?? 'appeal'];
  const route = `如对本${decisionName}不服，可自收到本${decisionName}之日起${rights.window}内，向${rights.body}提出书面${word}。`;
  return takesEffect
    ? `${route}${word}期间，不停止本${decisionName}的执行；不因提出${word}而加重处理。`
    : route;
}

/** ['甲', '乙'] → ['（一）甲', '（二）乙'] with a full stop added where missing. */
export function enumerate(items: readonly string[]): string[] {
  return items.map((item, i) => `（${chineseNumber(i + 1)}）${endSentence(item)}`);
}

/** Numbers first-level headings '一、…' in order, skipping absent sections. */
export function numberedSections(
  sections: readonly (readonly [string, DocumentBlock[]] | null)[],
): DocumentBlock[] {
  const present = sections.filter(
    (section): section is readonly [string, DocumentBlock[]] => section !== null,
  );
  return present.flatMap(([heading, blocks], i) => [
    { heading: `${chineseNumber(i + 1)}、${heading}` },
    ...blocks,
  ]);
}

/** Adds '。' unless the text already ends in sentence punctuation. */
export function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[。！？；：]$/.test(trimmed) ? trimmed : `${trimmed}。`;
}

/** '2026年11月27日' for dates inside the body. */
export const bodyDate = arabicChineseDate;

/** The parts of an OfficialDocument every template fills the same way. */
export function frame(
  basics: DocumentBasics,
): Pick<OfficialDocument, 'issuingBody' | 'documentNumber' | 'signatureBlock' | 'copyTo'> {
  const { issuer } = basics;
  return {
    issuingBody: issuer.jointWith?.length
      ? { zh: issuer.name, jointWith: issuer.jointWith }
      : { zh: issuer.name },
    documentNumber: basics.documentNumber,
    signatureBlock: { body: issuer.signatureName ?? issuer.name, date: basics.date },
    ...(basics.copyTo?.length ? { copyTo: basics.copyTo } : {}),
  };
}

/** '我委' unless the issuer says otherwise. */
export function we(issuer: Issuer): string {
  return issuer.selfReference ?? '我委';
}
