import { describe, expect, it } from 'vitest';
import { minMaxScore, rankDescending, scoreRows } from './scorecard-score.ts';
import { DEFAULT_WEIGHTS, validateWeights } from './scorecard-weights.ts';
import { DomainError } from '../errors.ts';

describe('normalisation and ranking', () => {
  it('scores min–max in the indicator’s direction', () => {
    expect(minMaxScore(30, 10, 50, 'higher')).toBe(50);
    expect(minMaxScore(10, 10, 50, 'higher')).toBe(0);
    expect(minMaxScore(50, 10, 50, 'higher')).toBe(100);
    // Lower is better (overdue share, days): the smallest gets 100.
    expect(minMaxScore(10, 10, 50, 'lower')).toBe(100);
    expect(minMaxScore(20, 10, 40, 'lower')).toBe(66.7);
  });

  it('ranks best first, equal composites sharing a rank, unranked last', () => {
    expect(rankDescending([70, 90, 70, null, 10])).toEqual([2, 1, 2, null, 4]);
  });

  it('computes the weighted composite over the indicators each row is rated on', () => {
    const weights = { applicationsPer1000: 2, overdueShare: 1, reversalShare: 1 };
    const rows = scoreRows(
      [
        // per 1,000: 4 → 100; overdue 10% → 100 (lowest); reversal not rated.
        { id: 'K', values: { applicationsPer1000: 4, overdueShare: 10, reversalShare: null } },
        // 1 → 0; 30% → 0; reversal 20% (alone: does not tell the set apart).
        { id: 'L', values: { applicationsPer1000: 1, overdueShare: 30, reversalShare: 20 } },
        // 2.5 → 50; 20% → 50.
        { id: 'M', values: { applicationsPer1000: 2.5, overdueShare: 20 } },
      ],
      weights,
    );
    expect(
      rows.map((r) => [r.id, r.scores.applicationsPer1000, r.scores.overdueShare, r.scores.reversalShare]),
    ).toEqual([
      ['K', 100, 100, null],
      ['L', 0, 0, null],
      ['M', 50, 50, null],
    ]);
    // (2×100 + 1×100) / 3 = 100; L: 0; M: 50. Rated weight 3 of 4 ≥ half.
    expect(rows.map((r) => [r.composite, r.rank, r.ratedWeight])).toEqual([
      [100, 1, 3],
      [0, 3, 3],
      [50, 2, 3],
    ]);
  });

  it('gives no composite to a row rated on less than half the weight, and ignores neutral figures', () => {
    const rows = scoreRows(
      [
        { id: 'A', values: { applicationsPer1000: 4, overdueShare: 10, exemptShare: 90 } },
        { id: 'B', values: { applicationsPer1000: 2, overdueShare: null, exemptShare: 10 } },
      ],
      { applicationsPer1000: 1, overdueShare: 3 },
    );
    expect(rows[0]!.scores.exemptShare).toBeNull();
    // Overdue tells nothing apart with one rated value: A rests on 1 of 4 → no composite either.
    expect(rows.map((r) => r.composite)).toEqual([null, null]);
    expect(rows.map((r) => r.rank)).toEqual([null, null]);
  });

  it('leaves out an indicator on which every rated row is equal', () => {
    const rows = scoreRows(
      [
        { id: 'A', values: { acceptanceOnTime: 100, applicationsPer1000: 3 } },
        { id: 'B', values: { acceptanceOnTime: 100, applicationsPer1000: 1 } },
      ],
      { acceptanceOnTime: 1, applicationsPer1000: 1 },
    );
    expect(rows.map((r) => r.scores.acceptanceOnTime)).toEqual([null, null]);
    expect(rows.map((r) => r.composite)).toEqual([100, 0]);
  });
});

describe('weights', () => {
  it('defaults add up to 100 and score only directional indicators', () => {
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + (b ?? 0), 0)).toBe(100);
    expect(() => validateWeights(DEFAULT_WEIGHTS)).not.toThrow();
  });

  it('refuses weights on neutral figures, fractions, negatives and all zeros', () => {
    const code = (w: Record<string, unknown>) => {
      try {
        validateWeights(w);
        return 'ok';
      } catch (e) {
        return e instanceof DomainError ? `${e.code}:${e.field ?? ''}` : String(e);
      }
    };
    expect(code({ exemptShare: 5 })).toBe('stats.weights_invalid:exemptShare');
    expect(code({ overdueShare: 1.5 })).toBe('stats.weights_invalid:overdueShare');
    expect(code({ overdueShare: -1 })).toBe('stats.weights_invalid:overdueShare');
    expect(code({ overdueShare: 101 })).toBe('stats.weights_invalid:overdueShare');
    expect(code({ overdueShare: 0 })).toBe('stats.weights_invalid:weights');
    expect(code({ overdueShare: 3 })).toBe('ok');
  });
});
