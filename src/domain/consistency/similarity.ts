/**
 * How similar two determinations are, and the order similar decided matters are shown in.
 *
 * Structured similarity first, in whole points out of 1,000 (integers, so ties are exact):
 * - gates, 500 points × the share of gates in the same state (met / failed / unknown), over the gates
 *   of both (a gate only one policy has counts as unknown in the other);
 * - situations, 250 points × their Jaccard overlap |A∩B| / |A∪B| (both empty: 250);
 * - exclusions, 250 points × their Jaccard overlap (both empty: 250).
 * Each part is rounded down. Gates weigh most because they decide the outcome class (FACTS.md rules
 * 1, 3 and 5); an exclusion decides it too (rule 2), and which situation applies matters least.
 *
 * Then text similarity of the facts (the account and the established findings): the cosine of the
 * two term sets, |A∩B| / √(|A|·|B|), in [0, 1]. It only orders matters whose structure ties.
 *
 * Ranking: structure (higher first), text (higher first), decided later first, id — a total order, so
 * the same data always gives the same list.
 */
import type { GateState, Signature } from './signature.ts';
import { compareItemIds } from './signature.ts';

export const STRUCTURE_POINTS = { gates: 500, situations: 250, exclusions: 250 } as const;
export const MAX_STRUCTURE_POINTS = 1000;

export type StructuralSimilarity = {
  /** 0–1000. */
  points: number;
  parts: { gates: number; situations: number; exclusions: number };
  /** Gates whose state differs (ids, in order). */
  gatesDiffer: string[];
  situationsShared: string[];
  exclusionsShared: string[];
  /** Same state of every gate, same situations, same exclusions. */
  identical: boolean;
};

/** ⌊weight × shared / total⌋ in integer arithmetic (no float rounding at the boundaries). */
function share(weight: number, shared: number, total: number): number {
  return total === 0 ? weight : Math.floor((weight * shared) / total);
}

function overlap(a: readonly string[], b: readonly string[]): { shared: string[]; union: number } {
  const inB = new Set(b);
  const shared = [...new Set(a)].filter((x) => inB.has(x)).sort(compareItemIds);
  return { shared, union: new Set([...a, ...b]).size };
}

export function structuralSimilarity(a: Signature, b: Signature): StructuralSimilarity {
  const states = new Map<string, [GateState, GateState]>();
  for (const g of a.gates) states.set(g.id, [g.state, 'unknown']);
  for (const g of b.gates) states.set(g.id, [states.get(g.id)?.[0] ?? 'unknown', g.state]);
  const ids = [...states.keys()].sort(compareItemIds);
  const gatesDiffer = ids.filter((id) => states.get(id)![0] !== states.get(id)![1]);
  const situations = overlap(a.situations, b.situations);
  const exclusions = overlap(a.exclusions, b.exclusions);
  const parts = {
    gates: share(STRUCTURE_POINTS.gates, ids.length - gatesDiffer.length, ids.length),
    situations: share(STRUCTURE_POINTS.situations, situations.shared.length, situations.union),
    exclusions: share(STRUCTURE_POINTS.exclusions, exclusions.shared.length, exclusions.union),
  };
  const points = parts.gates + parts.situations + parts.exclusions;
  return {
    points,
    parts,
    gatesDiffer,
    situationsShared: situations.shared,
    exclusionsShared: exclusions.shared,
    identical: points === MAX_STRUCTURE_POINTS,
  };
}

/** Cosine of two term sets given their sizes and how many terms they share; 0 when either is empty. */
export function textSimilarity(shared: number, sizeA: number, sizeB: number): number {
  if (sizeA <= 0 || sizeB <= 0 || shared <= 0) return 0;
  return Math.min(1, shared / Math.sqrt(sizeA * sizeB));
}

/** A decided matter (or published typical case) as the ranking sees it. */
export type Candidate = {
  /** The matter's id: unique, the last tie-breaker. */
  id: string;
  signature: Signature;
  /** Terms the candidate's facts share with the target's, and how many terms the candidate has. */
  sharedTerms: number;
  terms: number;
  /** YYYY-MM-DD. */
  decidedOn: string;
};

export type Ranked<C extends Candidate> = {
  candidate: C;
  structure: StructuralSimilarity;
  text: number;
};

/** Higher structure, then higher text, then decided later, then id: a total order. */
export function compareRanked(a: Ranked<Candidate>, b: Ranked<Candidate>): number {
  return (
    b.structure.points - a.structure.points ||
    b.text - a.text ||
    (a.candidate.decidedOn < b.candidate.decidedOn
      ? 1
      : a.candidate.decidedOn > b.candidate.decidedOn
        ? -1
        : 0) ||
    (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0)
  );
}

/**
 * The candidates ranked against the target (signature and number of terms), best first; each
 * candidate once (the first of a repeated id is kept).
 */
export function rankCandidates<C extends Candidate>(
  target: { signature: Signature; terms: number },
  candidates: readonly C[],
): Ranked<C>[] {
  const seen = new Set<string>();
  const ranked: Ranked<C>[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    ranked.push({
      candidate,
      structure: structuralSimilarity(target.signature, candidate.signature),
      text: textSimilarity(candidate.sharedTerms, target.terms, candidate.terms),
    });
  }
  return ranked.sort(compareRanked);
}
