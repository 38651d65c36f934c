/**
 * 纠错通知书 and 事前报备回执: their wording, then rendered to .pdf and .docx, read back with
 * independent tools (poppler's pdftotext, JSZip) and verified from the embedded signed content.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../crypto/sm2.ts';
import { canonicalContent } from '../canonical.ts';
import { extractSignedContent } from '../extract.ts';
import type { DocumentBlock, OfficialDocument } from '../model.ts';
import { renderDocx } from '../render-docx.ts';
import { renderPdf } from '../render-pdf.ts';
import { signOfficialDocument, verifyExtractedContent } from '../sign.ts';
import { correctionOrder, type CorrectionOrderInput } from './correction-order.ts';
import { preRegistrationReceipt, type PreRegistrationReceiptInput } from './pre-registration-receipt.ts';

const issuer = { name: '中共K县纪律检查委员会', jointWith: ['K县监察委员会'] };
const text = (doc: OfficialDocument) =>
  [doc.title, doc.addressee, ...doc.paragraphs.map(blockText)].join('\n');
const blockText = (b: DocumentBlock) => (typeof b === 'string' ? b : b.heading);

const fromDecision: CorrectionOrderInput = {
  issuer,
  documentNumber: 'K纪〔2026〕8号',
  date: '2026-03-05',
  unit: '城关镇人民政府',
  responsiblePerson: '城关镇党委书记李华',
  cadre: { name: '王某某', unit: '城关镇人民政府', position: '副镇长' },
  basis: {
    kind: 'determination',
    documentNumber: 'K纪〔2026〕7号',
    title: '关于王某某同志容错免责的认定决定书',
    date: '2026-03-05',
  },
  measures: ['补办集体资金使用审批手续', '修订村级垫付资金管理办法'],
  deadline: '2026-03-19',
  deadlineWorkingDays: 10,
  lookBack: '三个月',
};

const receiptInput: PreRegistrationReceiptInput = {
  issuer,
  documentNumber: 'K纪〔2026〕9号',
  date: '2026-03-03',
  filer: { kind: 'unit', unit: '城关镇' },
  filingNumber: 'K备〔2026〕1号',
  initiative: '村集体土地经营权入股农业企业试点',
  filedOn: '2026-03-02',
  attachmentCount: 2,
  filingDigest: 'ab'.repeat(32),
  sealedAt: { beijing: '2026年3月3日10时15分00秒', iso: '2026-03-03T02:15:00.000Z' },
  opinion: ['风险防控措施基本可行', '实施中请每月报告进展'],
  policy: { id: 'k-county', title: 'K县实施方案', version: '2024年版', clauses: ['第七条'] },
};

describe('纠错通知书', () => {
  it('orders the responsible unit, on the determination, with measures, person, deadline, reports, look-back and consequences', () => {
    const doc = correctionOrder(fromDecision);
    expect(doc.kind).toBe('correction_order');
    expect(doc.title).toBe('关于责令城关镇人民政府限期纠错整改的通知书');
    expect(doc.addressee).toBe('城关镇人民政府');
    const all = text(doc);
    expect(all).toContain(
      '我委于2026年3月5日对城关镇人民政府副镇长王某某同志作出《关于王某某同志容错免责的认定决定书》（K纪〔2026〕7号），同时责令纠错整改。',
    );
    expect(all).toContain('现责令你单位于2026年3月19日前（10个工作日内）完成以下整改：');
    expect(doc.paragraphs).toContain('（一）补办集体资金使用审批手续。');
    expect(doc.paragraphs).toContain('（二）修订村级垫付资金管理办法。');
    expect(all).toContain('整改责任人：城关镇党委书记李华。');
    expect(all).toContain('验收通过三个月后，我委将开展回头看');
    expect(all).toContain(
      '逾期未完成整改或者拒不整改的，我委将报请主要负责人处理，可以依规重新研究相关容错认定',
    );
    expect(doc.paragraphs.at(-1)).toBe('特此通知。');
  });

  it('states the problems found for a standalone order', () => {
    const doc = correctionOrder({
      ...fromDecision,
      cadre: undefined,
      basis: { kind: 'finding', matter: '农村集体资金使用管理', problems: ['垫付资金未经村民代表会议表决'] },
    });
    expect(doc.paragraphs.slice(0, 2)).toEqual([
      '经查，你单位在农村集体资金使用管理中存在以下问题：',
      '（一）垫付资金未经村民代表会议表决。',
    ]);
  });

  it('refuses to order nothing', () => {
    expect(() => correctionOrder({ ...fromDecision, measures: [] })).toThrow();
  });
});

describe('事前报备回执', () => {
  it('acknowledges the filing and seals its digest and the trusted time', () => {
    const doc = preRegistrationReceipt(receiptInput);
    expect(doc.kind).toBe('pre_registration_receipt');
    expect(doc.title).toBe('关于“村集体土地经营权入股农业企业试点”事前报备的回执');
    expect(doc.addressee).toBe('城关镇');
    const all = text(doc);
    expect(all).toContain(
      '你单位于2026年3月2日报送的“村集体土地经营权入股农业企业试点”事前报备材料（报备编号：K备〔2026〕1号，附件2件）收悉。经初审，我委予以备案。',
    );
    expect(all).toContain('初审意见：风险防控措施基本可行。\n实施中请每月报告进展。');
    expect(all).toContain(`报备材料摘要（SM3）：${'ab'.repeat(32)}。`);
    expect(all).toContain(
      '备案时间：2026年3月3日10时15分00秒（北京时间，系统可信时间 2026-03-03T02:15:00.000Z）。',
    );
    expect(all).toContain('以SM2数字签名');
  });

  it('says that filing is not immunity', () => {
    const all = text(preRegistrationReceipt(receiptInput));
    expect(all).toContain('事前报备不等于免责，本回执不是免予追责的“通行证”。');
    expect(all).toContain('报备情况作为是否容错免责、减责的重要参考');
  });

  it('addresses a cadre filing their own initiative personally', () => {
    const doc = preRegistrationReceipt({
      ...receiptInput,
      filer: { kind: 'cadre', name: '张明', unit: '县农业农村局', position: '副局长' },
    });
    expect(doc.addressee).toBe('张明同志');
    expect(doc.paragraphs[0]).toMatch(/^你于2026年3月2日报送的/);
  });

  it('will not seal something that is not an SM3 digest', () => {
    expect(() => preRegistrationReceipt({ ...receiptInput, filingDigest: 'xyz' })).toThrow();
  });
});

describe('rendered and verified', () => {
  const key = generateSm2KeyPair();
  const signer = { keyId: 'test-2026', privateKeyHex: key.privateKeyHex };
  const dir = mkdtempSync(join(tmpdir(), 'rongcuo-correction-docs-'));
  const docs = { order: correctionOrder(fromDecision), receipt: preRegistrationReceipt(receiptInput) };

  it.each(Object.entries(docs))(
    '%s: the PDF and the .docx show what was signed, and the signature verifies',
    async (name, doc) => {
      const signed = signOfficialDocument(doc, signer, 'https://jw.k-county.example.gov.cn/rongcuo');
      const pdf = await renderPdf(signed.document);
      const docx = await renderDocx(signed.document);
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, pdf);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        '',
      );
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      for (const expected of [doc.title, doc.documentNumber, signed.document.verification!.code]) {
        expect(pdfText).toContain(expected.replace(/\s+/g, ''));
        expect(docxText).toContain(expected);
      }
      const marker = name === 'order' ? '拒不整改' : '事前报备不等于免责';
      expect(pdfText).toContain(marker);
      expect(docxText).toContain(marker);
      for (const bytes of [pdf, docx]) {
        const extracted = extractSignedContent(bytes)!;
        expect(extracted.content).toBe(canonicalContent(signed.document));
        expect(verifyExtractedContent(extracted, signed.signature, () => key.publicKeyHex).status).toBe(
          'valid',
        );
      }
    },
    60_000,
  );
});
