/**
 * TOTP (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1 — what every authenticator app speaks) and
 * recovery-code hashing. Secrets are stored SM4-encrypted under the field keyring, bound to the
 * user's row by the context `user.totp:<id>`; recovery codes are stored as HMAC-SM3 under a random
 * salt per code (50-bit random codes need no slow hash; the salt stops one table lookup for all).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Keyring } from '../../crypto/field-cipher.ts';
import { hmacSm3Bytes } from '../../crypto/sm3.ts';
import {
  formatRecoveryCode,
  normalizeRecoveryCode,
  normalizeTotpCode,
  RECOVERY_CODE_COUNT,
} from '../../domain/two-factor.ts';

export const TOTP_ISSUER = 'Rongcuo';
const PERIOD_SECONDS = 30;
/** One step either side: phones drift, people are slow. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

export const totpContext = (userId: string) => `user.totp:${userId}`;

/** A fresh secret (20 random bytes, base32), its otpauth:// URI and a QR code of it as a PNG data URL. */
export async function newTotpSecret(
  username: string,
): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: TOTP_ISSUER, label: username, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { secret, otpauthUri, qrDataUrl };
}

export type TotpCheck = { status: 'valid'; step: number } | { status: 'replayed' } | { status: 'invalid' };

/**
 * Checks a typed code against the secret at `now`. A code whose time step is not after `lastStep`
 * (the last one accepted) is reported as replayed: each code signs in once.
 */
export async function checkTotp(
  secret: string,
  typed: string,
  now: Date,
  lastStep: number | null,
): Promise<TotpCheck> {
  const token = normalizeTotpCode(typed);
  if (!token) return { status: 'invalid' };
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    period: PERIOD_SECONDS,
    epochTolerance: TOLERANCE_SECONDS,
  });
  // The functional API types TOTP and HOTP results together; a TOTP result carries its time step.
  if (!result.valid || !('timeStep' in result)) return { status: 'invalid' };
  if (lastStep !== null && result.timeStep <= lastStep) return { status: 'replayed' };
  return { status: 'valid', step: result.timeStep };
}

export function decryptTotpSecret(keyring: Keyring, userId: string, enc: string): string {
  return keyring.decrypt(enc, totpContext(userId));
}

export function encryptTotpSecret(keyring: Keyring, userId: string, secret: string): string {
  return keyring.encrypt(secret, totpContext(userId));
}

function recoveryHash(salt: string, normalized: string): Buffer {
  return Buffer.from(hmacSm3Bytes(Buffer.from(salt, 'hex'), normalized));
}

/** Ten new codes to show once, and the rows to store. */
export function newRecoveryCodes(): { codes: string[]; stored: { salt: string; code_hash: string }[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(10)));
  const stored = codes.map((code) => {
    const salt = randomBytes(16).toString('hex');
    return { salt, code_hash: recoveryHash(salt, normalizeRecoveryCode(code)).toString('hex') };
  });
  return { codes, stored };
}

/** The id of the stored (unused) code the typed one matches, or null. */
export function matchRecoveryCode(
  typed: string,
  candidates: readonly { id: string; salt: string; code_hash: string }[],
): string | null {
  const normalized = normalizeRecoveryCode(typed);
  if (!/^[0-9A-Z]{10}$/.test(normalized)) return null;
  let found: string | null = null;
  // Check every candidate (no early exit) so timing does not tell how many codes remain before a match.
  for (const c of candidates) {
    const expected = Buffer.from(c.code_hash, 'hex');
    const actual = recoveryHash(c.salt, normalized);
    if (expected.length === actual.length && timingSafeEqual(expected, actual) && found === null)
      found = c.id;
  }
  return found;
}
