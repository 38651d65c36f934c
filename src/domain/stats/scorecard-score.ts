/**
 * Scores and ranks (实施力度评分): each scored indicator is normalised within the compared set of
 * jurisdictions by min–max, direction-aware, to 0–100 —
 *     higher is better: 100 × (x − min) / (max − min)
 *     lower is better:  100 × (max − x) / (max − min)
 * — so the best in the set scores 100 and the weakest 0 on that indicator. The composite is the
 * weighted mean of a jurisdiction's indicator scores over the indicators it was rated on (weights
 * re-scaled to those), and the set is ranked by it (ties share a rank: 1, 2, 2, 4).
 *
 * Not rated (left out of min, max and the composite) are figures that are missing (nothing to compute
 * them from) or withheld for small numbers: a score must never depend on a withheld figure, or the
 * score would give it away. An indicator that does not tell the set apart (fewer than two rated
 * values, or all equal) is left out for all. A jurisdiction rated on less than half the total weight
 * gets no composite and no rank ("insufficient data") rather than a score resting on one or two figures.
 */
import { INDICATORS, RATED_KEYS, type IndicatorKey } from './scorecard-indicators.ts';
import { weightOf, type Weights } from './scorecard-weights.ts';

/** The share of the total weight a jurisdiction must be rated on to get a composite. */
export const MIN_RATED_WEIGHT_SHARE = 0.5;

/** One compared jurisdiction: its figures, or null where it is not rated on that indicator. */
export type RatedRow = { id: string; values: Partial<Record<IndicatorKey, number | null>> };

export type RowScore = {
  id: string;
  /** 0–100 per rated indicator (one decimal); null where not rated or the set is not told apart. */
  scores: Record<IndicatorKey, number | null>;
  /** Weighted mean of the scores (one decimal); null with too little rated. */
  composite: number | null;
  /** 1 = best; null without a composite. */
  rank: number | null;
  /** The weight the composite rests on, out of the total. */
  ratedWeight: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Min–max score of `x` within [min, max] in the indicator's direction. */
export function minMaxScore(x: number, min: number, max: number, direction: 'higher' | 'lower'): number {
  const share = (x - min) / (max - min);
  return round1(100 * (direction === 'higher' ? share : 1 - share));
}

/** Competition ranking of values, best (highest) first: equal values share a rank. */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
}

export function scoreRows(rows: readonly RatedRow[], weights: Weights): RowScore[] {
  const scores = rows.map(() => ({}) as Record<IndicatorKey, number | null>);
  for (const key of Object.keys(INDICATORS) as IndicatorKey[]) {
    const direction = INDICATORS[key].direction;
    const rated = rows.map((r) => r.values[key] ?? null);
    const present = rated.filter((v): v is number => v !== null);
    const min = Math.min(...present);
    const max = Math.max(...present);
    const apart = direction !== 'neutral' && present.length >= 2 && max > min;
    rated.forEach((v, i) => {
      scores[i]![key] = apart && v !== null ? minMaxScore(v, min, max, direction) : null;
    });
  }
  const totalWeight = RATED_KEYS.reduce((sum, k) => sum + weightOf(weights, k), 0);
  const composites = scores.map((s) => {
    let weighted = 0;
    let ratedWeight = 0;
    for (const key of RATED_KEYS) {
      const w = weightOf(weights, key);
      const score = s[key];
      if (w > 0 && score !== null) {
        weighted += w * score;
        ratedWeight += w;
      }
    }
    const enough = totalWeight > 0 && ratedWeight >= MIN_RATED_WEIGHT_SHARE * totalWeight;
    return { composite: enough ? round1(weighted / ratedWeight) : null, ratedWeight };
  });
  const ranks = rankDescending(composites.map((c) => c.composite));
  return rows.map((r, i) => ({
    id: r.id,
    scores: scores[i]!,
    composite: composites[i]!.composite,
    rank: ranks[i]!,
    ratedWeight: composites[i]!.ratedWeight,
  }));
}
