import { describe, expect, it } from 'vitest';
import {
  isValidMobile,
  isValidResidentId,
  normalizeMobile,
  normalizeResidentId,
  residentIdCheckChar,
  validateResidentId,
} from './identity.ts';

describe('resident ID (GB 11643-1999)', () => {
  it("accepts the standard's own examples and reads birth date, gender and region", () => {
    expect(validateResidentId('11010519491231002X')).toEqual({
      ok: true,
      value: { id: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    });
    expect(validateResidentId('440524188001010014')).toMatchObject({
      ok: true,
      value: { birthDate: '1880-01-01', gender: 'male' },
    });
    expect(isValidResidentId('330102199001011234')).toBe(true);
  });

  it('computes the MOD 11-2 check character, including X', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('33010219900101123')).toBe('4');
    expect(() => residentIdCheckChar('1234')).toThrow();
  });

  it('says why a number is wrong', () => {
    expect(validateResidentId('33010219900101123')).toEqual({ ok: false, problem: 'format' });
    expect(validateResidentId('3301021990010112345')).toEqual({ ok: false, problem: 'format' });
    expect(validateResidentId('33010219900101123A')).toEqual({ ok: false, problem: 'format' });
    expect(validateResidentId('330102199001011235')).toEqual({ ok: false, problem: 'checksum' });
    // 1990-02-30 does not exist; 2000-02-29 (leap year) does, 1900-02-29 does not.
    expect(validateResidentId(withCheck('33010219900230123'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateResidentId(withCheck('33010220000229123')).ok).toBe(true);
    expect(validateResidentId(withCheck('33010219000229123'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateResidentId(withCheck('33010219901301123'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateResidentId(withCheck('33010217990101123'))).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('refuses a birth date after the given latest date', () => {
    const id = withCheck('33010220261128123');
    expect(validateResidentId(id).ok).toBe(true);
    expect(validateResidentId(id, '2026-11-27')).toEqual({ ok: false, problem: 'birth_date' });
    expect(validateResidentId(id, '2026-11-28').ok).toBe(true);
  });

  it('normalises full-width characters, lower-case x and spaces', () => {
    expect(normalizeResidentId(' １１０１０５ 19491231002ｘ ')).toBe('11010519491231002X');
    expect(validateResidentId('11010519491231002x')).toMatchObject({
      ok: true,
      value: { id: '11010519491231002X' },
    });
  });
});

describe('mobile number', () => {
  it('accepts 11 digits starting with 13–19', () => {
    for (const good of [
      '13812345678',
      '19912345678',
      '+86 138-1234-5678',
      '008613812345678',
      '１３８１２３４５６７８',
    ]) {
      expect([good, isValidMobile(good)]).toEqual([good, true]);
    }
  });

  it('refuses other lengths and prefixes', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '23812345678', '1381234567a', '']) {
      expect([bad, isValidMobile(bad)]).toEqual([bad, false]);
    }
  });

  it('normalises separators and the country code', () => {
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
  });
});

function withCheck(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}
