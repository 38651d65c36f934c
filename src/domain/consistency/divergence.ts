/**
 * 偏离提示 — the divergence alert: a proposed or decided outcome that differs from what most of the
 * nearest decided matters received is shown before the decision and recorded with it, and going on
 * needs a short written reason (DESIGN §3.2: humans decide, departures are explained).
 *
 * The rule: take the k = 5 nearest decided matters (ranked as similarity.ts ranks them) among those
 * that match the matter in every fact the policy's rules decide the outcome class by — the state of
 * each gate and the exclusion-list items (FACTS.md rules 1–5); they may differ in which tolerable
 * situation applies and in the text. With at least 3 such neighbours, the outcome more than half of
 * them received is the settled practice; an outcome other than it diverges. With fewer neighbours,
 * or no outcome held by more than half, there is no settled practice to diverge from, and no alert.
 * (A neighbour that differs in a gate is shown beside the determination but never counted: refusing
 * a matter whose G1 failed is not a divergence from exempting ones where it held.)
 */
import { DomainError } from '../errors.ts';
import { OUTCOME_LABELS } from '../case-library/procedure.ts';
import { OUTCOME_ORDER, type Outcome } from '../policy/types.ts';
import { STRUCTURE_POINTS, type StructuralSimilarity } from './similarity.ts';

export const DIVERGENCE_RULE = { k: 5, minNeighbours: 3 } as const;
export type DivergenceRule = { k: number; minNeighbours: number };

export type Neighbour = {
  /** The matter's id (a typical case is its matter's). */
  id: string;
  kind: 'matter' | 'case';
  outcome: Outcome;
  /** Structured similarity, 0–1000. */
  points: number;
  /** Same state of every gate and the same exclusions as the matter: what the rule counts. */
  decisive: boolean;
};

export type OutcomeMix = Record<Outcome, number>;

/** What the rule finds for a matter: the neighbours it counted, their outcomes, the majority. */
export type Practice = {
  rule: DivergenceRule;
  neighbours: Neighbour[];
  mix: OutcomeMix;
  /** The outcome more than half the neighbours received; null when there is none or too few neighbours. */
  majority: Outcome | null;
};

/** Whether a neighbour matches in every fact the rule counts on: each gate's state and the exclusions. */
export function decisiveMatch(s: Pick<StructuralSimilarity, 'gatesDiffer' | 'parts'>): boolean {
  return s.gatesDiffer.length === 0 && s.parts.exclusions === STRUCTURE_POINTS.exclusions;
}

/** `ranked` best first (as `rankCandidates` returns them). */
export function practiceOf(ranked: readonly Neighbour[], rule: DivergenceRule = DIVERGENCE_RULE): Practice {
  const neighbours = ranked.filter((n) => n.decisive).slice(0, rule.k);
  const mix: OutcomeMix = { exempt: 0, mitigate: 0, refuse: 0 };
  for (const n of neighbours) mix[n.outcome] += 1;
  const enough = neighbours.length >= rule.minNeighbours;
  const majority = enough ? (OUTCOME_ORDER.find((o) => mix[o] * 2 > neighbours.length) ?? null) : null;
  return { rule: { ...rule }, neighbours, mix, majority };
}

export function diverges(practice: Practice, outcome: Outcome): boolean {
  return practice.majority !== null && practice.majority !== outcome;
}

/** Divergence for each outcome the deciders might choose (what the form shows before they choose). */
export function divergenceByOutcome(practice: Practice): Record<Outcome, boolean> {
  return {
    exempt: diverges(practice, 'exempt'),
    mitigate: diverges(practice, 'mitigate'),
    refuse: diverges(practice, 'refuse'),
  };
}

/** The check as recorded with the proposal or the decision (and in its audit event). */
export type ConsistencyRecord = {
  rule: DivergenceRule;
  /** The neighbours counted: ids, kinds, outcomes and points. */
  neighbours: Neighbour[];
  mix: OutcomeMix;
  majority: Outcome | null;
  /** The outcome proposed or decided. */
  outcome: Outcome;
  diverges: boolean;
  /** The deciders' reason for diverging; null when the outcome does not diverge. */
  reason: string | null;
  /** At the decision: the outcome the proposal (认定意见) named, beside the one decided. */
  proposed?: Outcome | null;
};

/** Longest reason kept: a short explanation, not a second analysis. */
export const DIVERGENCE_REASON_MAX = 2000;

/**
 * Checks an outcome against the practice. A diverging outcome needs a reason: `reason` as written
 * now, or `fallback` (e.g. the reason the proposal gave for the same outcome).
 * @throws DomainError('matter.divergence_reason_required') on field `divergenceReason`, with the
 *   majority and the outcome mix, when the outcome diverges and no reason is given.
 */
export function consistencyRecord(
  practice: Practice,
  outcome: Outcome,
  reason: string | undefined,
  fallback: string | null = null,
): ConsistencyRecord {
  const divergent = diverges(practice, outcome);
  const given = reason?.trim() || fallback?.trim() || null;
  if (divergent && !given) {
    throw new DomainError(
      'matter.divergence_reason_required',
      {
        outcome: OUTCOME_LABELS[outcome].zh,
        outcomeEn: OUTCOME_LABELS[outcome].en,
        majority: OUTCOME_LABELS[practice.majority!].zh,
        majorityEn: OUTCOME_LABELS[practice.majority!].en,
        count: practice.mix[practice.majority!],
        neighbours: practice.neighbours.length,
      },
      'divergenceReason',
    );
  }
  return {
    rule: practice.rule,
    neighbours: practice.neighbours,
    mix: practice.mix,
    majority: practice.majority,
    outcome,
    diverges: divergent,
    reason: divergent ? given : null,
  };
}
