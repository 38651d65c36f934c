/**
 * Second-factor rules (DESIGN §4): who must use one, and how recovery codes are written. TOTP itself
 * (RFC 6238, 30-second steps, 6 digits, SHA-1 for authenticator-app compatibility) is in the use case.
 */
import type { Role } from './roles.ts';

/** Roles that see case files and decide: outside demo mode they cannot work without a second factor. */
export const TWO_FACTOR_ROLES: readonly Role[] = [
  'case_officer',
  'committee_member',
  'commission_leader',
  'supervisor',
];

/** True when an account holding these roles must enrol a second factor before doing anything else. */
export function requiresTwoFactor(roles: readonly Role[], demo: boolean): boolean {
  return !demo && roles.some((role) => TWO_FACTOR_ROLES.includes(role));
}

export const RECOVERY_CODE_COUNT = 10;

/** Crockford-style alphabet: no I, L, O, U, so codes survive being read aloud or handwritten. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ten characters (50 bits) from random bytes, written XXXXX-XXXXX. */
export function formatRecoveryCode(random: Uint8Array): string {
  if (random.length < 10) throw new Error('formatRecoveryCode needs 10 random bytes');
  const chars = [...random.slice(0, 10)].map((b) => ALPHABET[b % 32]!);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** What the user typed, reduced to the stored form: case, spaces and dashes ignored, O→0, I/L→1. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** A TOTP code as typed: six digits, spaces allowed ("123 456"). */
export function normalizeTotpCode(typed: string): string | null {
  const digits = typed.replace(/\s/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}
