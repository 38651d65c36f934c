import { describe, expect, it } from 'vitest';
import { binomialUpperTail, mixTable, scopeRate, shieldTests, type GroupCounts } from './shield.ts';

describe('binomial upper tail', () => {
  it('matches values computed by hand', () => {
    // P(X ≥ 9 | n = 10, p = ½) = (C(10,9) + C(10,10)) / 2¹⁰ = 11/1024.
    expect(binomialUpperTail(9, 10, 0.5)).toBeCloseTo(11 / 1024, 12);
    // P(X ≥ 5 | n = 5, p = 0.6) = 0.6⁵.
    expect(binomialUpperTail(5, 5, 0.6)).toBeCloseTo(0.07776, 12);
    // P(X ≥ 1 | n = 3, p = 0.2) = 1 − 0.8³.
    expect(binomialUpperTail(1, 3, 0.2)).toBeCloseTo(1 - 0.512, 12);
  });

  it('handles the edges and large n', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 10, 0)).toBe(0);
    expect(binomialUpperTail(3, 10, 1)).toBe(1);
    const big = binomialUpperTail(5200, 10_000, 0.5);
    expect(big).toBeGreaterThan(0);
    expect(big).toBeLessThan(0.0001);
  });
});

describe('tolerance used as a shield', () => {
  const g = (key: string, exempt: number, mitigate: number, refuse: number): GroupCounts => ({
    key,
    exempt,
    mitigate,
    refuse,
  });

  it('flags a group far above the rest of the scope, and not one near it', () => {
    const groups = [g('shield', 12, 0, 0), g('a', 5, 1, 6), g('b', 4, 2, 6), g('c', 2, 1, 5)];
    const tests = shieldTests(groups);
    const shield = tests.find((t) => t.key === 'shield')!;
    // Rest of the scope: 15 tolerated of 32 → p₀ = 0.46875; p = p₀¹² ≈ 0.000110 < 0.05 / 4.
    expect(shield.norm).toBeCloseTo(15 / 32, 12);
    expect(shield.pValue).toBeCloseTo((15 / 32) ** 12, 12);
    expect(shield.flagged).toBe(true);
    expect(tests.filter((t) => t.flagged).map((t) => t.key)).toEqual(['shield']);
    expect(scopeRate(groups)).toBeCloseTo(27 / 44, 12);
  });

  it('needs both significance and a large difference, and at least five decided', () => {
    // Significant but only 0.1 above: not flagged.
    const close = shieldTests([g('x', 600, 0, 400), g('rest', 5000, 0, 5000)]);
    expect(close[0]!.pValue!).toBeLessThan(0.0001);
    expect(close[0]!.flagged).toBe(false);
    // Four of four tolerated where the rest tolerate none: below five decided, not tested.
    const small = shieldTests([g('tiny', 4, 0, 0), g('rest', 0, 0, 20)]);
    expect(small[0]).toMatchObject({ pValue: null, flagged: false });
    // One group is the whole scope: nothing to compare with.
    expect(shieldTests([g('only', 10, 0, 0)])[0]).toMatchObject({ norm: null, flagged: false });
  });

  it('withholds counts of 1–4, a second cell wherever a total would give one back, and the rate with them', () => {
    const groups = [g('u', 10, 3, 2), g('v', 0, 0, 30), g('w', 6, 0, 9)];
    const table = mixTable(groups, true);
    const rows = [...table.rows, table.total];
    // Primary: u's mitigate 3 and refuse 2 and the scope's mitigate 3.
    expect(table.rows[0]!.outcomes).toMatchObject({ mitigate: '<5', refuse: '<5' });
    expect(table.total.outcomes.mitigate).toBe('<5');
    // Complementary: no row (exempt + mitigate + refuse = decided) and no column (the groups add up
    // to the scope) is left with exactly one withheld cell, which subtraction would give back.
    const cells = (r: (typeof rows)[number]) => [
      r.decided,
      r.outcomes.exempt,
      r.outcomes.mitigate,
      r.outcomes.refuse,
    ];
    for (const r of rows) expect(cells(r).filter((c) => c === '<5').length).not.toBe(1);
    for (let c = 0; c < 4; c += 1)
      expect(rows.map((r) => cells(r)[c]).filter((x) => x === '<5').length).not.toBe(1);
    // Zero is shown; shown cells are the true counts.
    expect(table.rows[1]).toMatchObject({
      decided: 30,
      outcomes: { exempt: 0, mitigate: 0, refuse: 30 },
      rate: 0,
    });
    for (const [i, group] of groups.entries()) {
      const r = table.rows[i]!;
      for (const o of ['exempt', 'mitigate', 'refuse'] as const)
        if (r.outcomes[o] !== '<5') expect(r.outcomes[o]).toBe(group[o]);
      // The rate goes with the decided or refused count it would give back, and only then.
      const hidden = r.decided === '<5' || r.outcomes.refuse === '<5';
      expect(r.rate === '<5').toBe(hidden);
    }
    expect(table.rows[0]).toMatchObject({ decided: 15, rate: '<5', flagged: true });
    // The p-value would give the counts back (it is a function of n, x and the norm): withheld too.
    expect(table.rows[0]!.pValue).toBeNull();
    expect(mixTable(groups, false).rows[0]!.pValue).not.toBeNull();
    const open = mixTable(groups, false);
    expect(open.rows[0]).toMatchObject({ outcomes: { mitigate: 3, refuse: 2 }, rate: 0.867 });
    expect(open.total).toEqual({
      decided: 60,
      outcomes: { exempt: 16, mitigate: 3, refuse: 41 },
      rate: 0.317,
    });
  });
});
