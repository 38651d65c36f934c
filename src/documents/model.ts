/**
 * The one model every official document (公文) is rendered from, as .pdf and as .docx. Templates in
 * ./templates build it from plain case data; renderers never add wording of their own beyond the
 * fixed layout labels (抄送, 验证码 …), so what is signed is what is printed.
 */

/** A calendar date in Beijing time, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Which document this is; drives nothing in the layout, but is recorded with the signature. */
export type DocumentKind =
  | 'acceptance_notice' // 受理通知书
  | 'non_acceptance_notice' // 不予受理通知书
  | 'tolerance_exempt' // 容错免责认定书
  | 'tolerance_mitigate' // 容错减责认定书
  | 'tolerance_refused' // 不予容错决定书
  | 'review_decision' // 复核决定书
  | 'outcome_letter' // 结果告知函 (to the organisation department)
  | 'correction_order' // 纠错整改通知书
  | 'name_clearing_letter' // 澄清正名函
  | 'pre_registration_receipt' // 事前报备回执
  | 'follow_up_register'; // 回访教育情况登记表 (to the organisation department)

/** A body paragraph, or a first-level heading such as '一、基本事实' (set in 黑体). */
export type DocumentBlock = string | { heading: string };

/** The printed verification footer (see crypto/signing.ts and documents/sign.ts). */
export type DocumentVerification = {
  /** 'XXXX-XXXX-XXXX-XXXX' */
  code: string;
  /** SM3 of the canonical content, 64 hex characters. */
  digestHex: string;
  /** Full URL of the public verification page for this code, ending in /verify?code=… */
  url: string;
};

export type OfficialDocument = {
  kind: DocumentKind;
  /** 发文机关: printed in red at the head; `jointWith` adds further bodies of a joint issue (联合行文). */
  issuingBody: { zh: string; en?: string; jointWith?: string[] };
  /** 发文字号, e.g. 'K纪〔2026〕3号'. */
  documentNumber: string;
  /** 标题, e.g. '关于张某某容错免责的认定决定书'. */
  title: string;
  /** 主送机关 or the person addressed, without the trailing colon. */
  addressee?: string;
  paragraphs: DocumentBlock[];
  /** 发文机关署名 and 成文日期 (printed in Chinese numerals), under the seal area. */
  signatureBlock: { body: string; date: LocalDate };
  /** 抄送 recipients, printed in the 版记 at the foot of the last page. */
  copyTo?: string[];
  /** Present once the document is signed; excluded from what is signed. */
  verification?: DocumentVerification;
};
