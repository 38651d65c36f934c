import { describe, expect, it } from 'vitest';
import { maskPersonName } from './verify-document.ts';

describe('maskPersonName (public verification answers)', () => {
  it('keeps the surname and hides the given name', () => {
    expect(maskPersonName('张明')).toBe('张某');
    expect(maskPersonName('张明华')).toBe('张某某');
    expect(maskPersonName('欧阳明华')).toBe('欧某某');
    expect(maskPersonName('张')).toBe('某');
  });
});
