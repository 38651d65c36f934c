/**
 * 澄清正名书: its wording, then rendered to .pdf and .docx, read back with independent tools
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
import { nameClearingLetter, type NameClearingLetterInput } from './name-clearing-letter.ts';

const text = (doc: OfficialDocument) =>
  [doc.title, doc.addressee, ...doc.paragraphs.map(blockText), ...(doc.copyTo ?? [])].join('\n');
const blockText = (b: DocumentBlock) => (typeof b === 'string' ? b : b.heading);

const input: NameClearingLetterInput = {
  issuer: { name: '中共K县纪律检查委员会', jointWith: ['K县监察委员会'] },
  documentNumber: 'K纪〔2026〕12号',
  date: '2026-03-20',
  cadre: { name: '张明', unit: '城关镇人民政府', position: '副镇长' },
  receivedOn: '2026-01-05',
  allegation: '在农村公路项目中收受施工方好处费。',
  finding: 'untrue',
  clearedOn: '2026-03-19',
  forms: ['书面澄清', '会议澄清'],
  scope: '本人所在单位范围内',
  organisation: '城关镇人民政府',
  orgDept: '中共K县委组织部',
  clause: '默认政策第十二条（依据：《纪检监察机关处理检举控告工作规则》第五十条）',
};

describe('澄清正名书', () => {
  it('clears the specific allegation with the leader’s approval and the cadre’s consent, in the consented scope', () => {
    const doc = nameClearingLetter(input);
    expect(doc.kind).toBe('name_clearing_letter');
    expect(doc.title).toBe('关于张明同志被反映问题的澄清正名书');
    expect(doc.addressee).toBe('张明同志');
    const all = text(doc);
    expect(doc.paragraphs[0]).toBe(
      '2026年1月5日，我委收到反映城关镇人民政府副镇长张明同志在农村公路项目中收受施工方好处费的问题。经认真核查，所反映问题不属实。',
    );
    expect(all).toContain(
      '经我委主要负责人批准，并征得张明同志本人同意，我委于2026年3月19日对张明同志予以澄清正名。',
    );
    expect(all).toContain('澄清方式：书面澄清、会议澄清。澄清范围：本人所在单位范围内。');
    expect(all).toContain('本次澄清仅针对上述所反映的具体问题，不是对张明同志的全面评价。');
    expect(all).toContain('不得因上述不实反映对张明同志作出负面评价');
    expect(doc.copyTo).toEqual(['中共K县委组织部', '城关镇人民政府']);
    expect(doc.paragraphs.at(-1)).toBe('特此澄清。');
  });

  it('copies a clearing to the cadre alone to nobody but the organisation department', () => {
    const doc = nameClearingLetter({
      ...input,
      forms: ['当面澄清'],
      scope: '仅向本人澄清',
      organisation: null,
    });
    expect(doc.copyTo).toEqual(['中共K县委组织部']);
    expect(text(doc)).not.toContain('城关镇人民政府\n');
    expect(text(doc)).toContain('澄清范围：仅向本人澄清。');
  });

  it('words each finding', () => {
    const first = (finding: NameClearingLetterInput['finding']) =>
      blockText(nameClearingLetter({ ...input, finding }).paragraphs[0]!);
    expect(first('seriously_untrue')).toContain('所反映问题严重失实。');
    expect(first('fabricated')).toContain('所反映问题查无实据，系捏造事实。');
  });

  it('refuses a clearing with no form', () => {
    expect(() => nameClearingLetter({ ...input, forms: [] })).toThrow();
  });

  it('renders to .pdf and .docx that show what was signed, and the signature verifies', async () => {
    const key = generateSm2KeyPair();
    const signed = signOfficialDocument(
      nameClearingLetter(input),
      { keyId: 'test-2026', privateKeyHex: key.privateKeyHex },
      'https://jw.k-county.example.gov.cn/rongcuo',
    );
    const pdf = await renderPdf(signed.document);
    const docx = await renderDocx(signed.document);
    const file = join(mkdtempSync(join(tmpdir(), 'rongcuo-clearing-')), 'letter.pdf');
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
      '不是对张明同志的全面评价',
      '澄清范围：本人所在单位范围内',
      signed.document.verification!.code,
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
