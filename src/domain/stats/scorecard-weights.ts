/**
 * The composite score's weights: policy-like data. The defaults below are the product's starting
 * point; a city or province commission sets its own for the comparisons it makes (stored with an
 * effective date, inherited by the jurisdictions under it, the nearest one winning), so a change of
 * weights never rewrites past scorecards' meaning silently: the scorecard names the weights it used.
 *
 * Why these defaults (the K County study's failures, DOMAIN §11.3): few applications and "partial
 * idling" (applications per 1,000 cadres, 15), ex officio screening of every accountability case
 * (10), the procedure's time limits kept (overdue share 15, acceptance 10, days per step 10),
 * decisions that hold on appeal (10), and the companion mechanisms actually done — correction,
 * name clearing, follow-up visits (10 each): "heavy on tolerance, light on correction" is a failure.
 * Outcome mix is shown but never scored: a high or low exemption rate is neither good nor bad.
 */
import { DomainError } from '../errors.ts';
import { RATED_KEYS, type IndicatorKey } from './scorecard-indicators.ts';

export type Weights = Partial<Record<IndicatorKey, number>>;

export const DEFAULT_WEIGHTS: Weights = {
  applicationsPer1000: 15,
  exOfficioShare: 10,
  acceptanceOnTime: 10,
  daysPerStep: 10,
  daysAcceptance: 0,
  daysVerification: 0,
  daysDecision: 0,
  overdueShare: 15,
  reversalShare: 10,
  correctionsOnTime: 10,
  namesOnTime: 10,
  visitsOnTime: 10,
};

export const MAX_WEIGHT = 100;

/** Checks a set of weights: only scored indicators, whole numbers 0–100, at least one above zero. */
export function validateWeights(weights: Record<string, unknown>): Weights {
  const out: Weights = {};
  for (const [key, value] of Object.entries(weights)) {
    if (!(RATED_KEYS as string[]).includes(key))
      throw new DomainError(
        'stats.weights_invalid',
        { reason: `不能为“${key}”设置权重`, reasonEn: `no weight can be set for "${key}"` },
        key,
      );
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_WEIGHT)
      throw new DomainError(
        'stats.weights_invalid',
        {
          reason: `“${key}”的权重应为 0–${MAX_WEIGHT} 的整数`,
          reasonEn: `the weight of "${key}" must be a whole number from 0 to ${MAX_WEIGHT}`,
        },
        key,
      );
    out[key as IndicatorKey] = value;
  }
  if (Object.values(out).every((w) => !w))
    throw new DomainError(
      'stats.weights_invalid',
      { reason: '至少一项指标的权重应大于 0', reasonEn: 'at least one weight must be above zero' },
      'weights',
    );
  return out;
}

/** The weight of each scored indicator (missing ones count as zero). */
export function weightOf(weights: Weights, key: IndicatorKey): number {
  return weights[key] ?? 0;
}
