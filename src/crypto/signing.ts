/**
 * Document verification codes (DESIGN §3.12): a document's bytes are hashed with SM3, the digest is
 * signed with SM2, and a short code derived from the signature is printed on the document. The
 * server stores the record (code, digest, signature, keyId, document metadata); the public
 * verification page looks a code up, or recomputes the digest of uploaded content.
 *
 * What SM2 signs is the ASCII text "rongcuo.document.v1:<sm3 hex>", so anyone holding the public key
 * can re-check a record with any GB/T 32918 tool, and a document signature can never be mistaken for
 * a signature the same key made over something else.
 */
import { sm2Sign, sm2Verify } from './sm2.ts';
import { sm3Bytes, sm3Hex } from './sm3.ts';

const SIGNED_PREFIX = 'rongcuo.document.v1:';
/** Crockford base32: no I, L, O, U, so codes survive being read aloud and typed. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 16; // 80 bits: unguessable, and collisions are for the database's unique index

/** The signing key: its id (for rotation; records keep it) and the SM2 private key. */
export type DocumentSigner = { keyId: string; privateKeyHex: string };

/** What the server stores per signed document (plus its own document metadata). */
export type DocumentSignature = {
  algorithm: 'SM2-SM3';
  /** SM3 of the signed bytes, 64 hex characters. */
  digest: string;
  /** SM2 r‖s over "rongcuo.document.v1:<digest>", 128 hex characters. */
  signature: string;
  keyId: string;
  /** 'XXXX-XXXX-XXXX-XXXX', printed on the document. */
  code: string;
};

/** Finds the public key ('04' ‖ x ‖ y hex) for a key id, or undefined for an unknown id. */
export type PublicKeyLookup = (keyId: string) => string | undefined;

/** Signs `bytes` (for official documents: the canonical content, see documents/canonical.ts). */
export function signDocument(bytes: Uint8Array, signer: DocumentSigner): DocumentSignature {
  const digest = sm3Hex(bytes);
  const signature = sm2Sign(signer.privateKeyHex, signedMessage(digest));
  return {
    algorithm: 'SM2-SM3',
    digest,
    signature,
    keyId: signer.keyId,
    code: verificationCodeFor(signature),
  };
}

/** True when `bytes` are exactly what the record was signed over and the record is genuine. */
export function verifyDocument(
  bytes: Uint8Array,
  record: DocumentSignature,
  publicKeyFor: PublicKeyLookup,
): boolean {
  return sm3Hex(bytes) === record.digest.toLowerCase() && verifySignatureRecord(record, publicKeyFor);
}

/**
 * Checks a stored record on its own (the verify-by-code path): the signature is valid for the digest
 * under the record's key, and the code belongs to that signature. It does not look at any content.
 */
export function verifySignatureRecord(record: DocumentSignature, publicKeyFor: PublicKeyLookup): boolean {
  const publicKey = publicKeyFor(record.keyId);
  if (!publicKey || record.algorithm !== 'SM2-SM3' || !/^[0-9a-fA-F]{64}$/.test(record.digest)) return false;
  if (normalizeVerificationCode(record.code) !== verificationCodeFor(record.signature)) return false;
  return sm2Verify(publicKey, signedMessage(record.digest.toLowerCase()), record.signature);
}

/** The printed code for a signature: SM3(signature bytes), first 80 bits, Crockford base32, grouped. */
export function verificationCodeFor(signatureHex: string): string {
  const digest = sm3Bytes(Buffer.from(signatureHex.toLowerCase(), 'hex'));
  let bits = 0n;
  for (const byte of digest.subarray(0, (CODE_CHARS * 5) / 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = CODE_CHARS - 1; i >= 0; i -= 1) code += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return code.match(/.{4}/g)!.join('-');
}

/**
 * Reads a code as a person typed it: any case, with or without hyphens or spaces, and with O/I/L
 * for 0/1. Returns the canonical 'XXXX-XXXX-XXXX-XXXX', or null if it cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== CODE_CHARS || [...compact].some((ch) => !CROCKFORD.includes(ch))) return null;
  return compact.match(/.{4}/g)!.join('-');
}

function signedMessage(digestHex: string): Uint8Array {
  return new TextEncoder().encode(SIGNED_PREFIX + digestHex);
}
