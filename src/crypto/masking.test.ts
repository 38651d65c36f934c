import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskMiddle, maskMobile } from './masking.ts';

describe('masking', () => {
  it('keeps the first 6 and last 4 of an ID number', () => {
    expect(maskIdNumber('330102199001011234')).toBe('330102********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('keeps the first 3 and last 4 of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile(' 13812345678 ')).toBe('138****5678');
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskMobile('1381234')).toBe('*******');
    expect(maskMobile('')).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskMiddle('张三丰𠀀测试', 1, 1)).toBe('张****试');
  });
});
