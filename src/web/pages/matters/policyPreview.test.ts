import { describe, expect, it } from 'vitest';
import { policyVersionOf } from './policyPreview.ts';

describe('policyVersionOf', () => {
  it('resolves a shipped version with what it inherits, and is null for one it does not know', () => {
    const k2024 = policyVersionOf('k-county', '2024-01-01');
    expect(k2024?.gates.map((g) => g.id)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7']);
    expect(k2024?.situations.some((s) => s.id === 'S9')).toBe(true);
    expect(policyVersionOf('k-county', '1999-01-01')).toBeNull();
  });
});
