import { describe, expect, it } from 'vitest';
import { suppressCells } from './scorecard-suppression.ts';

const map = (o: Record<string, number>) => new Map(Object.entries(o));

describe('small-number suppression of a table', () => {
  it('withholds 1–4 and shows 0 and 5 or more', () => {
    expect([...suppressCells(map({ a: 0, b: 1, c: 4, d: 5 }), [])].sort()).toEqual(['b', 'c']);
  });

  it('withholds a second part when one part of a shown total could be worked out by subtraction', () => {
    // decided 12 = exempt 8 + mitigate 3 + refuse 1 → two withheld already: nothing more.
    expect(
      [...suppressCells(map({ d: 12, e: 8, m: 3, r: 1 }), [{ total: 'd', parts: ['e', 'm', 'r'] }])].sort(),
    ).toEqual(['m', 'r']);
    // decided 12 = exempt 9 + mitigate 3 + refuse 0 → mitigate alone would be 12 − 9: exempt goes too.
    expect(
      [...suppressCells(map({ d: 12, e: 9, m: 3, r: 0 }), [{ total: 'd', parts: ['e', 'm', 'r'] }])].sort(),
    ).toEqual(['e', 'm']);
    // The smallest shown non-zero part is the one withheld with it.
    expect(
      [...suppressCells(map({ d: 20, e: 9, m: 3, r: 8 }), [{ total: 'd', parts: ['e', 'm', 'r'] }])].sort(),
    ).toEqual(['m', 'r']);
  });

  it('withholds the total when only zeros are left beside the one withheld part', () => {
    // c1 (3) is withheld, so c2 (7) goes with it in their column; in c2's own row c2 + 0 = t would
    // give c2 back, and no non-zero part is left there: the total t is withheld instead.
    const values = map({ c1: 3, c2: 7, ct: 10, y: 0, t: 7 });
    const hidden = suppressCells(values, [
      { total: 'ct', parts: ['c1', 'c2'] },
      { total: 't', parts: ['c2', 'y'] },
    ]);
    expect([...hidden].sort()).toEqual(['c1', 'c2', 't']);
  });

  it('follows a withheld cell into every group it belongs to until none has exactly one', () => {
    // Two counties (K, L) under a city (C), cells applied (a) and ex officio (x) + other routes (o).
    const values = map({
      'K|a': 10,
      'K|x': 3,
      'K|o': 7,
      'L|a': 20,
      'L|x': 12,
      'L|o': 8,
      'C|a': 30,
      'C|x': 15,
      'C|o': 15,
    });
    const groups = ['K', 'L', 'C']
      .map((r) => ({ total: `${r}|a`, parts: [`${r}|x`, `${r}|o`] }))
      .concat(['a', 'x', 'o'].map((k) => ({ total: `C|${k}`, parts: [`K|${k}`, `L|${k}`] })));
    const hidden = suppressCells(values, groups);
    // K|x (3) → K|o (row) and L|x (column) → L|o (row; and column o now has K|o and L|o) → C|x? no:
    // column x has K|x and L|x withheld (two), row C has none withheld: done.
    expect([...hidden].sort()).toEqual(['K|o', 'K|x', 'L|o', 'L|x']);
    // Every group is left with zero or at least two withheld cells.
    for (const g of groups) {
      const n = [g.total, ...g.parts].filter((id) => hidden.has(id)).length;
      expect(n === 0 || n >= 2, JSON.stringify(g)).toBe(true);
    }
  });
});
