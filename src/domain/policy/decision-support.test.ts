import { describe, expect, it } from 'vitest';
import { checkDeparture, departsFromRecommendation } from './departure.ts';
import { evaluateWithPolicy } from './evaluate.ts';
import { resolvePolicy } from './inherit.ts';
import { SHIPPED_POLICIES } from './policies/index.ts';
import { quorumResult } from './quorum.ts';
import { factsWith } from './test-facts.ts';
import { validateFactsAgainstPolicy } from './validate-facts.ts';

const defaultPolicy = resolvePolicy(SHIPPED_POLICIES, 'default');

describe('validateFactsAgainstPolicy', () => {
  it.each([
    [{ situations: ['S2', 'S99'] }, 'situations[1]', 'S99'],
    [{ exclusions: ['X13'] }, 'exclusions[0]', 'X13'],
    [{ mitigating: ['M9'] }, 'mitigating[0]', 'M9'],
    [{ aggravating: ['A4'] }, 'aggravating[0]', 'A4'],
    [{ gates: { G9: true } }, 'gates.G9', 'G9'],
  ])('rejects an unknown item naming the field (%#)', (overrides, field, id) => {
    expect(() => validateFactsAgainstPolicy(factsWith(overrides), defaultPolicy)).toThrow(
      expect.objectContaining({
        code: 'facts.unknown_item',
        field,
        details: expect.objectContaining({ id }),
      }),
    );
  });

  it('accepts the facts when every id exists', () => {
    expect(() => validateFactsAgainstPolicy(factsWith({ mitigating: ['M4'] }), defaultPolicy)).not.toThrow();
  });
});

describe('departure from the recommendation', () => {
  const exempt = evaluateWithPolicy(factsWith(), defaultPolicy);
  const excluded = evaluateWithPolicy(factsWith({ exclusions: ['X4'] }), defaultPolicy);
  const toCorrect = evaluateWithPolicy(factsWith({ breachOutstanding: true }), defaultPolicy);

  it('needs a written reason whenever the class differs, in either direction', () => {
    expect(departsFromRecommendation(exempt, 'exempt')).toBe(false);
    expect(departsFromRecommendation(exempt, 'refuse')).toBe(true);
    expect(departsFromRecommendation(excluded, 'mitigate')).toBe(true);
  });

  it('flags tolerance despite an exclusion-list hit', () => {
    expect(checkDeparture(excluded, { outcome: 'mitigate' })).toEqual({
      departs: true,
      exclusionOverride: true,
      exclusionsHit: ['X4'],
      correctionOmitted: false,
      reasonRequired: true,
    });
    expect(checkDeparture(excluded, { outcome: 'refuse' }).reasonRequired).toBe(false);
  });

  it('needs a reason when recommended correction is not ordered', () => {
    expect(checkDeparture(toCorrect, { outcome: 'exempt', correctionOrdered: false })).toMatchObject({
      departs: false,
      correctionOmitted: true,
      reasonRequired: true,
    });
    expect(checkDeparture(toCorrect, { outcome: 'exempt', correctionOrdered: true }).reasonRequired).toBe(
      false,
    );
  });
});

describe('quorum', () => {
  const { quorum } = defaultPolicy;

  it('needs two thirds present', () => {
    expect(quorumResult(quorum, { members: 9, present: 6, inFavour: 6 }).quorate).toBe(true);
    expect(quorumResult(quorum, { members: 9, present: 5, inFavour: 5 }).quorate).toBe(false);
  });

  it('passes with more than half of the members entitled to attend (应到会成员超过半数)', () => {
    expect(quorumResult(quorum, { members: 9, present: 7, inFavour: 5 }).passed).toBe(true);
    expect(quorumResult(quorum, { members: 10, present: 7, inFavour: 5 }).passed).toBe(false);
    expect(
      quorumResult({ ...quorum, passBase: 'present' }, { members: 10, present: 7, inFavour: 4 }).passed,
    ).toBe(true);
  });
});
