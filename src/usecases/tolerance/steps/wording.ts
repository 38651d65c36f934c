/** How time limits read in documents: 5 working days → 五个工作日; 1 month → 一个月. */
import type { DeadlineRule } from '../../../domain/calendar/deadline.ts';

const DIGITS = '〇一二三四五六七八九';

export function chineseCount(n: number): string {
  if (n <= 10) return n === 10 ? '十' : DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n % 10] === '〇' ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return String(n);
}

export function describeLimit(rule: DeadlineRule): string {
  const n = rule.amount === 2 ? '两' : chineseCount(rule.amount);
  switch (rule.unit) {
    case 'working_days':
      return `${n}个工作日`;
    case 'calendar_days':
      return `${chineseCount(rule.amount)}日`;
    case 'months':
      return `${n}个月`;
  }
}
