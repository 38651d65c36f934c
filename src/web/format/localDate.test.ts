import { describe, expect, it } from 'vitest';
import { beijingToday, formatLocalDate } from './localDate.ts';

describe('formatLocalDate', () => {
  it('writes the date in the reader’s language without shifting the day', () => {
    expect(formatLocalDate('2026-12-28', 'zh-CN')).toBe('2026年12月28日');
    expect(formatLocalDate('2026-01-05', 'en')).toBe('5 Jan 2026');
    expect(formatLocalDate('not a date', 'en')).toBe('not a date');
    expect(formatLocalDate(null, 'en')).toBe('');
  });
});

describe('beijingToday', () => {
  it('is the Beijing calendar day, whatever the instant’s UTC day', () => {
    expect(beijingToday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(beijingToday(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });
});
