import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { diffPolicies } from '../policy/diff.ts';
import {
  resolvePolicy,
  SHIPPED_POLICIES,
  type DerivedPolicyDefinition,
  type SanctionType,
} from '../policy/index.ts';
import { SANCTION_TYPES } from '../policy/types.ts';
import { day } from '../tolerance/test-matter.ts';
import {
  assertAppointable,
  blockRunsOn,
  blockStatus,
  influenceBlock,
  influenceEndsOn,
  influenceRule,
  type InfluenceBlock,
} from './influence.ts';

const K = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');
const rules = K.influencePeriods;
const block = (id: string, type: SanctionType, effectiveOn: string): InfluenceBlock =>
  influenceBlock(rules, { id, type, effectiveOn: day(effectiveOn) });
const thrown = (f: () => void): DomainError | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error as DomainError;
  }
};

describe('the policy table of influence periods (影响期, DOMAIN §13.4)', () => {
  it('has one rule for every sanction type, inherited by K County from the national default', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...SANCTION_TYPES].sort());
    expect(resolvePolicy(SHIPPED_POLICIES, 'default').influencePeriods).toEqual(rules);
  });

  it('carries the verified periods, in months, and marks the unverified defaults', () => {
    const table = Object.fromEntries(
      rules.map((r) => [r.id, [r.category, r.months, r.reusable, r.verified]]),
    );
    expect(table).toEqual({
      party_warning: ['party_discipline', 12, true, true],
      party_serious_warning: ['party_discipline', 18, true, true],
      party_post_removal: ['party_discipline', 24, true, true],
      // One or two years of probation, then two years with no post as high as the one held.
      party_probation_1y: ['party_discipline', 36, true, true],
      party_probation_2y: ['party_discipline', 48, true, true],
      party_expulsion: ['party_discipline', null, false, true],
      public_warning: ['public_office', 6, true, true],
      public_demerit: ['public_office', 12, true, true],
      public_major_demerit: ['public_office', 18, true, true],
      public_demotion: ['public_office', 24, true, true],
      public_dismissal: ['public_office', 24, true, true],
      public_expulsion: ['public_office', null, false, true],
      // 诫勉: six months only in provincial and local rules; 降职: no figure in the source.
      admonishment: ['organisational', 6, true, false],
      transfer: ['organisational', 12, true, true],
      removal_from_post: ['organisational', 12, true, true],
      demotion_in_post: ['organisational', 24, true, false],
      ordered_resignation: ['organisational', 24, true, true],
      resignation_for_blame: ['organisational', 24, true, true],
      accountability_removal: ['organisational', 24, true, true],
    });
    expect(influenceRule(rules, 'public_demerit').clause).toContain(
      '《中华人民共和国公职人员政务处分法》第八条',
    );
  });

  it('lets a local policy set its own period (诫勉 is configurable) or drop a type', () => {
    const local: DerivedPolicyDefinition = {
      id: 'local-test',
      jurisdiction: 'K',
      version: '2025-01-01',
      parent: { id: 'k-county', version: '2024-01-01' },
      issuedBy: { zh: '测试', en: 'Test' },
      title: { zh: '测试', en: 'Test' },
      changes: {
        influencePeriods: { change: [{ id: 'admonishment', months: 12 }], drop: ['demotion_in_post'] },
      },
    };
    const policy = resolvePolicy([...SHIPPED_POLICIES, local], 'local-test');
    expect(influenceRule(policy.influencePeriods, 'admonishment').months).toBe(12);
    expect(
      influenceBlock(policy.influencePeriods, {
        id: 's',
        type: 'admonishment',
        effectiveOn: day('2025-05-20'),
      }).endsOn,
    ).toBe('2026-05-19');
    // The version diff shows the change to whoever reads the new version.
    const diff = diffPolicies(K, policy);
    expect(diff.identical).toBe(false);
    expect(diff.influencePeriods.changed).toEqual([
      { id: 'admonishment', changes: [{ field: 'months', from: 6, to: 12 }] },
    ]);
    expect(diff.influencePeriods.dropped.map((r) => r.id)).toEqual(['demotion_in_post']);
    expect(thrown(() => influenceRule(policy.influencePeriods, 'demotion_in_post'))).toMatchObject({
      code: 'sanction.type_not_in_policy',
      field: 'type',
    });
  });

  it('refuses a policy whose period is not whole months, or that allows reuse after a bar without end', () => {
    const bad = (change: object): DerivedPolicyDefinition => ({
      id: 'bad-test',
      jurisdiction: 'K',
      version: '2025-01-01',
      parent: { id: 'k-county', version: '2024-01-01' },
      issuedBy: { zh: '测试', en: 'Test' },
      title: { zh: '测试', en: 'Test' },
      changes: { influencePeriods: { change: [{ id: 'admonishment', ...change }] } },
    });
    for (const change of [{ months: 1.5 }, { months: 0 }, { months: null }])
      expect(thrown(() => resolvePolicy([...SHIPPED_POLICIES, bad(change)], 'bad-test'))?.code).toBe(
        'policy.invalid',
      );
  });
});

