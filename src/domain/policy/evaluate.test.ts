import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { evaluate, evaluateWithPolicy } from './evaluate.ts';
import { resolvePolicy } from './inherit.ts';
import { SHIPPED_POLICIES } from './policies/index.ts';
import { ALL_GATES_MET, factsWith } from './test-facts.ts';
import type { Recommendation, RuleName } from './types.ts';

const NATIONAL = { jurisdictionChain: [], decisionDate: parseLocalDate('2025-06-01') };
const run = (overrides: Parameters<typeof factsWith>[0] = {}) =>
  evaluate(factsWith(overrides), SHIPPED_POLICIES, NATIONAL);
const rules = (result: Recommendation): RuleName[] => result.reasons.map((reason) => reason.rule);
const { G5: _g5, ...withoutG5 } = ALL_GATES_MET;

describe('the eight default rules', () => {
  it('7. recommends exemption when every gate holds, a situation applies and nothing excludes', () => {
    const result = run();
    expect(result).toMatchObject({
      recommendation: 'exempt',
      correctionRequired: false,
      policy: { id: 'default', version: '2019-06-01', jurisdiction: null },
      exclusionsHit: [],
      gatesFailed: [],
      gatesUnknown: [],
      situationsMatched: ['S2'],
    });
    expect(rules(result)).toEqual(['exempt']);
    expect(result.reasons[0]!.zh).toContain('S2');
    expect(result.reasons[0]!.clause).toContain('默认政策');
  });

  it('1. an unknown gate rules out exemption and names the gate', () => {
    const result = run({ gates: withoutG5 });
    expect(result.recommendation).toBe('mitigate');
    expect(result.gatesUnknown).toEqual(['G5']);
    expect(rules(result)).toEqual(['gates_unknown']);
    expect(result.reasons[0]!.zh).toContain('G5（未造成重大损失或恶劣社会影响）');
    expect(result.reasons[0]!.en).toContain('G5 (no major loss');
  });

  it('1. an unknown gate still yields refuse where a refuse rule applies', () => {
    const result = run({ gates: { ...withoutG5, G1: false } });
    expect(result.recommendation).toBe('refuse');
    expect(rules(result)).toEqual(['gates_unknown', 'gate_refuse']);
  });

  it('2. any exclusion refuses, citing each one, and wins over everything else', () => {
    const result = run({ exclusions: ['X6', 'X1'], mitigating: ['M1', 'M2', 'M3', 'M4'] });
    expect(result.recommendation).toBe('refuse');
    expect(result.exclusionsHit).toEqual(['X1', 'X6']);
    const exclusionReasons = result.reasons.filter((reason) => reason.rule === 'exclusion');
    expect(exclusionReasons.map((reason) => reason.clause)).toEqual([
      '默认政策第五条第（一）项',
      '默认政策第五条第（六）项',
    ]);
    expect(exclusionReasons[1]!.zh).toContain('弄虚作假');
    expect(rules(result)).not.toContain('exempt');
  });

  it.each(['G1', 'G2', 'G7'])('3. a failed refuse-gate %s refuses', (gate) => {
    const result = run({ gates: { ...ALL_GATES_MET, [gate]: false } });
    expect(result.recommendation).toBe('refuse');
    expect(result.gatesFailed).toEqual([gate]);
    expect(rules(result)).toEqual(['gate_refuse']);
  });

  it('4. no tolerable situation refuses', () => {
    const result = run({ situations: [] });
    expect(result.recommendation).toBe('refuse');
    expect(rules(result)).toEqual(['no_situation']);
  });

  it.each([
    ['G3', 'no'],
    ['G4', false],
    ['G5', false],
  ] as const)('5. a failed mitigate-gate %s mitigates', (gate, answer) => {
    const result = run({ gates: { ...ALL_GATES_MET, [gate]: answer } });
    expect(result.recommendation).toBe('mitigate');
    expect(result.gatesFailed).toEqual([gate]);
    expect(rules(result)).toEqual(['gate_mitigate']);
  });

  it('treats an emergency decision reported afterwards as meeting G3', () => {
    expect(run({ gates: { ...ALL_GATES_MET, G3: 'emergency_reported' } }).recommendation).toBe('exempt');
  });

  it('6. the default policy requires no pre-registration', () => {
    expect(run({ situations: ['S3'], preRegistration: 'not_filed' }).recommendation).toBe('exempt');
  });

  it('8. orders correction for an outstanding breach whatever the class', () => {
    const result = run({ breachOutstanding: true });
    expect(result).toMatchObject({ recommendation: 'exempt', correctionRequired: true });
    expect(rules(result)).toEqual(['exempt', 'correction_required']);
  });

  it('8. orders correction when G6 (remedial action) fails, which also mitigates', () => {
    const result = run({ gates: { ...ALL_GATES_MET, G6: false } });
    expect(result).toMatchObject({
      recommendation: 'mitigate',
      correctionRequired: true,
      gatesFailed: ['G6'],
    });
    expect(rules(result)).toEqual(['gate_mitigate', 'correction_required']);
    expect(result.reasons[1]!.zh).toContain('G6');
  });

  it('the strongest rule wins and every rule that fired is listed', () => {
    const result = run({
      gates: { ...ALL_GATES_MET, G4: false, G2: false },
      situations: [],
      breachOutstanding: true,
    });
    expect(result.recommendation).toBe('refuse');
    expect(rules(result)).toEqual(['gate_refuse', 'no_situation', 'gate_mitigate', 'correction_required']);
  });

  it('weighing circumstances only add reasons', () => {
    const result = run({ mitigating: ['M1'], aggravating: ['A2'] });
    expect(result.recommendation).toBe('exempt');
    expect(rules(result)).toEqual(['exempt', 'mitigating', 'aggravating']);
    expect(result.reasons[2]!.clause).toContain('第十九条');
  });

  it('gives every reason a clause and a Chinese and an English sentence', () => {
    const result = run({
      gates: { G1: false, G3: 'no' },
      exclusions: ['X3'],
      situations: [],
      breachOutstanding: true,
    });
    for (const reason of result.reasons) {
      expect(reason.clause.length).toBeGreaterThan(0);
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/^[\x20-\x7e\u2018-\u201d]+$/);
    }
  });
});

