import { describe, expect, it } from 'vitest';
import {
  formatRecoveryCode,
  normalizeRecoveryCode,
  normalizeTotpCode,
  requiresTwoFactor,
} from './two-factor.ts';

describe('requiresTwoFactor', () => {
  it('is mandatory for the commission and supervisor roles outside demo mode only', () => {
    for (const role of ['case_officer', 'committee_member', 'commission_leader', 'supervisor'] as const) {
      expect(requiresTwoFactor([role], false), role).toBe(true);
      expect(requiresTwoFactor([role], true), role).toBe(false);
    }
    expect(requiresTwoFactor(['cadre', 'unit_leader', 'org_dept', 'admin'], false)).toBe(false);
    expect(requiresTwoFactor(['cadre', 'committee_member'], false)).toBe(true);
  });
});

describe('recovery codes', () => {
  it('are ten unambiguous characters in two groups of five', () => {
    const code = formatRecoveryCode(Uint8Array.from([0, 1, 2, 3, 4, 31, 30, 29, 28, 255]));
    expect(code).toBe('01234-ZYXWZ');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('match however they are typed back', () => {
    expect(normalizeRecoveryCode(' 01234-zyxwz ')).toBe('01234ZYXWZ');
    expect(normalizeRecoveryCode('O1234 ZYXWZ')).toBe('01234ZYXWZ');
    expect(normalizeRecoveryCode('l1234-zyxwz')).toBe('11234ZYXWZ');
  });
});

describe('normalizeTotpCode', () => {
  it('accepts six digits with spaces and refuses anything else', () => {
    expect(normalizeTotpCode('123 456')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12345a')).toBeNull();
  });
});
