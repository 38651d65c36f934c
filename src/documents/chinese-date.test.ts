import { describe, expect, it } from 'vitest';
import { arabicChineseDate, chineseDate, chineseNumber } from './chinese-date.ts';

describe('chineseDate', () => {
  it('writes the year digit by digit with 〇, and month and day as numbers', () => {
    expect(chineseDate('2026-11-27')).toBe('二〇二六年十一月二十七日');
    expect(chineseDate('2026-01-01')).toBe('二〇二六年一月一日');
    expect(chineseDate('2030-10-10')).toBe('二〇三〇年十月十日');
    expect(chineseDate('2000-02-29')).toBe('二〇〇〇年二月二十九日');
    expect(chineseDate('2027-12-31')).toBe('二〇二七年十二月三十一日');
    expect(chineseDate('2026-05-20')).toBe('二〇二六年五月二十日');
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '']) {
      expect(() => chineseDate(bad)).toThrow();
    }
  });
});

describe('chineseNumber and arabicChineseDate', () => {
  it('covers 1–99', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99].map(chineseNumber)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(() => chineseNumber(0)).toThrow();
    expect(() => chineseNumber(100)).toThrow();
  });

  it('writes dates for body text without leading zeros', () => {
    expect(arabicChineseDate('2026-03-05')).toBe('2026年3月5日');
  });
});