describe('counting a period', () => {
  it('runs from the effective day and ends the day before the same day months later', () => {
    expect(influenceEndsOn(day('2025-03-10'), 12)).toBe('2026-03-09');
    expect(influenceEndsOn(day('2025-03-10'), 6)).toBe('2025-09-09');
    expect(influenceEndsOn(day('2025-03-10'), 18)).toBe('2026-09-09');
  });

  it('stands a missing day for the last day of the month, and counts a leap day', () => {
    // 08-31 + 6 months: February has no 31st, so its last day stands for it; barred until 02-27.
    expect(influenceEndsOn(day('2025-08-31'), 6)).toBe('2026-02-27');
    // 2023-03-01 + 12 months: the year ends on the leap day.
    expect(influenceEndsOn(day('2023-03-01'), 12)).toBe('2024-02-29');
    expect(influenceEndsOn(day('2024-02-29'), 12)).toBe('2025-02-27');
  });

  it('has no end for 开除', () => {
    expect(influenceEndsOn(day('2025-03-10'), null)).toBeNull();
    expect(block('s', 'party_expulsion', '2025-03-10')).toMatchObject({ endsOn: null, reusable: false });
    expect(block('s', 'public_expulsion', '2025-03-10')).toMatchObject({ endsOn: null, reusable: false });
  });

  it('bars from the effective day to the last day, both included, and not after', () => {
    const warning = block('w', 'party_warning', '2025-03-10');
    expect(warning).toEqual({
      sanctionId: 'w',
      type: 'party_warning',
      label: { zh: '党内警告', en: 'Party warning' },
      effectiveOn: '2025-03-10',
      endsOn: '2026-03-09',
      reusable: true,
    });
    expect(blockRunsOn(warning, day('2025-03-09'))).toBe(false);
    expect(blockRunsOn(warning, day('2025-03-10'))).toBe(true);
    expect(blockRunsOn(warning, day('2026-03-09'))).toBe(true);
    expect(blockRunsOn(warning, day('2026-03-10'))).toBe(false);
  });
});

describe('stacking a cadre’s periods', () => {
  it('lets the longest running period decide when a Party and a public-office sanction come together', () => {
    const warning = block('w', 'party_warning', '2025-03-10');
    const majorDemerit = block('d', 'public_major_demerit', '2025-03-10');
    const status = blockStatus([warning, majorDemerit], day('2025-12-01'));
    expect(status).toMatchObject({
      blocked: true,
      permanent: false,
      until: '2026-09-09',
      clearFrom: '2026-09-10',
      reusable: true,
    });
    expect(status.running.map((b) => b.sanctionId)).toEqual(['d', 'w']);
    // Once the warning is over the demerit still bars.
    expect(blockStatus([warning, majorDemerit], day('2026-03-10'))).toMatchObject({
      blocked: true,
      until: '2026-09-09',
      running: [expect.objectContaining({ sanctionId: 'd' })],
    });
    expect(blockStatus([warning, majorDemerit], day('2026-09-10'))).toMatchObject({
      blocked: false,
      until: null,
      clearFrom: null,
      running: [],
    });
  });

  it('counts what runs longest from today: a later, shorter period can outlast an earlier, longer one', () => {
    const removal = block('r', 'party_post_removal', '2024-01-15'); // 24 months, until 2026-01-14
    const admonishment = block('a', 'admonishment', '2025-11-01'); // 6 months, until 2026-04-30
    const both = blockStatus([removal, admonishment], day('2025-12-01'));
    expect(both.until).toBe('2026-04-30');
    expect(both.running.map((b) => b.sanctionId)).toEqual(['a', 'r']);
    expect(blockStatus([removal], day('2025-12-01')).until).toBe('2026-01-14');
    expect(blockStatus([removal, admonishment], day('2026-02-01')).running.map((b) => b.sanctionId)).toEqual([
      'a',
    ]);
  });

  it('bars for good and rules out reuse once there is a 开除, even beside a shorter period', () => {
    const status = blockStatus(
      [block('w', 'public_warning', '2025-03-10'), block('x', 'party_expulsion', '2025-03-10')],
      day('2025-04-01'),
    );
    expect(status).toMatchObject({
      blocked: true,
      permanent: true,
      until: null,
      clearFrom: null,
      reusable: false,
    });
    expect(status.running.map((b) => b.sanctionId)).toEqual(['x', 'w']);
  });

  it('does not bar before a sanction takes effect, nor without sanctions', () => {
    expect(blockStatus([block('w', 'party_warning', '2026-03-10')], day('2026-03-09')).blocked).toBe(false);
    expect(blockStatus([], day('2026-03-09'))).toEqual({
      blocked: false,
      permanent: false,
      until: null,
      clearFrom: null,
      reusable: true,
      running: [],
    });
  });
});

describe('refusing a promotion during a period', () => {
  it('names the end date and the sanction, in Chinese and English', () => {
    const status = blockStatus([block('d', 'public_demerit', '2025-06-01')], day('2026-01-05'));
    const error = thrown(() => assertAppointable(status));
    expect(error?.code).toBe('appointment.blocked');
    expect(error?.messageZh).toBe(
      '该干部受到记过，影响期至 2026-05-31 届满，届满前不得提拔或者进一步使用（2026-06-01 起方可提出）',
    );
    expect(error?.messageEn).toBe(
      'The cadre is within the influence period of Demerit, which runs until 2026-05-31: no promotion or further use before then (possible from 2026-06-01)',
    );
    expect(
      thrown(() =>
        assertAppointable(blockStatus([block('d', 'public_demerit', '2025-06-01')], day('2026-06-01'))),
      ),
    ).toBeNull();
  });

  it('refuses for good after 开除', () => {
    const error = thrown(() =>
      assertAppointable(blockStatus([block('x', 'public_expulsion', '2020-01-01')], day('2030-01-01'))),
    );
    expect(error?.code).toBe('appointment.barred');
    expect(error?.messageZh).toBe('该干部受到开除（公职），不得提拔或者重新使用');
  });
});
