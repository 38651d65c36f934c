import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../policy/inherit.ts';
import { DEFAULT_POLICY } from '../policy/policies/default.ts';
import { SHIPPED_POLICIES } from '../policy/policies/index.ts';
import type { BasePolicyDefinition, DerivedPolicyDefinition, PolicyDefinition } from '../policy/types.ts';
import { checkTriggers } from './triggers.ts';

const rules = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01').nameClearing;

describe('the default name-clearing rules (policy data)', () => {
  it('carries Hubei’s four triggers and Jiangxi’s three exclusions, and reaches K County by inheritance', () => {
    expect(rules.triggers.map((t) => t.id)).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(rules.exclusions.map((e) => e.id)).toEqual(['E1', 'E2', 'E3']);
    expect(rules.triggers[3]).toMatchObject({
      labelZh: '纪检监察机关认为需要澄清正名的其他情形',
      requiresReason: true,
    });
    expect(rules.exclusions[0]!.labelZh).toBe('举报失实但未对干部造成不良影响');
    expect(rules.triggers[0]!.clause).toContain('湖北省');
    expect(rules.clause).toContain('第五十条');
    expect(rules).toEqual(DEFAULT_POLICY.nameClearing);
  });

  it('gives a base policy written before name clearing existed the default rules', () => {
    const { nameClearing: _left, ...older } = DEFAULT_POLICY;
    const definitions: PolicyDefinition[] = [{ ...(older as BasePolicyDefinition), id: 'older' }];
    expect(resolvePolicy(definitions, 'older').nameClearing).toEqual(DEFAULT_POLICY.nameClearing);
  });

  it('lets a jurisdiction’s version add, drop and reword triggers and exclusions by id', () => {
    const local: DerivedPolicyDefinition = {
      id: 'local',
      jurisdiction: 'Z',
      version: '2025-01-01',
      parent: { id: 'default', version: '2019-06-01' },
      issuedBy: { zh: '示例', en: 'example' },
      title: { zh: '示例', en: 'example' },
      changes: {
        nameClearing: {
          triggers: {
            drop: ['T3'],
            add: [
              { id: 'T5', labelZh: '受到网络舆论负面影响', labelEn: 'harmed online', clause: '示例第五条' },
            ],
          },
          exclusions: { change: [{ id: 'E1', labelZh: '未造成任何影响' }] },
          clause: '示例第四条',
        },
      },
    };
    const policy = resolvePolicy([...SHIPPED_POLICIES, local], 'local');
    expect(policy.nameClearing.triggers.map((t) => t.id)).toEqual(['T1', 'T2', 'T4', 'T5']);
    expect(policy.nameClearing.exclusions[0]).toMatchObject({ id: 'E1', labelZh: '未造成任何影响' });
    expect(policy.nameClearing.clause).toBe('示例第四条');
    const broken = { ...local, changes: { nameClearing: { exclusions: { drop: ['E9'] } } } };
    expect(() => resolvePolicy([...SHIPPED_POLICIES, broken], 'local')).toThrow(
      expect.objectContaining({ code: 'policy.invalid' }),
    );
  });
});

describe('the trigger check', () => {
  it('calls for clearing when a trigger holds and no exclusion applies', () => {
    const check = checkTriggers(rules, { triggers: ['T1', 'T2'], exclusions: [] });
    expect(check.result).toBe('required');
    expect(check.triggers.map((t) => t.id)).toEqual(['T1', 'T2']);
    expect(check.explanation.zh).toMatch(/^符合澄清正名启动情形：T1 干部的选拔任用/);
    expect(check.explanation.zh).toContain('应当在征求本人意见后予以澄清正名');
  });

  it('lets a Jiangxi exclusion prevail over any trigger', () => {
    // Reported again and again, but the only "harm" was the routine verification talk.
    const check = checkTriggers(rules, { triggers: ['T3'], exclusions: ['E3'] });
    expect(check.result).toBe('excluded');
    expect(check.exclusions.map((e) => e.id)).toEqual(['E3']);
    expect(check.explanation.zh).toContain('存在不予澄清情形：E3');
    expect(check.explanation.en).toContain('An exclusion applies');
  });

  it('does not clear when no trigger holds', () => {
    expect(checkTriggers(rules, { triggers: [], exclusions: [] })).toMatchObject({
      result: 'not_triggered',
      explanation: { zh: '不符合任何澄清正名启动情形，不予澄清正名。' },
    });
  });

  it('needs the officer’s reason for the open trigger, and only for chosen items', () => {
    expect(() => checkTriggers(rules, { triggers: ['T4'], exclusions: [] })).toThrow(
      expect.objectContaining({ code: 'name_clearing.item_reason_required', field: 'itemReasons.T4' }),
    );
    expect(
      checkTriggers(rules, {
        triggers: ['T4'],
        exclusions: [],
        itemReasons: { T4: '当事人为重点项目负责人' },
      }).result,
    ).toBe('required');
    expect(() =>
      checkTriggers(rules, { triggers: ['T1'], exclusions: [], itemReasons: { T4: '多余' } }),
    ).toThrow(
      expect.objectContaining({ code: 'name_clearing.item_reason_unexpected', field: 'itemReasons.T4' }),
    );
  });

  it('refuses items the policy does not have, and items named twice, naming the field', () => {
    expect(() => checkTriggers(rules, { triggers: ['T1', 'T9'], exclusions: [] })).toThrow(
      expect.objectContaining({ code: 'name_clearing.unknown_item', field: 'triggers[1]' }),
    );
    expect(() => checkTriggers(rules, { triggers: [], exclusions: ['T1'] })).toThrow(
      expect.objectContaining({ code: 'name_clearing.unknown_item', field: 'exclusions[0]' }),
    );
    expect(() => checkTriggers(rules, { triggers: ['T2', 'T2'], exclusions: [] })).toThrow(
      expect.objectContaining({ code: 'name_clearing.item_repeated', field: 'triggers[1]' }),
    );
  });
});

describe('a version that changes the name-clearing rules', () => {
  it('shows the change in the policy diff, and only there', async () => {
    const { diffPolicies } = await import('../policy/diff.ts');
    const base = resolvePolicy(SHIPPED_POLICIES, 'default');
    const local: DerivedPolicyDefinition = {
      id: 'local',
      jurisdiction: 'Z',
      version: '2025-01-01',
      parent: { id: 'default', version: '2019-06-01' },
      issuedBy: { zh: '示例', en: 'example' },
      title: { zh: '示例', en: 'example' },
      changes: { nameClearing: { exclusions: { drop: ['E3'] }, clause: '示例第四条' } },
    };
    const diff = diffPolicies(base, resolvePolicy([...SHIPPED_POLICIES, local], 'local'));
    expect(diff.identical).toBe(false);
    expect(diff.nameClearing.exclusions.dropped.map((e) => e.id)).toEqual(['E3']);
    expect(diff.nameClearing.clause).toEqual([
      { field: 'clause', from: base.nameClearing.clause, to: '示例第四条' },
    ]);
    expect(diff.nameClearing.triggers).toEqual({ added: [], dropped: [], changed: [] });
    expect(diffPolicies(base, base).identical).toBe(true);
  });
});
