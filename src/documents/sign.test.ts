import { describe, expect, it } from 'vitest';
import { verifyDocument } from '../crypto/signing.ts';
import { generateSm2KeyPair } from '../crypto/sm2.ts';
import { sm3Hex } from '../crypto/sm3.ts';
import { canonicalContent } from './canonical.ts';
import { embeddedProperties, SIGNED_CONTENT_PROPERTY, VERIFICATION_PROPERTY } from './embedded.ts';
import { extractSignedContent } from './extract.ts';
import { sampleDocuments } from './samples.ts';
import { signOfficialDocument, verificationUrl } from './sign.ts';

const key = generateSm2KeyPair();
const signer = { keyId: 'k', privateKeyHex: key.privateKeyHex };
const publicKeyFor = () => key.publicKeyHex;
const doc = sampleDocuments()['determination-exempt']!;

describe('signOfficialDocument', () => {
  const signed = signOfficialDocument(doc, signer, 'https://jw.example.gov.cn/rongcuo/');

  it('signs the canonical content and prints its code, digest and verification URL', () => {
    expect(signed.content).toBe(canonicalContent(doc));
    expect(signed.signature.digest).toBe(sm3Hex(signed.content));
    expect(signed.document.verification).toEqual({
      code: signed.signature.code,
      digestHex: signed.signature.digest,
      url: `https://jw.example.gov.cn/rongcuo/verify?code=${signed.signature.code}`,
    });
    // Printing the verification block does not change what was signed.
    expect(canonicalContent(signed.document)).toBe(signed.content);
  });

  it('verifies the untouched content and fails after any one character changes', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(verifyDocument(bytes(signed.content), signed.signature, publicKeyFor)).toBe(true);
    for (const at of [0, 100, signed.content.indexOf('张某某'), signed.content.length - 2]) {
      const changed =
        signed.content.slice(0, at) +
        (signed.content[at] === '某' ? '谋' : '某') +
        signed.content.slice(at + 1);
      expect(verifyDocument(bytes(changed), signed.signature, publicKeyFor)).toBe(false);
    }
  });

  it('builds the URL with the code escaped', () => {
    expect(verificationUrl('https://a.example/x//', 'AB CD')).toBe('https://a.example/x/verify?code=AB%20CD');
  });
});

describe('extractSignedContent from hand-made PDFs', () => {
  const properties = embeddedProperties(signOfficialDocument(doc, signer, 'https://x').document);
  const content = properties[SIGNED_CONTENT_PROPERTY]!;
  const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);

  it('reads a direct literal string, a hex string, and an indirect reference', () => {
    const hex = Buffer.from(content, 'latin1').toString('hex');
    for (const body of [
      `<< /${SIGNED_CONTENT_PROPERTY} (${content}) >>`,
      `<< /${SIGNED_CONTENT_PROPERTY} <${hex}> >>`,
      `<< /${SIGNED_CONTENT_PROPERTY} 12 0 R >>\n12 0 obj\n(${content})\nendobj`,
    ]) {
      expect(extractSignedContent(pdf(body))?.content).toBe(canonicalContent(doc));
    }
  });

  it('takes the last definition (an incremental update) and reads the verification block', () => {
    const other = embeddedProperties(sampleDocuments()['determination-refuse']!)[SIGNED_CONTENT_PROPERTY]!;
    const body = `<< /${SIGNED_CONTENT_PROPERTY} (${other}) >>\n<< /${SIGNED_CONTENT_PROPERTY} (${content}) /${VERIFICATION_PROPERTY} (${properties[VERIFICATION_PROPERTY]}) >>`;
    const extracted = extractSignedContent(pdf(body));
    expect(extracted?.document.kind).toBe('tolerance_exempt');
    expect(extracted?.verification?.url).toMatch(/^https:\/\/x\/verify\?code=/);
  });

  it('returns null for content that is not canonical base64 of canonical JSON', () => {
    const notCanonical = Buffer.from(` ${canonicalContent(doc)}`).toString('base64');
    for (const value of ['', '!!!', notCanonical, `${content}=`]) {
      expect(extractSignedContent(pdf(`<< /${SIGNED_CONTENT_PROPERTY} (${value}) >>`))).toBeNull();
    }
  });
});
