/**
 * Dates written out in Chinese numerals, as the signature block of these documents prints them
 * ('2026-11-27' → '二〇二六年十一月二十七日'). Years are read digit by digit with 〇 for zero.
 */
import type { LocalDate } from './model.ts';

const DIGITS = '〇一二三四五六七八九';

/** 'YYYY-MM-DD' → '二〇二六年十一月二十七日'; throws on anything that is not a real date. */
export function chineseDate(date: LocalDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? [match[1]!, Number(match[2]), Number(match[3])] : ['', 0, 0];
  const daysInMonth = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new Error(`chineseDate needs a real date as YYYY-MM-DD, got "${date}"`);
  }
  const yearText = [...year].map((digit) => DIGITS[Number(digit)]).join('');
  return `${yearText}年${chineseNumber(month)}月${chineseNumber(day)}日`;
}

/** 1–99 in Chinese numerals: 十, 十一, 二十, 二十七 … */
export function chineseNumber(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99)
    throw new Error(`chineseNumber covers 1–99, got ${value}`);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensText = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tensText + (ones === 0 ? '' : DIGITS[ones]);
}

/** 'YYYY-MM-DD' → '2026年11月27日', for dates inside body text. */
export function arabicChineseDate(date: LocalDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`arabicChineseDate needs YYYY-MM-DD, got "${date}"`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