describe('FACTS.md worked examples', () => {
  it('C02 village secretary lends collective funds: exempt, no correction', () => {
    expect(run({ situations: ['S3'] })).toMatchObject({
      recommendation: 'exempt',
      correctionRequired: false,
    });
  });

  it('C03 guarantee-centre loan not repaid: exempt + correction (G6 established as met)', () => {
    const result = run({ situations: ['S4'], breachOutstanding: true });
    expect(result).toMatchObject({
      recommendation: 'exempt',
      correctionRequired: true,
      situationsMatched: ['S4'],
    });
  });

  it('C03 with G6 left out, as the FACTS.md row reads: no exemption while a gate is unknown', () => {
    const { G6: _g6, ...withoutG6 } = ALL_GATES_MET;
    const result = run({ gates: withoutG6, situations: ['S4'], breachOutstanding: true });
    expect(result).toMatchObject({
      recommendation: 'mitigate',
      gatesUnknown: ['G6'],
      correctionRequired: true,
    });
  });

  it('C05 village venues without full tendering: exempt + correction', () => {
    expect(run({ situations: ['S3'], breachOutstanding: true })).toMatchObject({
      recommendation: 'exempt',
      correctionRequired: true,
    });
  });

  it('C07 ponds dredged without filing, under the Yichang policy: mitigate', () => {
    const facts = factsWith({
      conductDate: '2022-11-01',
      jurisdiction: 'YC',
      situations: ['S3'],
      preRegistration: 'not_filed',
    });
    const result = evaluate(facts, SHIPPED_POLICIES, {
      jurisdictionChain: ['YC'],
      decisionDate: parseLocalDate('2023-06-01'),
    });
    expect(result).toMatchObject({
      recommendation: 'mitigate',
      correctionRequired: false,
      policy: { id: 'yichang-example', version: '2021-01-01', jurisdiction: 'YC' },
      situationsMatched: ['S3'],
    });
    expect(rules(result)).toEqual(['pre_registration_missing']);
    expect(result.reasons[0]!.zh).toContain('S3');
  });

  it('C07 facts under the default policy would be exempt: the difference is the policy', () => {
    expect(run({ situations: ['S3'], preRegistration: 'not_filed' }).recommendation).toBe('exempt');
  });

  it('C16 pension quotas without collective discussion: refuse', () => {
    const result = run({ gates: { ...ALL_GATES_MET, G1: false, G3: 'no' }, situations: ['S3'] });
    expect(result).toMatchObject({ recommendation: 'refuse', gatesFailed: ['G1', 'G3'] });
    expect(rules(result)).toEqual(['gate_refuse', 'gate_mitigate']);
    const partial = run({ gates: { G1: false, G3: 'no' }, situations: ['S3'] });
    expect(partial).toMatchObject({ recommendation: 'refuse', gatesUnknown: ['G2', 'G4', 'G5', 'G6', 'G7'] });
  });
});

describe('evaluateWithPolicy', () => {
  it('names items the version does not list instead of silently dropping them', () => {
    const k2019 = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2019-06-01');
    const result = evaluateWithPolicy(factsWith({ situations: ['S9'] }), k2019);
    expect(result.recommendation).toBe('refuse');
    expect(rules(result)).toEqual(['no_situation', 'not_in_version']);
    expect(result.reasons[1]!.zh).toContain('S9');
  });
});
