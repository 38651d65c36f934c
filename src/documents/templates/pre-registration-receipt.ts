/**
 * 事前报备回执: the commission acknowledges a pre-registration (DOMAIN §8). It seals the filing — the
 * SM3 digest of its canonical text, attachments included — and the time of acknowledgement as the
 * server kept it, inside the signed content; the document's own SM2 signature and verification code
 * then vouch for both. It says plainly that filing is not immunity (报备不是“通行证”).
 */
import type { LocalDate, OfficialDocument } from '../model.ts';
import {
  bodyDate,
  cite,
  endSentence,
  frame,
  we,
  type DocumentBasics,
  type PolicyCitation,
} from './common.ts';

export type PreRegistrationReceiptInput = DocumentBasics & {
  /** Who filed: a cadre (named with their unit and post) or a unit. */
  filer: { kind: 'cadre'; name: string; unit: string; position: string } | { kind: 'unit'; unit: string };
  /** The filing's own number, e.g. 'K备〔2026〕1号'. */
  filingNumber: string;
  /** The initiative. */
  initiative: string;
  filedOn: LocalDate;
  attachmentCount: number;
  /** SM3 of the filing's canonical text, 64 hex characters. */
  filingDigest: string;
  /** The trusted time of acknowledgement: the server's clock, as printed and as ISO 8601. */
  sealedAt: { beijing: string; iso: string };
  /** 初审意见, one paragraph each; may be empty. */
  opinion: string[];
  policy: PolicyCitation;
};

/** 事前报备回执. */
export function preRegistrationReceipt(input: PreRegistrationReceiptInput): OfficialDocument {
  if (!/^[0-9a-f]{64}$/.test(input.filingDigest))
    throw new Error('preRegistrationReceipt needs an SM3 hex digest');
  const self = we(input.issuer);
  const you = input.filer.kind === 'unit' ? '你单位' : '你';
  const paragraphs = [
    `${you}于${bodyDate(input.filedOn)}报送的“${input.initiative.replace(/[。]$/, '')}”事前报备材料（报备编号：${input.filingNumber}，附件${input.attachmentCount}件）收悉。经初审，${self}予以备案。`,
    ...input.opinion.map((p, i) => (i === 0 ? `初审意见：${endSentence(p)}` : endSentence(p))),
    { heading: '备案凭证' },
    `报备材料摘要（SM3）：${input.filingDigest}。`,
    `备案时间：${input.sealedAt.beijing}（北京时间，系统可信时间 ${input.sealedAt.iso}）。`,
    `本回执连同上述摘要和备案时间经${input.issuer.name}以SM2数字签名，可凭文末验证码核验；报备材料如有改动，其摘要即与本回执不符。`,
    { heading: '特别提示' },
    `事前报备不等于免责，本回执不是免予追责的“通行证”。请${you}严格按照报备内容实施，落实所报风险防控措施，实施中情况发生重大变化的，应当及时补充报备。`,
    `如实施中出现失误错误，${self}将依据届时查明的事实，按照${cite(input.policy)}的规定综合分析认定，报备情况作为是否容错免责、减责的重要参考。`,
    '特此回执。',
  ];
  const addressee = input.filer.kind === 'unit' ? input.filer.unit : `${input.filer.name}同志`;
  return {
    kind: 'pre_registration_receipt',
    ...frame(input),
    title: `关于“${input.initiative.replace(/[。]$/, '')}”事前报备的回执`,
    addressee,
    paragraphs,
  };
}
