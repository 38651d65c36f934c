import { describe, expect, it } from 'vitest';
import { signatureOf } from './signature.ts';
import { rankCandidates, structuralSimilarity, textSimilarity, type Candidate } from './similarity.ts';

const GATES = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7'];
const MET = { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true } as const;
const sig = (gates: Record<string, unknown>, situations: string[] = ['S3'], exclusions: string[] = []) =>
  signatureOf({ gates: gates as never, situations, exclusions }, GATES);

describe('structured similarity', () => {
  it('gives 1,000 points to the same gates, situations and exclusions', () => {
    const s = structuralSimilarity(sig(MET), sig(MET));
    expect(s).toMatchObject({ points: 1000, identical: true, gatesDiffer: [], situationsShared: ['S3'] });
  });

  it('weighs each part as documented, rounding each part down', () => {
    // One gate of seven differs: ⌊500 × 6/7⌋ = 428; situations {S2,S3} vs {S3}: ⌊250 × 1/2⌋ = 125;
    // exclusions {X1} vs {}: 0.
    const s = structuralSimilarity(sig({ ...MET, G3: 'no' }, ['S2', 'S3'], ['X1']), sig(MET));
    expect(s.parts).toEqual({ gates: 428, situations: 125, exclusions: 0 });
    expect(s.points).toBe(553);
    expect(s.gatesDiffer).toEqual(['G3']);
    expect(s.identical).toBe(false);
  });

  it('is symmetric and treats a gate only one policy has as unknown in the other', () => {
    const a = signatureOf({ gates: { ...MET, G8: true }, situations: ['S3'], exclusions: [] }, [
      ...GATES,
      'G8',
    ]);
    const b = sig(MET);
    expect(structuralSimilarity(a, b)).toEqual(structuralSimilarity(b, a));
    expect(structuralSimilarity(a, b).gatesDiffer).toEqual(['G8']);
    expect(structuralSimilarity(a, b).parts.gates).toBe(Math.floor((500 * 7) / 8));
  });

  it('an unknown gate differs from a met one, and both empty lists agree fully', () => {
    const s = structuralSimilarity(sig({ ...MET, G5: undefined }, [], []), sig(MET, [], []));
    expect(s.gatesDiffer).toEqual(['G5']);
    expect(s.parts.situations).toBe(250);
    expect(s.parts.exclusions).toBe(250);
  });
});

describe('text similarity', () => {
  it('is the cosine of the term sets', () => {
    expect(textSimilarity(2, 4, 9)).toBeCloseTo(2 / 6, 10);
    expect(textSimilarity(0, 4, 9)).toBe(0);
    expect(textSimilarity(3, 0, 9)).toBe(0);
    expect(textSimilarity(5, 5, 5)).toBe(1);
  });
});

describe('ranking', () => {
  const target = { signature: sig(MET), terms: 10 };
  const c = (id: string, s = sig(MET), shared = 0, decidedOn = '2025-06-01'): Candidate => ({
    id,
    signature: s,
    sharedTerms: shared,
    terms: 10,
    decidedOn,
  });

  it('puts the same structure first, then the closer text', () => {
    const ranked = rankCandidates(target, [
      c('gate-off-text-perfect', sig({ ...MET, G3: 'no' }), 10),
      c('same-little-text', sig(MET), 2),
      c('same-more-text', sig(MET), 6),
      c('other-situation', sig(MET, ['S5']), 9),
    ]);
    expect(ranked.map((r) => r.candidate.id)).toEqual([
      'same-more-text',
      'same-little-text',
      'gate-off-text-perfect',
      'other-situation',
    ]);
    expect(ranked[0]!.text).toBeCloseTo(0.6, 10);
  });

  it('breaks ties by the later decision, then by id, and keeps each candidate once', () => {
    const ranked = rankCandidates(target, [
      c('b', sig(MET), 3, '2025-01-01'),
      c('a', sig(MET), 3, '2025-01-01'),
      c('c', sig(MET), 3, '2025-03-01'),
      c('a', sig({ G1: false }), 0, '2020-01-01'),
    ]);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['c', 'a', 'b']);
    // The first of a repeated id is kept: 'a' ranked with its first signature.
    expect(ranked[1]!.structure.identical).toBe(true);
  });

  it('gives the same order whatever order the candidates come in', () => {
    const list = [c('x', sig(MET), 1), c('y', sig(MET), 1), c('z', sig(MET, ['S1']), 9), c('w', sig(MET), 4)];
    const once = rankCandidates(target, list).map((r) => r.candidate.id);
    expect(rankCandidates(target, [...list].reverse()).map((r) => r.candidate.id)).toEqual(once);
  });
});
