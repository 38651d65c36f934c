import { describe, expect, it } from 'vitest';
import {
  normalizeVerificationCode,
  signDocument,
  verificationCodeFor,
  verifyDocument,
  verifySignatureRecord,
  type DocumentSignature,
} from './signing.ts';
import { generateSm2KeyPair, sm2Verify } from './sm2.ts';
import { sm3Hex } from './sm3.ts';

const key = generateSm2KeyPair();
const signer = { keyId: 'doc-2026', privateKeyHex: key.privateKeyHex };
const publicKeyFor = (keyId: string) => (keyId === 'doc-2026' ? key.publicKeyHex : undefined);
const content = new TextEncoder().encode('{"title":"关于张某某容错免责的认定决定书"}');

describe('signDocument / verifyDocument', () => {
  const record = signDocument(content, signer);

  it('records the SM3 digest, an SM2 signature over the labelled digest, and a grouped code', () => {
    expect(record.algorithm).toBe('SM2-SM3');
    expect(record.digest).toBe(sm3Hex(content));
    expect(record.keyId).toBe('doc-2026');
    expect(record.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Anyone with the public key can check it with a plain GB/T 32918 verifier.
    const message = new TextEncoder().encode(`rongcuo.document.v1:${record.digest}`);
    expect(sm2Verify(key.publicKeyHex, message, record.signature)).toBe(true);
  });

  it('verifies the untouched bytes', () => {
    expect(verifyDocument(content, record, publicKeyFor)).toBe(true);
    expect(verifySignatureRecord(record, publicKeyFor)).toBe(true);
  });

  it('fails when any single byte of the content changes', () => {
    for (let i = 0; i < content.length; i += 7) {
      const changed = content.slice();
      changed[i] = changed[i]! ^ 0x01;
      expect(verifyDocument(changed, record, publicKeyFor)).toBe(false);
    }
  });

  it('fails for a forged or inconsistent record', () => {
    const flip = (hexText: string) => (hexText[0] === '0' ? '1' : '0') + hexText.slice(1);
    const forged: DocumentSignature[] = [
      { ...record, signature: flip(record.signature) },
      { ...record, digest: flip(record.digest) },
      { ...record, keyId: 'unknown' },
      { ...record, code: 'AAAA-AAAA-AAAA-AAAA' },
      { ...record, digest: 'not hex' },
    ];
    for (const bad of forged) expect(verifySignatureRecord(bad, publicKeyFor)).toBe(false);
    const other = generateSm2KeyPair();
    expect(verifyDocument(content, record, () => other.publicKeyHex)).toBe(false);
  });

  it('gives every signing a different code, even of the same bytes (k is random)', () => {
    expect(signDocument(content, signer).code).not.toBe(record.code);
  });
});

describe('verification codes', () => {
  it('is 16 Crockford base32 characters derived from the signature', () => {
    const signature = 'ab'.repeat(64);
    const code = verificationCodeFor(signature);
    expect(code).toBe(verificationCodeFor(signature.toUpperCase()));
    expect(code.replace(/-/g, '')).toHaveLength(16);
    expect(verificationCodeFor('ac'.repeat(64))).not.toBe(code);
  });

  it('reads what people type', () => {
    expect(normalizeVerificationCode('abcd-efgh-jkmn-pqrs')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normalizeVerificationCode(' abcd efgh jkmn pqrs ')).toBe('ABCD-EFGH-JKMN-PQRS');
    expect(normalizeVerificationCode('0O1I-L000-0000-0000')).toBe('0011-1000-0000-0000');
    expect(normalizeVerificationCode('ABCD-EFGH-JKMN-PQR')).toBeNull();
    expect(normalizeVerificationCode('ABCD-EFGH-JKMN-PQRU')).toBeNull();
    expect(normalizeVerificationCode('')).toBeNull();
  });
});
