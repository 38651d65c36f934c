import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { evaluateWithPolicy } from './evaluate.ts';
import { resolvePolicy } from './inherit.ts';
import { DEFAULT_POLICY } from './policies/default.ts';
import { SHIPPED_POLICIES } from './policies/index.ts';
import { ALL_GATES_MET, factsWith } from './test-facts.ts';
import type { DerivedPolicyDefinition, PolicyChanges } from './types.ts';

const child = (
  changes: PolicyChanges,
  parent = { id: 'default', version: '2019-06-01' },
): DerivedPolicyDefinition => ({
  id: 'child',
  jurisdiction: 'C',
  version: '2020-01-01',
  parent,
  issuedBy: { zh: '测试', en: 'test' },
  title: { zh: '测试政策', en: 'Test policy' },
  changes,
});

describe('resolvePolicy', () => {
  it('merges K County 2024 over K County 2019 over the default', () => {
    const policy = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');
    expect(policy.lineage).toEqual([
      { id: 'default', version: '2019-06-01' },
      { id: 'k-county', version: '2019-06-01' },
      { id: 'k-county', version: '2024-01-01' },
    ]);
    expect(policy).toMatchObject({ id: 'k-county', jurisdiction: 'K', version: '2024-01-01' });
    expect(policy.situations.map((s) => s.id)).toEqual([
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'S6',
      'S7',
      'S8',
      'S9',
      'S10',
    ]);
    expect(policy.situations[1]).toMatchObject({
      id: 'S2',
      requiresPreRegistration: true,
      labelZh: DEFAULT_POLICY.situations[1]!.labelZh,
    });
    expect(policy.situations[0]).toEqual(DEFAULT_POLICY.situations[0]);
    expect(policy.gates).toEqual(DEFAULT_POLICY.gates);
    expect(policy.exclusions).toHaveLength(12);
    // K County's own limits, the default's for the rest.
    expect(policy.timeLimits.acceptance).toEqual({ unit: 'working_days', amount: 5 });
    expect(policy.timeLimits.appealWindow).toEqual({ unit: 'months', amount: 1 });
    expect(policy.timeLimits.nameClearing).toEqual(DEFAULT_POLICY.timeLimits.nameClearing);
    expect(policy.ruleClauses.preRegistration).toContain('K县');
    expect(policy.ruleClauses.exempt).toBe(DEFAULT_POLICY.ruleClauses.exempt);
  });

  it('takes the latest version when none is named', () => {
    expect(resolvePolicy(SHIPPED_POLICIES, 'k-county').version).toBe('2024-01-01');
  });

  it('drops, changes and adds items, and the engine follows the changed effect', () => {
    const definition = child({
      gates: {
        change: [{ id: 'G5', effectWhenFailed: 'refuse' }],
        add: [
          {
            id: 'G8',
            labelZh: '风险评估',
            labelEn: 'risk assessment done',
            effectWhenFailed: 'mitigate',
            clause: '第三条',
          },
        ],
      },
      exclusions: { drop: ['X3'] },
      timeLimits: { acceptance: { unit: 'working_days', amount: 3 } },
    });
    const policy = resolvePolicy([DEFAULT_POLICY, definition], 'child');
    expect(policy.gates.map((g) => g.id)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8']);
    expect(policy.exclusions.map((x) => x.id)).not.toContain('X3');
    expect(policy.timeLimits.acceptance.amount).toBe(3);
    expect(policy.timeLimits.verification).toEqual(DEFAULT_POLICY.timeLimits.verification);

    const g5Failed = factsWith({ gates: { ...ALL_GATES_MET, G5: false, G8: true } });
    expect(evaluateWithPolicy(g5Failed, policy).recommendation).toBe('refuse');
    expect(evaluateWithPolicy(factsWith({ gates: ALL_GATES_MET }), policy)).toMatchObject({
      recommendation: 'mitigate',
      gatesUnknown: ['G8'],
    });
    expect(parseLocalDate(policy.version)).toBe('2020-01-01');
  });

  it('replaces an appeal route by type and keeps the others', () => {
    const [, partySanction] = DEFAULT_POLICY.appeals;
    const replaced = { ...partySanction!, verified: true, clause: '本地规定' };
    const policy = resolvePolicy([DEFAULT_POLICY, child({ appeals: [replaced] })], 'child');
    expect(policy.appeals.map((a) => a.type)).toEqual(DEFAULT_POLICY.appeals.map((a) => a.type));
    expect(policy.appeals[1]).toEqual(replaced);
  });

  it.each([
    ['dropping an unknown item', child({ situations: { drop: ['S99'] } }), 'policy.invalid'],
    [
      'changing an unknown item',
      child({ exclusions: { change: [{ id: 'X99', labelZh: 'x' }] } }),
      'policy.invalid',
    ],
    [
      'adding an existing id',
      child({ mitigating: { add: [{ id: 'M1', labelZh: 'x', labelEn: 'x', clause: 'x' }] } }),
      'policy.invalid',
    ],
    [
      'a gate id that is not G and a number',
      child({
        gates: { add: [{ id: 'Q1', labelZh: 'x', labelEn: 'x', effectWhenFailed: 'refuse', clause: 'x' }] },
      }),
      'policy.invalid',
    ],
    ['a missing parent', child({}, { id: 'default', version: '2000-01-01' }), 'policy.not_found'],
  ])('rejects %s', (_, definition, code) => {
    expect(() => resolvePolicy([DEFAULT_POLICY, definition], 'child')).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('rejects an inheritance cycle', () => {
    const a = { ...child({}, { id: 'b', version: '2020-01-01' }), id: 'a' };
    const b = { ...child({}, { id: 'a', version: '2020-01-01' }), id: 'b' };
    expect(() => resolvePolicy([a, b], 'a')).toThrow(
      expect.objectContaining({
        code: 'policy.invalid',
        details: expect.objectContaining({ problemEn: 'inheritance forms a cycle' }),
      }),
    );
  });
});
