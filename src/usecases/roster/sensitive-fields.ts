/**
 * Sensitive roster fields (身份证号, 手机号): encrypted per row (the row id is bound into the MAC so a
 * ciphertext copied to another row does not decrypt), a blind index for exact look-up, a masked
 * form for lists. Reads of the clear value go through `revealSensitive`, which is audited.
 */
import type { Keyring } from '../../crypto/field-cipher.ts';
import { maskIdNumber, maskMobile } from '../../crypto/masking.ts';

export const ID_NUMBER_PURPOSE = 'cadre.id_number';

/** The form an ID number is encrypted and indexed in. */
export function normalizedIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** `blindIndex`: the ID number's blind index when the caller already has it (an import computes it once per row). */
export function encryptIdNumber(keyring: Keyring, cadreId: string, idNumber: string, blindIndex?: string) {
  const normalized = normalizedIdNumber(idNumber);
  return {
    id_number_enc: keyring.encrypt(normalized, `${ID_NUMBER_PURPOSE}:${cadreId}`),
    id_number_hash: blindIndex ?? keyring.blindIndex(normalized, ID_NUMBER_PURPOSE),
    id_number_masked: maskIdNumber(normalized),
  };
}

export function encryptMobile(keyring: Keyring, cadreId: string, mobile: string | null | undefined) {
  if (!mobile) return { mobile_enc: null, mobile_masked: null };
  return { mobile_enc: keyring.encrypt(mobile, `cadre.mobile:${cadreId}`), mobile_masked: maskMobile(mobile) };
}

export function decryptIdNumber(keyring: Keyring, cadreId: string, enc: string): string {
  return keyring.decrypt(enc, `${ID_NUMBER_PURPOSE}:${cadreId}`);
}

export function decryptMobile(keyring: Keyring, cadreId: string, enc: string | null): string | null {
  return enc === null ? null : keyring.decrypt(enc, `cadre.mobile:${cadreId}`);
}

/** Blind index of a search term that looks like a resident ID number, for exact-match search. */
export function idNumberSearchHash(keyring: Keyring, q: string | undefined): string | undefined {
  const t = q?.trim().toUpperCase();
  return t && /^[0-9]{17}[0-9X]$/.test(t) ? keyring.blindIndex(t, ID_NUMBER_PURPOSE) : undefined;
}
