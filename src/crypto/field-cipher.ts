/**
 * Encryption of sensitive fields at rest (ID numbers, phone numbers, accusation details, interview
 * notes): SM4-CBC with a random IV, then HMAC-SM3 over everything (encrypt-then-MAC), because
 * node:crypto has no SM4-GCM. A token looks like
 *
 *   v1.<keyId>.<iv b64url>.<ciphertext b64url>.<mac b64url>
 *
 * Key schedule: each key is 32 bytes of master material from configuration. Sub-keys are derived
 * with HMAC-SM3(master, label) so one secret never serves two purposes:
 *   SM4 key       = first 16 bytes of HMAC-SM3(master, "rongcuo/field-cipher/v1/sm4")
 *   MAC key       = HMAC-SM3(master, "rongcuo/field-cipher/v1/mac")          (32 bytes)
 *   blind-index   = HMAC-SM3(master, "rongcuo/blind-index/v1")                (32 bytes)
 */
import { createCipheriv, createDecipheriv, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import { hmacSm3Bytes } from './sm3.ts';

const VERSION = 'v1';
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 16;
const MAC_BYTES = 32;

/** One configured key: an id (stored in every token) and 32 bytes of master material. */
export type FieldKeySpec = { id: string; material: Uint8Array | string };

type DerivedKey = { id: string; sm4: Buffer; mac: Buffer; blind: Buffer };

/**
 * Keys by id: the active one encrypts, every one decrypts — so a new key can become active and old
 * tokens stay readable until a background job re-encrypts them (see `needsReencryption`).
 */
export class Keyring {
  readonly activeKeyId: string;
  readonly blindIndexKeyId: string;
  private readonly keys: ReadonlyMap<string, DerivedKey>;

  /**
   * @param keys every key that may still appear in stored tokens
   * @param activeKeyId the key new tokens are encrypted with
   * @param blindIndexKeyId the key blind indexes are computed with. It must NOT follow rotation
   *   (changing it means recomputing every stored index), so it defaults to the active key only
   *   when the keyring is first set up; pin it in configuration.
   */
  constructor(keys: readonly FieldKeySpec[], activeKeyId: string, blindIndexKeyId: string = activeKeyId) {
    const derived = new Map<string, DerivedKey>();
    for (const spec of keys) {
      if (!KEY_ID_PATTERN.test(spec.id)) invalidKey(`key id "${spec.id}" must be 1–32 of A–Z a–z 0–9 _ -`);
      if (derived.has(spec.id)) invalidKey(`key id "${spec.id}" appears twice`);
      derived.set(spec.id, deriveKey(spec.id, parseKeyMaterial(spec.material)));
    }
    if (!derived.has(activeKeyId)) invalidKey(`active key "${activeKeyId}" is not in the keyring`);
    if (!derived.has(blindIndexKeyId))
      invalidKey(`blind-index key "${blindIndexKeyId}" is not in the keyring`);
    this.keys = derived;
    this.activeKeyId = activeKeyId;
    this.blindIndexKeyId = blindIndexKeyId;
  }

  /**
   * Encrypts UTF-8 text. `context` (e.g. "cadre.id_number:42") is authenticated but not stored: a
   * token copied into another row or column then fails to decrypt instead of showing wrong data.
   */
  encrypt(plaintext: string, context = ''): string {
    const key = this.keys.get(this.activeKeyId)!;
    const iv = freshIv();
    const cipher = createCipheriv('sm4-cbc', key.sm4, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const mac = computeMac(key, iv, ciphertext, context);
    return [VERSION, key.id, b64url(iv), b64url(ciphertext), b64url(mac)].join('.');
  }

  /**
   * Decrypts a token made by `encrypt` with the same `context`. Throws DomainError
   * 'crypto.key_unknown' for a key id not in the keyring and 'crypto.ciphertext_invalid' for any
   * other damage; it never returns unauthenticated plaintext.
   */
  decrypt(token: string, context = ''): string {
    const parsed = parseToken(token);
    const key = this.keys.get(parsed.keyId);
    if (!key) throw new DomainError('crypto.key_unknown', { keyId: parsed.keyId });
    const expected = computeMac(key, parsed.iv, parsed.ciphertext, context);
    if (parsed.mac.length !== MAC_BYTES || !timingSafeEqual(expected, parsed.mac)) throw tampered();
    try {
      const decipher = createDecipheriv('sm4-cbc', key.sm4, parsed.iv);
      const plain = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
      return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    } catch {
      // Unreachable unless the MAC key leaked: a valid MAC over a badly padded ciphertext.
      throw tampered();
    }
  }

  /** True when a token was encrypted under a key other than the active one (re-encrypt it). */
  needsReencryption(token: string): boolean {
    return parseToken(token).keyId !== this.activeKeyId;
  }

  /**
   * Deterministic keyed digest for exact look-ups without decrypting (e.g. find a cadre by ID
   * number): 64 hex chars. `purpose` separates columns, so equal values in two columns do not get
   * equal indexes. Normalise the value first (e.g. `normalizeResidentId`).
   */
  blindIndex(value: string, purpose = 'default'): string {
    const key = this.keys.get(this.blindIndexKeyId)!;
    return Buffer.from(hmacSm3Bytes(key.blind, lengthPrefixed(purpose), lengthPrefixed(value))).toString(
      'hex',
    );
  }
}

/** 32 bytes of key material as 64 hex characters or base64/base64url; raw bytes pass through. */
export function parseKeyMaterial(material: Uint8Array | string): Uint8Array {
  let bytes: Uint8Array;
  if (typeof material !== 'string') bytes = material;
  else if (/^[0-9a-fA-F]{64}$/.test(material)) bytes = Buffer.from(material, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(material)) bytes = Buffer.from(material, 'base64url');
  else return invalidKey('key material must be 32 bytes written as 64 hex characters or base64');
  if (bytes.length !== 32) invalidKey(`key material must be 32 bytes, got ${bytes.length}`);
  return bytes;
}

/** Fresh random key material as 64 hex characters, for `rongcuo` to print into configuration. */
export function generateKeyMaterial(): string {
  return randomBytes(32).toString('hex');
}

function deriveKey(id: string, master: Uint8Array): DerivedKey {
  const derive = (label: string) => Buffer.from(hmacSm3Bytes(master, label));
  return {
    id,
    sm4: derive('rongcuo/field-cipher/v1/sm4').subarray(0, 16),
    mac: derive('rongcuo/field-cipher/v1/mac'),
    blind: derive('rongcuo/blind-index/v1'),
  };
}

/** MAC input: "v1.<keyId>." ‖ len(context) ‖ context ‖ iv ‖ ciphertext — unambiguous, since the
 *  key id cannot contain '.', the context is length-prefixed and the IV has a fixed length. */
function computeMac(key: DerivedKey, iv: Uint8Array, ciphertext: Uint8Array, context: string): Buffer {
  return Buffer.from(hmacSm3Bytes(key.mac, `${VERSION}.${key.id}.`, lengthPrefixed(context), iv, ciphertext));
}

function parseToken(token: string): { keyId: string; iv: Buffer; ciphertext: Buffer; mac: Buffer } {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw tampered();
  const [, keyId, iv, ciphertext, mac] = parts as [string, string, string, string, string];
  if (!KEY_ID_PATTERN.test(keyId) || ![iv, ciphertext, mac].every(isB64url)) throw tampered();
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    mac: Buffer.from(mac, 'base64url'),
  };
  // Re-encoding catches non-canonical base64 (stray trailing bits), so one token has one spelling.
  if (b64url(parsed.iv) !== iv || b64url(parsed.ciphertext) !== ciphertext || b64url(parsed.mac) !== mac)
    throw tampered();
  if (parsed.iv.length !== IV_BYTES || parsed.ciphertext.length === 0 || parsed.ciphertext.length % 16 !== 0)
    throw tampered();
  return parsed;
}

/**
 * IVs come from a pool of CSPRNG bytes refilled 4 KiB at a time (each byte used once): a call to
 * `randomBytes(16)` costs 8 µs or more (a system call; far more on a busy virtual machine) — a third
 * of an encryption, and an import of 100,000 cadres encrypts 200,000 fields. `crypto.randomUUID`
 * pools its randomness the same way.
 */
const ivPool = Buffer.alloc(4096);
let ivPoolOffset = ivPool.length;

function freshIv(): Buffer {
  if (ivPoolOffset + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivPoolOffset = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivPoolOffset, ivPoolOffset + IV_BYTES));
  ivPoolOffset += IV_BYTES;
  return iv;
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

const isB64url = (text: string) => /^[A-Za-z0-9_-]+$/.test(text);
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const tampered = () => new DomainError('crypto.ciphertext_invalid');

function invalidKey(reason: string): never {
  throw new DomainError('crypto.key_invalid', { reason });
}
