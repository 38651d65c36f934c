import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { evaluate } from './evaluate.ts';
import { DEFAULT_POLICY } from './policies/default.ts';
import { SHIPPED_POLICIES } from './policies/index.ts';
import { policyInForce } from './select-version.ts';
import { factsWith } from './test-facts.ts';
import type { DerivedPolicyDefinition } from './types.ts';

const K = ['K', 'S01', 'S'];
const inK = (conductDate: string, decisionDate: string, overrides: Parameters<typeof factsWith>[0] = {}) =>
  evaluate(factsWith({ conductDate, jurisdiction: 'K', ...overrides }), SHIPPED_POLICIES, {
    jurisdictionChain: K,
    decisionDate: parseLocalDate(decisionDate),
  });

describe('version in force by conduct date', () => {
  it('picks the K County version in force when the conduct happened', () => {
    const at = (date: string) => policyInForce(SHIPPED_POLICIES, K, parseLocalDate(date));
    expect(at('2023-12-31')).toMatchObject({
      definition: { id: 'k-county', version: '2019-06-01' },
      basis: 'in_force',
    });
    expect(at('2024-01-01')).toMatchObject({
      definition: { id: 'k-county', version: '2024-01-01' },
      basis: 'in_force',
    });
    expect(at('2018-05-01')).toMatchObject({ definition: { version: '2019-06-01' }, basis: 'before_all' });
  });

  it('uses the national default for an empty chain and refuses when nothing exists', () => {
    expect(policyInForce(SHIPPED_POLICIES, [], parseLocalDate('2023-01-01')).definition.id).toBe('default');
    expect(() => policyInForce([], ['K'], parseLocalDate('2023-01-01'))).toThrow('policy.none_applicable');
  });

  it('applies the 2024 pre-registration rule to conduct after it took effect', () => {
    const result = inK('2024-03-01', '2024-06-01', { preRegistration: 'not_filed' });
    expect(result).toMatchObject({
      recommendation: 'mitigate',
      policy: { id: 'k-county', version: '2024-01-01' },
    });
    expect(result.reasons.map((r) => r.rule)).toEqual(['pre_registration_missing']);
  });
});

describe('从旧兼从轻: the old rule unless the new one is lighter', () => {
  it('keeps the old version when the new one is heavier for the same facts', () => {
    // S2 not filed: exempt under 2019, mitigate under 2024 → the 2019 version applies.
    const result = inK('2023-05-01', '2024-06-01', { preRegistration: 'not_filed' });
    expect(result).toMatchObject({ recommendation: 'exempt', policy: { version: '2019-06-01' } });
    expect(result.reasons.map((r) => r.rule)).not.toContain('version_lighter');
  });

  it('uses the later version when it is lighter, and says so', () => {
    // S9 (容缺审批) exists only from 2024: refuse under 2019, exempt under 2024.
    const result = inK('2023-05-01', '2024-06-01', { situations: ['S9'] });
    expect(result).toMatchObject({
      recommendation: 'exempt',
      policy: { id: 'k-county', version: '2024-01-01', jurisdiction: 'K' },
    });
    const reason = result.reasons.find((r) => r.rule === 'version_lighter')!;
    expect(reason.zh).toContain('不予容错');
    expect(reason.zh).toContain('从旧兼从轻');
    expect(reason.en).toContain('2019-06-01');
  });

  it('does not know the later version before it exists: S9 is then an unknown item', () => {
    expect(() => inK('2023-05-01', '2023-12-31', { situations: ['S9'] })).toThrow(
      expect.objectContaining({ code: 'facts.unknown_item', field: 'situations[0]' }),
    );
  });

  it('uses the earliest version for conduct before every version, and says so', () => {
    const result = inK('2018-05-01', '2018-12-01');
    expect(result.policy).toEqual({ id: 'k-county', version: '2019-06-01', jurisdiction: 'K' });
    expect(result.reasons.at(-1)).toMatchObject({ rule: 'version_before_all' });
  });

  it('falls back to the default when the jurisdiction’s own policy was not yet in force', () => {
    const late: DerivedPolicyDefinition = {
      id: 'z-county',
      jurisdiction: 'Z',
      version: '2022-01-01',
      parent: { id: 'default', version: '2019-06-01' },
      issuedBy: { zh: 'Z县', en: 'Z County' },
      title: { zh: 'Z县办法', en: 'Z County rules' },
      changes: {},
    };
    const facts = factsWith({ conductDate: '2020-05-01', jurisdiction: 'Z' });
    const result = evaluate(facts, [DEFAULT_POLICY, late], {
      jurisdictionChain: ['Z'],
      decisionDate: parseLocalDate('2021-01-01'),
    });
    expect(result.policy.id).toBe('default');
    expect(result.reasons.at(-1)).toMatchObject({ rule: 'version_fallback' });
  });
});

describe('guards', () => {
  it('rejects conduct after the decision date', () => {
    expect(() => inK('2024-07-01', '2024-06-01')).toThrow(
      expect.objectContaining({ code: 'facts.conduct_after_decision', field: 'conductDate' }),
    );
  });

  it('rejects a chain that does not start at the facts’ jurisdiction', () => {
    const facts = factsWith({ jurisdiction: 'YC' });
    expect(() =>
      evaluate(facts, SHIPPED_POLICIES, { jurisdictionChain: K, decisionDate: parseLocalDate('2024-06-01') }),
    ).toThrow(expect.objectContaining({ code: 'facts.jurisdiction_mismatch', field: 'jurisdiction' }));
  });
});
