/**
 * 回访教育情况登记表: its wording, then rendered to .pdf and .docx, read back with independent tools
 * (poppler's pdftotext, JSZip) and verified from the embedded signed content.
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
import { followUpRegister, type FollowUpRegisterInput } from './follow-up-register.ts';

const blockText = (b: DocumentBlock) => (typeof b === 'string' ? b : b.heading);
const text = (doc: OfficialDocument) =>
  [doc.title, doc.addressee, ...doc.paragraphs.map(blockText)].join('\n');

const input: FollowUpRegisterInput = {
  issuer: { name: '中共K县纪律检查委员会', jointWith: ['K县监察委员会'] },
  documentNumber: 'K纪〔2026〕12号',
  date: '2026-06-10',
  recipient: '中共K县委组织部',
  cadre: { name: '赵某某', unit: '县水利局', position: '副局长' },
  sanction: {
    label: '党内警告',
    decidedBy: '中共K县纪律检查委员会',
    documentNumber: 'K纪处〔2025〕8号',
    effectiveOn: '2025-09-15',
    months: 12,
    endsOn: '2026-09-14',
  },
  visit: {
    visitedOn: '2026-06-05',
    place: '县水利局会议室',
    methods: ['听', '察', '谈'],
    visitors: [
      { name: '王强', position: '县纪委监委第一纪检监察室主任' },
      { name: '刘洋', position: '县纪委监委干部' },
    ],
    mentor: '县水利局党组书记',
    politicalThinking: '能够主动学习党纪法规，正确对待组织处理',
    conduct: '处分后未发现违规违纪问题',
    work: '牵头完成汛期水毁工程修复，群众评价较好',
    sanctionExecution: '处分决定已宣布并存入个人档案',
    attitude: '对所犯错误认识深刻，表示将引以为戒',
    talk: '回访组与本人谈心谈话一小时，了解思想动态和工作生活困难',
    unitOpinion: '同意回访组意见',
  },
  grade: { label: '好', reasons: '认识深刻，转变明显，工作实绩突出，群众评价好' },
  recommendation: {
    reuse: true,
    reasons: '影响期届满后可结合工作需要使用',
    suggestedUse: '可在水利系统安排适当岗位',
  },
};

describe('回访教育情况登记表', () => {
  it('registers the sanction, the visit, the four points, the attitude, the grade and the recommendation with reasons', () => {
    const doc = followUpRegister(input);
    expect(doc.kind).toBe('follow_up_register');
    expect(doc.title).toBe('赵某某同志回访教育情况登记表');
    expect(doc.addressee).toBe('中共K县委组织部');
    const all = text(doc);
    for (const expected of [
      '根据“谁处分谁回访”的要求，我委于2026年6月5日对县水利局副局长赵某某同志进行了回访教育。',
      '处分（处理）：党内警告，由中共K县纪律检查委员会（K纪处〔2025〕8号）作出，自2025年9月15日起生效。',
      '影响期：12个月，至2026年9月14日届满。',
      '回访人员：王强（县纪委监委第一纪检监察室主任）、刘洋（县纪委监委干部），共二人。',
      '回访方式：听、察、谈。教育关爱帮带人：县水利局党组书记。',
      '（一）政治思想：能够主动学习党纪法规，正确对待组织处理。',
      '（四）处分决定执行情况：处分决定已宣布并存入个人档案。',
      '本人思想认识和态度：对所犯错误认识深刻，表示将引以为戒。',
      '所在党组织意见：同意回访组意见。',
      '评定等次：好。评定意见：认识深刻，转变明显，工作实绩突出，群众评价好。',
      '我委建议对赵某某同志予以使用（可在水利系统安排适当岗位）。理由：影响期届满后可结合工作需要使用。',
      '影响期届满前，不得提拔或者进一步使用',
    ])
      expect(all).toContain(expected);
    expect(doc.paragraphs.filter((p) => typeof p !== 'string').map(blockText)).toEqual([
      '一、基本情况',
      '二、回访情况',
      '三、回访了解的情况',
      '四、回访评定',
      '五、使用建议',
    ]);
  });

  it('words a recommendation against reuse, and a sanction without end, as such', () => {
    const doc = followUpRegister({
      ...input,
      sanction: { ...input.sanction, label: '开除党籍', months: null, endsOn: null },
      visit: { ...input.visit, place: null, mentor: null, unitOpinion: null },
      grade: { label: '一般', reasons: '认识尚不到位' },
      recommendation: { reuse: false, reasons: '受到开除党籍处分，不予重新使用', suggestedUse: null },
    });
    const all = text(doc);
    expect(all).toContain('影响期：无期限，不予重新使用。');
    expect(all).toContain('回访时间：2026年6月5日。');
    expect(all).toContain('我委建议对赵某某同志暂不予以使用。理由：受到开除党籍处分，不予重新使用。');
    expect(all).toContain('赵某某同志所受开除党籍不得提拔或者重新使用。');
    expect(all).not.toContain('所在党组织意见');
  });

  it('refuses a visit by one person', () => {
    expect(() =>
      followUpRegister({ ...input, visit: { ...input.visit, visitors: [input.visit.visitors[0]!] } }),
    ).toThrow();
  });

  it('renders to .pdf and .docx showing what was signed, and the signature verifies', async () => {
    const key = generateSm2KeyPair();
    const signer = { keyId: 'test-2026', privateKeyHex: key.privateKeyHex };
    const signed = signOfficialDocument(
      followUpRegister(input),
      signer,
      'https://jw.k-county.example.gov.cn/rongcuo',
    );
    const pdf = await renderPdf(signed.document);
    const docx = await renderDocx(signed.document);
    const file = join(mkdtempSync(join(tmpdir(), 'rongcuo-follow-up-docs-')), 'register.pdf');
    writeFileSync(file, pdf);
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const docxText = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const expected of [
      signed.document.title,
      signed.document.documentNumber,
      signed.document.verification!.code,
      '评定等次：好',
    ]) {
      expect(pdfText).toContain(expected);
      expect(docxText).toContain(expected);
    }
    for (const bytes of [pdf, docx]) {
      const extracted = extractSignedContent(bytes)!;
      expect(extracted.content).toBe(canonicalContent(signed.document));
      expect(verifyExtractedContent(extracted, signed.signature, () => key.publicKeyHex).status).toBe(
        'valid',
      );
    }
  }, 60_000);
});
