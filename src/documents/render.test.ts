/**
 * Renders every template to .pdf and .docx, reads the text back with independent tools (poppler's
 * pdftotext, JSZip), and checks the signed content survives the round trip and catches tampering.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../crypto/sm2.ts';
import { canonicalContent } from './canonical.ts';
import { SIGNED_CONTENT_PROPERTY } from './embedded.ts';
import { extractSignedContent } from './extract.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { sampleDocuments } from './samples.ts';
import { signOfficialDocument, verifyExtractedContent, type SignedOfficialDocument } from './sign.ts';

const key = generateSm2KeyPair();
const signer = { keyId: 'test-2026', privateKeyHex: key.privateKeyHex };
const publicKeyFor = (keyId: string) => (keyId === signer.keyId ? key.publicKeyHex : undefined);
const BASE_URL = 'https://jw.k-county.example.gov.cn/rongcuo';

const hasPdftotext = commandExists('pdftotext');
// CI installs poppler-utils; only a developer machine without it may skip the text checks.
const skipPdfText = !hasPdftotext && !process.env.CI;
const workDir = mkdtempSync(join(tmpdir(), 'rongcuo-documents-'));

type Rendered = { signed: SignedOfficialDocument; pdf: Uint8Array; docx: Uint8Array };
const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  for (const [name, doc] of Object.entries(sampleDocuments())) {
    const signed = signOfficialDocument(doc, signer, BASE_URL);
    rendered.set(name, {
      signed,
      pdf: await renderPdf(signed.document),
      docx: await renderDocx(signed.document),
    });
  }
}, 120_000);

describe.each(Object.keys(sampleDocuments()))('%s', (name) => {
  const get = () => rendered.get(name)!;

  it.skipIf(skipPdfText)('PDF text contains the title, number, names and verification code', () => {
    const { signed, pdf } = get();
    const doc = signed.document;
    const file = join(workDir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const compact = text.replace(/\s+/g, '');
    for (const expected of [
      doc.title,
      doc.documentNumber,
      doc.addressee!,
      doc.signatureBlock.body,
      doc.verification!.code,
    ]) {
      expect(compact).toContain(expected.replace(/\s+/g, ''));
    }
    expect(compact).toContain('—1—');
    expect(compact).toMatch(/二〇二[六七]年[一二三四五六七八九十]+月/);
    expect(compact).not.toContain('县员会'); // the seal's curved name is drawn as outlines, not text
    expect(text).not.toContain('\uFFFD');
  });

  it('DOCX document.xml contains the title, number, names and verification code', async () => {
    const { signed, docx } = get();
    const doc = signed.document;
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of [
      doc.title,
      doc.documentNumber,
      `${doc.addressee!}：`,
      doc.signatureBlock.body,
      `验证码：${doc.verification!.code}`,
    ]) {
      expect(texts).toContain(expected);
    }
    expect(xml).toContain('w:eastAsia="仿宋"');
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain(`name="${SIGNED_CONTENT_PROPERTY}"`);
  });

  it('both files carry the signed content, which verifies untouched', () => {
    const { signed, pdf, docx } = get();
    for (const file of [pdf, docx]) {
      const extracted = extractSignedContent(file);
      expect(extracted?.content).toBe(canonicalContent(signed.document));
      expect(extracted?.verification).toEqual(signed.document.verification);
      expect(verifyExtractedContent(extracted!, signed.signature, publicKeyFor)).toEqual({
        status: 'valid',
        document: { ...signed.document, verification: undefined },
      });
    }
  });
});

describe('tampering', () => {
  const first = () => rendered.get('determination-exempt')!;

  it('fails verification when one character of the embedded PDF content changes', () => {
    const { signed, pdf } = first();
    const original = Buffer.from(canonicalContent(signed.document)).toString('base64');
    const forgedContent = canonicalContent({
      ...signed.document,
      title: signed.document.title.replace('免责', '减责'),
    });
    const forged = Buffer.from(forgedContent).toString('base64');
    const tampered = Buffer.from(pdf).toString('latin1').replace(original, forged);
    expect(tampered).not.toBe(Buffer.from(pdf).toString('latin1'));
    const extracted = extractSignedContent(Buffer.from(tampered, 'latin1'));
    expect(extracted?.document.title).toBe('关于张某某同志容错减责的认定决定书');
    expect(verifyExtractedContent(extracted!, signed.signature, publicKeyFor)).toEqual({
      status: 'content_changed',
    });
  });

  it('fails verification when the .docx custom property is edited', async () => {
    const { signed, docx } = first();
    const zip = await JSZip.loadAsync(docx);
    const custom = await zip.file('docProps/custom.xml')!.async('string');
    const original = Buffer.from(canonicalContent(signed.document)).toString('base64');
    const changed = canonicalContent({
      ...signed.document,
      paragraphs: [...signed.document.paragraphs.slice(0, -1), '改动'],
    });
    zip.file('docProps/custom.xml', custom.replace(original, Buffer.from(changed).toString('base64')));
    const tampered = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const extracted = extractSignedContent(tampered);
    expect(extracted?.content).toBe(changed);
    expect(verifyExtractedContent(extracted!, signed.signature, publicKeyFor)).toEqual({
      status: 'content_changed',
    });
  });

  it('a corrupted embedded value is not read as content at all', () => {
    const { signed, pdf } = first();
    const original = Buffer.from(canonicalContent(signed.document)).toString('base64');
    const text = Buffer.from(pdf).toString('latin1');
    const at = text.indexOf(original) + 40;
    const flipped = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    const extracted = extractSignedContent(Buffer.from(flipped, 'latin1'));
    if (extracted)
      expect(verifyExtractedContent(extracted, signed.signature, publicKeyFor).status).not.toBe('valid');
  });

  it('rejects a record signed by another key, and files that carry no content', () => {
    const { signed, pdf } = first();
    const extracted = extractSignedContent(pdf)!;
    const other = generateSm2KeyPair();
    expect(verifyExtractedContent(extracted, signed.signature, () => other.publicKeyHex)).toEqual({
      status: 'signature_invalid',
    });
    expect(extractSignedContent(new TextEncoder().encode('%PDF-1.7\n%%EOF'))).toBeNull();
    expect(extractSignedContent(new TextEncoder().encode('PK\x03\x04 not a zip'))).toBeNull();
    expect(extractSignedContent(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

function commandExists(command: string): boolean {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
