import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatYearMonth } from './datetime.ts';

describe('Beijing time formatting', () => {
  it('shows a UTC instant in Beijing time, crossing midnight', () => {
    expect(formatDateTime('2026-05-03T16:30:00Z')).toBe('2026-05-04 00:30');
    expect(formatDate('2026-05-03T16:30:00Z')).toBe('2026-05-04');
  });
  it('uses a 24-hour clock', () => {
    expect(formatDateTime('2026-01-01T05:05:00Z')).toBe('2026-01-01 13:05');
  });
  it('leaves empty and unparsable values readable', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
  it('formats birth months per language', () => {
    expect(formatYearMonth('1975-03', 'zh-CN')).toBe('1975年3月');
    expect(formatYearMonth('1975-03', 'en')).toBe('Mar 1975');
    expect(formatYearMonth('1975', 'en')).toBe('1975');
  });
});
