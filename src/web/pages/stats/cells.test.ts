import { describe, expect, it } from 'vitest';
import { anySuppressed, cellText, chartValue } from './cells.ts';

describe('suppressed cells', () => {
  it('are never drawn as numbers', () => {
    expect(chartValue('<5')).toBeNull();
    expect(chartValue(null)).toBeNull();
    expect(chartValue(12)).toBe(12);
  });
  it('are printed as they came, numbers with at most two decimals', () => {
    expect(cellText('<5')).toBe('<5');
    expect(cellText(null)).toBe('—');
    expect(cellText(1234)).toBe('1,234');
    expect(cellText(3.14159, 'en')).toBe('3.14');
    expect(anySuppressed([3, '<5'])).toBe(true);
    expect(anySuppressed([0, 7, null])).toBe(false);
  });
});
