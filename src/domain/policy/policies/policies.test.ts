import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../inherit.ts';
import { DEFAULT_POLICY } from './default.ts';
import { SHIPPED_POLICIES, demoJurisdictionChain } from './index.ts';

describe('the default national-pattern policy', () => {
  it('has gates G1–G7 with the effects of FACTS.md', () => {
    expect(DEFAULT_POLICY.gates.map((g) => [g.id, g.effectWhenFailed])).toEqual([
      ['G1', 'refuse'],
      ['G2', 'refuse'],
      ['G3', 'mitigate'],
      ['G4', 'mitigate'],
      ['G5', 'mitigate'],
      ['G6', 'mitigate'],
      ['G7', 'refuse'],
    ]);
  });

  it('has situations S1–S8 (none needing pre-registration), X1–X12, M1–M4 and A1–A3', () => {
    const ids = (items: { id: string }[]) => items.map((item) => item.id);
    expect(ids(DEFAULT_POLICY.situations)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8']);
    expect(DEFAULT_POLICY.situations.some((s) => s.requiresPreRegistration)).toBe(false);
    expect(ids(DEFAULT_POLICY.exclusions)).toEqual(Array.from({ length: 12 }, (_, i) => `X${i + 1}`));
    expect(ids(DEFAULT_POLICY.mitigating)).toEqual(['M1', 'M2', 'M3', 'M4']);
    expect(ids(DEFAULT_POLICY.aggravating)).toEqual(['A1', 'A2', 'A3']);
    expect(DEFAULT_POLICY.exclusions[3]!.labelZh).toBe('明知故犯');
  });

  it('carries the DOMAIN §4.2 time limits', () => {
    expect(DEFAULT_POLICY.timeLimits).toMatchObject({
      verification: { unit: 'calendar_days', amount: 30 },
      verificationExtension: { unit: 'calendar_days', amount: 30 },
      appealWindow: { unit: 'months', amount: 1 },
      reviewPeriod: { unit: 'months', amount: 1 },
      nameClearing: { unit: 'working_days', amount: 20 },
    });
  });

  it('carries the appeal routes of DOMAIN §13.3', () => {
    const route = (type: string) => DEFAULT_POLICY.appeals.find((a) => a.type === type)!;
    expect(
      route('public_office_sanction').stages.map((s) => [s.id, s.filingWindow, s.decisionPeriod]),
    ).toEqual([
      ['re_examination', { unit: 'months', amount: 1 }, { unit: 'months', amount: 1 }],
      ['review', { unit: 'months', amount: 1 }, { unit: 'months', amount: 2 }],
    ]);
    const civilServant = route('civil_servant_handling').stages;
    expect(civilServant[0]).toMatchObject({
      id: 'review',
      optional: true,
      filingWindow: { amount: 30 },
      decisionPeriod: { amount: 30 },
    });
    expect(civilServant[1]).toMatchObject({
      id: 'appeal',
      filingWindow: { amount: 15 },
      filingWindowWhenFirst: { amount: 30 },
      decisionPeriod: { amount: 60 },
      decisionExtension: { amount: 30 },
    });
    expect(route('party_accountability').stages[0]).toMatchObject({
      filingWindow: { unit: 'months', amount: 1 },
    });
  });
});

describe('shipped policies', () => {
  it('all resolve', () => {
    for (const definition of SHIPPED_POLICIES) {
      expect(resolvePolicy(SHIPPED_POLICIES, definition.id, definition.version).version).toBe(
        definition.version,
      );
    }
  });

  it('Yichang requires pre-registration for S3 only', () => {
    const yichang = resolvePolicy(SHIPPED_POLICIES, 'yichang-example');
    expect(yichang.situations.filter((s) => s.requiresPreRegistration).map((s) => s.id)).toEqual(['S3']);
  });

  it('maps demo jurisdictions to their chains and rejects unknown codes', () => {
    expect(demoJurisdictionChain('K')).toEqual(['K', 'S01', 'S']);
    expect(demoJurisdictionChain('YC')).toEqual(['YC']);
    expect(demoJurisdictionChain(undefined)).toEqual([]);
    expect(() => demoJurisdictionChain('ZZ')).toThrow(
      expect.objectContaining({ code: 'jurisdiction.unknown', field: 'jurisdiction' }),
    );
  });
});
