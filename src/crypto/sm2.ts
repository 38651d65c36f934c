/**
 * SM2 digital signatures (GB/T 32918.2-2016) on the recommended curve sm2p256v1 (GB/T 32918.5),
 * through sm-crypto-v2 (noble-curves underneath). node:crypto cannot do SM2 (STACK §6).
 *
 * Signatures are raw r‖s: 128 lowercase hex characters, fixed length — easy to store, print and
 * compare. The message is hashed as the standard requires, e = SM3(Z_A ‖ M), where Z_A binds the
 * signer's user ID and public key. Evidence that this matches the standard and an independent
 * implementation: docs/decisions/0002-sm2-library.md and sm2.test.ts.
 */
import { sm2 } from 'sm-crypto-v2';
import { DomainError } from '../domain/errors.ts';

/** The default user ID of GM/T 0009-2012 §10, used when the parties agree on no other. */
export const DEFAULT_SM2_USER_ID = '1234567812345678';

/** Order n of the sm2p256v1 base point. */
const CURVE_ORDER = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

/** A key pair as hex: private d (64 chars), public key uncompressed '04' ‖ x ‖ y (130 chars). */
export type Sm2KeyPair = { privateKeyHex: string; publicKeyHex: string };

/** A fresh key pair from the platform CSPRNG (globalThis.crypto.getRandomValues). */
export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicKeyHex: sm2PublicKeyFromPrivate(privateKey) };
}

/** The uncompressed public key ('04' ‖ x ‖ y) for a private key; throws 'crypto.key_invalid'. */
export function sm2PublicKeyFromPrivate(privateKeyHex: string): string {
  assertPrivateKey(privateKeyHex);
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());
}

/** Public keys of recent signing keys: deriving one is a point multiplication (~0.4 ms), and a server signs with one key. */
const signerPublicKeys = new Map<string, string>();

function publicKeyOfSigner(privateKeyHex: string): string {
  let publicKey = signerPublicKeys.get(privateKeyHex);
  if (publicKey === undefined) {
    publicKey = sm2PublicKeyFromPrivate(privateKeyHex);
    if (signerPublicKeys.size >= 8) signerPublicKeys.clear();
    signerPublicKeys.set(privateKeyHex, publicKey);
  }
  return publicKey;
}

/**
 * Signs `data` (any bytes) with SM3-with-SM2: e = SM3(Z_A ‖ data), a fresh random k each time.
 * Returns r‖s as 128 lowercase hex characters.
 */
export function sm2Sign(
  privateKeyHex: string,
  data: Uint8Array,
  userId: string = DEFAULT_SM2_USER_ID,
): string {
  const publicKey = publicKeyOfSigner(privateKeyHex);
  assertUserId(userId);
  return sm2.doSignature(data, privateKeyHex.toLowerCase(), { hash: true, publicKey, userId, der: false });
}

/**
 * Verifies an r‖s signature made by `sm2Sign` (or any GB/T 32918 signer using the same user ID).
 * Never throws: a malformed key or signature, or r or s outside [1, n−1], is simply `false`.
 */
export function sm2Verify(
  publicKeyHex: string,
  data: Uint8Array,
  signatureHex: string,
  userId: string = DEFAULT_SM2_USER_ID,
): boolean {
  if (!/^04[0-9a-fA-F]{128}$/.test(publicKeyHex) || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  const r = BigInt(`0x${signatureHex.slice(0, 64)}`);
  const s = BigInt(`0x${signatureHex.slice(64)}`);
  // GB/T 32918.2 §7.1 B1–B2; the library would throw on s ≥ n and not check r at all.
  if (r < 1n || r >= CURVE_ORDER || s < 1n || s >= CURVE_ORDER) return false;
  if (userIdBitLength(userId) > 0xffff) return false;
  try {
    return sm2.doVerifySignature(data, signatureHex.toLowerCase(), publicKeyHex.toLowerCase(), {
      hash: true,
      userId,
      der: false,
    });
  } catch {
    // e.g. a public key that is not a point on the curve
    return false;
  }
}

/** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) as hex (GB/T 32918.2 §5.5). */
export function sm2Za(publicKeyHex: string, userId: string = DEFAULT_SM2_USER_ID): string {
  assertUserId(userId);
  return Buffer.from(sm2.getZ(publicKeyHex.toLowerCase(), userId)).toString('hex');
}

/** The value SM2 actually signs, e = SM3(Z_A ‖ M), as hex. */
export function sm2MessageDigest(
  publicKeyHex: string,
  data: Uint8Array,
  userId: string = DEFAULT_SM2_USER_ID,
): string {
  assertUserId(userId);
  return sm2.getHash(data, publicKeyHex.toLowerCase(), userId);
}

function assertPrivateKey(privateKeyHex: string): void {
  if (!/^[0-9a-fA-F]{64}$/.test(privateKeyHex)) invalid('an SM2 private key is 64 hex characters');
  const d = BigInt(`0x${privateKeyHex}`);
  // GB/T 32918.1 §6.1: d ∈ [1, n−2] (d = n−1 makes 1 + d ≡ 0, which signing divides by).
  if (d < 1n || d > CURVE_ORDER - 2n) invalid('the SM2 private key is outside [1, n−2]');
}

function assertUserId(userId: string): void {
  // ENTL_A is two bytes: the ID's length in bits must fit in 16 bits.
  if (userIdBitLength(userId) > 0xffff) invalid('the SM2 user ID is longer than 8191 bytes');
}

const userIdBitLength = (userId: string) => Buffer.byteLength(userId, 'utf8') * 8;

function invalid(reason: string): never {
  throw new DomainError('crypto.key_invalid', { reason });
}
