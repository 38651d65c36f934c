import type { Outcome, Recommendation } from './types.ts';

/** How a collective decision relates to the engine's recommendation. */
export type DepartureCheck = {
  /** The decided class differs from the recommended one: a written reason is required. */
  departs: boolean;
  /** Exemption or mitigation despite exclusion-list hits: flagged, and a justification is required. */
  exclusionOverride: boolean;
  exclusionsHit: string[];
  /** Correction was recommended but the decision orders none: a written reason is required. */
  correctionOmitted: boolean;
  /** Any of the above: the decision cannot be recorded without a written reason. */
  reasonRequired: boolean;
};

/** True when the decided class differs from the recommendation (either way), which needs a written reason. */
export function departsFromRecommendation(
  recommendation: Pick<Recommendation, 'recommendation'>,
  decided: Outcome,
): boolean {
  return recommendation.recommendation !== decided;
}

/**
 * Everything a decision must justify against the recommendation: a different class, tolerance
 * despite an exclusion-list hit (never blocked, but flagged, DOMAIN §3.5), and an omitted correction.
 */
export function checkDeparture(
  recommendation: Recommendation,
  decided: { outcome: Outcome; correctionOrdered?: boolean },
): DepartureCheck {
  const departs = departsFromRecommendation(recommendation, decided.outcome);
  const exclusionOverride = recommendation.exclusionsHit.length > 0 && decided.outcome !== 'refuse';
  const correctionOmitted = recommendation.correctionRequired && decided.correctionOrdered === false;
  return {
    departs,
    exclusionOverride,
    exclusionsHit: [...recommendation.exclusionsHit],
    correctionOmitted,
    reasonRequired: departs || exclusionOverride || correctionOmitted,
  };
}
