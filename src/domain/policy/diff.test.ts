import { describe, expect, it } from 'vitest';
import { diffPolicies } from './diff.ts';
import { resolvePolicy } from './inherit.ts';
import { SHIPPED_POLICIES } from './policies/index.ts';
import type { EffectivePolicy } from './types.ts';

const k2019 = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2019-06-01');
const k2024 = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');

describe('diffPolicies', () => {
  it("lists K County's 2024 revision: S2 now needs pre-registration, S9 and S10 added, the clause cited moved", () => {
    const diff = diffPolicies(k2019, k2024);
    expect(diff.identical).toBe(false);
    expect(diff.from.version).toBe('2019-06-01');
    expect(diff.to.version).toBe('2024-01-01');
    expect(diff.situations.added.map((s) => s.id)).toEqual(['S9', 'S10']);
    expect(diff.situations.dropped).toEqual([]);
    expect(diff.situations.changed).toHaveLength(1);
    const s2 = diff.situations.changed[0]!;
    expect(s2.id).toBe('S2');
    expect(s2.changes).toContainEqual({ field: 'requiresPreRegistration', from: false, to: true });
    expect(s2.changes.map((c) => c.field).sort()).toEqual(['clause', 'requiresPreRegistration']);
    expect(diff.ruleClauses.map((c) => c.field)).toEqual(['preRegistration']);
    expect(diff.header.map((c) => c.field)).toEqual(['title']);
    // Unchanged parts stay out of the diff.
    expect(diff.gates).toEqual({ added: [], dropped: [], changed: [] });
    expect(diff.timeLimits).toEqual([]);
    expect(diff.settings).toEqual([]);
    expect(diff.appeals).toEqual({ added: [], dropped: [], changed: [] });
  });

  it('reads backwards too: the newer items are dropped going back', () => {
    const diff = diffPolicies(k2024, k2019);
    expect(diff.situations.dropped.map((s) => s.id)).toEqual(['S9', 'S10']);
    expect(diff.situations.changed[0]!.changes).toContainEqual({
      field: 'requiresPreRegistration',
      from: true,
      to: false,
    });
  });

  it('a version compared with itself is identical', () => {
    expect(diffPolicies(k2024, k2024)).toMatchObject({
      identical: true,
      header: [],
      timeLimits: [],
      settings: [],
    });
  });

  it('reports time limits, quorum, publicity, approval, deciding body, dropped gates and appeal routes', () => {
    const changed: EffectivePolicy = {
      ...k2019,
      version: '2030-01-01',
      gates: k2019.gates.filter((g) => g.id !== 'G7'),
      timeLimits: { ...k2019.timeLimits, acceptance: { unit: 'working_days', amount: 7 } },
      quorum: { ...k2019.quorum, passFraction: 2 / 3 },
      publicity: { publishOutcomes: ['exempt'], requireConsent: true },
      higherLevelApprovalRequired: true,
      decidingBody: 'joint_meeting',
      appeals: k2019.appeals
        .map((rule) => (rule.type === 'party_sanction' ? { ...rule, verified: true } : rule))
        .filter((r) => r.type !== 'civil_servant_handling'),
    };
    const diff = diffPolicies(k2019, changed);
    expect(diff.gates.dropped.map((g) => g.id)).toEqual(['G7']);
    expect(diff.timeLimits).toEqual([
      {
        field: 'acceptance',
        from: { unit: 'working_days', amount: 5 },
        to: { unit: 'working_days', amount: 7 },
      },
    ]);
    expect(diff.settings.map((s) => s.field)).toEqual([
      'decidingBody',
      'quorum',
      'publicity',
      'higherLevelApprovalRequired',
    ]);
    expect(diff.appeals.dropped.map((r) => r.type)).toEqual(['civil_servant_handling']);
    expect(diff.appeals.changed).toEqual([
      { type: 'party_sanction', changes: [{ field: 'verified', from: false, to: true }] },
    ]);
    expect(diff.identical).toBe(false);
  });

  it('ignores key order inside values', () => {
    const reordered: EffectivePolicy = {
      ...k2019,
      quorum: {
        passBase: k2019.quorum.passBase,
        passFraction: k2019.quorum.passFraction,
        minPresentFraction: k2019.quorum.minPresentFraction,
      },
    };
    expect(diffPolicies(k2019, reordered).settings).toEqual([]);
  });
});
