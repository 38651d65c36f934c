import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import { calendarWithOfficialSchedules } from '../calendar/official-calendar.ts';
import type { DomainError } from '../errors.ts';
import { resolvePolicy } from '../policy/inherit.ts';
import { SHIPPED_POLICIES } from '../policy/policies/index.ts';
import type { EffectivePolicy, Outcome, Recommendation } from '../policy/types.ts';
import {
  appealDeadline,
  appealWindow,
  assertIndependentPanel,
  decisionCheck,
  panelOverlap,
  publicityRequired,
  requiresHigherApproval,
  reviewCheck,
} from './decision.ts';

const defaultPolicy = resolvePolicy(SHIPPED_POLICIES, 'default');
const kCounty = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');
const calendar = calendarWithOfficialSchedules();
const d = (value: string) => parseLocalDate(value);

/** The thrown DomainError, so code, details, field and messages can be checked together. */
function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

function recommending(
  recommendation: Outcome,
  extra: Partial<Pick<Recommendation, 'exclusionsHit' | 'correctionRequired'>> = {},
): Recommendation {
  return {
    recommendation,
    correctionRequired: false,
    policy: { id: 'default', version: '2019-06-01', jurisdiction: null },
    exclusionsHit: [],
    gatesFailed: [],
    gatesUnknown: [],
    situationsMatched: [],
    reasons: [],
    ...extra,
  };
}

describe('decisionCheck: departures from the recommendation', () => {
  it('records nothing when the decision follows the recommendation', () => {
    expect(decisionCheck(recommending('exempt'), { outcome: 'exempt', correctionOrdered: false })).toEqual({
      departs: false,
      exclusionOverride: false,
      correctionOmitted: false,
      exclusionsHit: [],
      flags: [],
    });
  });

  it.each([
    ['exempt', 'refuse', '免责'],
    ['refuse', 'mitigate', '不予容错'],
    ['mitigate', 'exempt', '减责'],
  ] as const)(
    'needs a written reason to decide %s → %s, naming the recommendation',
    (recommended, outcome, zh) => {
      for (const departureReason of [undefined, '', '   ']) {
        const error = thrown(() =>
          decisionCheck(recommending(recommended), { outcome, correctionOrdered: false, departureReason }),
        );
        expect(error).toMatchObject({ code: 'matter.departure_reason_required', field: 'departureReason' });
        expect(error.details).toMatchObject({ recommendation: zh });
        expect(error.messageZh).toContain(`（${zh}）`);
      }
      const check = decisionCheck(recommending(recommended), {
        outcome,
        correctionOrdered: false,
        departureReason: '单位已主动挽回损失',
      });
      expect(check).toMatchObject({ departs: true, flags: ['departure'] });
    },
  );

  it('tolerating an exclusion-list hit needs a justification besides the departure reason', () => {
    const excluded = recommending('refuse', { exclusionsHit: ['X4', 'X7'] });
    const withReason = { outcome: 'mitigate' as const, correctionOrdered: true, departureReason: '情节轻微' };
    const error = thrown(() => decisionCheck(excluded, withReason));
    expect(error).toMatchObject({
      code: 'matter.exclusion_justification_required',
      field: 'exclusionJustification',
    });
    expect(error.details).toEqual({ exclusions: ['X4', 'X7'] });
    expect(() => decisionCheck(excluded, { ...withReason, exclusionJustification: ' ' })).toThrow(
      expect.objectContaining({ code: 'matter.exclusion_justification_required' }),
    );
    const check = decisionCheck(excluded, { ...withReason, exclusionJustification: '经常委会特别研究' });
    expect(check).toEqual({
      departs: true,
      exclusionOverride: true,
      correctionOmitted: false,
      exclusionsHit: ['X4', 'X7'],
      flags: ['departure', 'exclusion_override'],
    });
  });

  it('refusing despite an exclusion hit needs no justification', () => {
    const excluded = recommending('refuse', { exclusionsHit: ['X4'] });
    expect(decisionCheck(excluded, { outcome: 'refuse', correctionOrdered: false }).flags).toEqual([]);
  });

  it('asks for the departure reason before the exclusion justification', () => {
    const excluded = recommending('refuse', { exclusionsHit: ['X4'] });
    expect(() => decisionCheck(excluded, { outcome: 'exempt', correctionOrdered: false })).toThrow(
      expect.objectContaining({ code: 'matter.departure_reason_required' }),
    );
  });

  it('omitting a recommended correction needs a written reason and is flagged', () => {
    const toCorrect = recommending('exempt', { correctionRequired: true });
    expect(() => decisionCheck(toCorrect, { outcome: 'exempt', correctionOrdered: false })).toThrow(
      expect.objectContaining({ code: 'matter.correction_reason_required', field: 'departureReason' }),
    );
    expect(
      decisionCheck(toCorrect, { outcome: 'exempt', correctionOrdered: false, departureReason: '已整改完毕' })
        .flags,
    ).toEqual(['correction_omitted']);
    expect(decisionCheck(toCorrect, { outcome: 'exempt', correctionOrdered: true }).flags).toEqual([]);
  });
});

describe('reviewCheck: an appeal never yields a heavier outcome', () => {
  const outcomes: Outcome[] = ['exempt', 'mitigate', 'refuse'];
  const heavier = new Set(['exempt→mitigate', 'exempt→refuse', 'mitigate→refuse']);
  for (const original of outcomes) {
    for (const reviewed of outcomes) {
      const key = `${original}→${reviewed}`;
      it(key, () => {
        if (heavier.has(key)) {
          expect(() => reviewCheck(original, reviewed)).toThrow(
            expect.objectContaining({ code: 'matter.heavier_on_review' }),
          );
        } else {
          expect(reviewCheck(original, reviewed)).toBe(original === reviewed ? 'upheld' : 'lightened');
        }
      });
    }
  }
});

describe('independent review panel', () => {
  const names = new Map([
    ['u1', '张三'],
    ['u2', '李四'],
  ]);

  it('lists panel members who took part in the original decision, in panel order, once each', () => {
    expect(panelOverlap(['u1', 'u2', 'u3'], ['u9', 'u2', 'u1', 'u2'])).toEqual(['u2', 'u1']);
    expect(panelOverlap(['u1'], ['u8', 'u9'])).toEqual([]);
  });

  it('refuses an overlapping panel, naming the members (an id without a name as is)', () => {
    const error = thrown(() => assertIndependentPanel(['u1', 'u2', 'u3'], ['u2', 'u3', 'u7'], names));
    expect(error).toMatchObject({ code: 'meeting.panel_overlap', field: 'reviewPanel' });
    expect(error.details).toMatchObject({ names: ['李四', 'u3'], ids: ['u2', 'u3'] });
    expect(error.messageZh).toBe('复核组成员不得参与过原决定：李四、u3');
    expect(() => assertIndependentPanel(['u1'], ['u2', 'u7'], names)).not.toThrow();
  });
});

describe('appeal window and deadline (DOMAIN §13.3)', () => {
  it('takes the first stage of the route for the kind of decision', () => {
    expect(appealWindow(defaultPolicy, 'party_accountability')).toEqual({ unit: 'months', amount: 1 });
    expect(appealWindow(defaultPolicy, 'public_office_sanction')).toEqual({ unit: 'months', amount: 1 });
    expect(appealWindow(defaultPolicy, 'civil_servant_handling')).toEqual({
      unit: 'calendar_days',
      amount: 30,
    });
    expect(appealWindow(kCounty, 'party_sanction')).toEqual({ unit: 'months', amount: 1 });
  });

  it('uses the first stage’s window when taken first, and refuses a type the policy lacks', () => {
    const route = defaultPolicy.appeals.find((rule) => rule.type === 'party_sanction');
    if (!route) throw new Error('fixture');
    const stage = {
      ...route.stages[0]!,
      filingWindow: { unit: 'calendar_days', amount: 15 },
      filingWindowWhenFirst: { unit: 'calendar_days', amount: 20 },
    } as const;
    const custom: EffectivePolicy = { ...defaultPolicy, appeals: [{ ...route, stages: [stage] }] };
    expect(appealWindow(custom, 'party_sanction')).toEqual({ unit: 'calendar_days', amount: 20 });
    const error = thrown(() => appealWindow(custom, 'party_accountability'));
    expect(error).toMatchObject({
      code: 'policy.no_appeal_route',
      details: { type: 'party_accountability', policy: 'default' },
    });
  });

  it.each([
    ['an ordinary month', 'party_accountability', '2024-05-20', '2024-06-20'],
    [
      'a month ending in the Spring Festival, moved to the make-up Sunday',
      'party_accountability',
      '2024-01-15',
      '2024-02-18',
    ],
    ['a short month (民法典 第二百零二条)', 'party_accountability', '2025-01-31', '2025-02-28'],
    [
      '30 days ending on National Day, moved past the holiday',
      'civil_servant_handling',
      '2024-09-01',
      '2024-10-08',
    ],
  ] as const)('counts %s', (_label, type, receivedOn, dueDate) => {
    expect(appealDeadline(defaultPolicy, type, d(receivedOn), calendar)).toEqual({
      rule: appealWindow(defaultPolicy, type),
      dueDate,
      uncertain: false,
      missingYears: [],
    });
  });

  it('flags a deadline in a year without a holiday schedule as uncertain', () => {
    expect(appealDeadline(defaultPolicy, 'party_accountability', d('2030-03-11'), calendar)).toMatchObject({
      dueDate: '2030-04-11',
      uncertain: true,
      missingYears: [2030],
    });
  });
});

describe('higher approval and publicity', () => {
  it('needs higher approval only for a tolerance, and only where the policy says', () => {
    const strict: EffectivePolicy = { ...defaultPolicy, higherLevelApprovalRequired: true };
    expect(
      (['exempt', 'mitigate', 'refuse'] as const).map((o) => requiresHigherApproval(defaultPolicy, o)),
    ).toEqual([false, false, false]);
    expect((['exempt', 'mitigate', 'refuse'] as const).map((o) => requiresHigherApproval(strict, o))).toEqual(
      [true, true, false],
    );
  });

  it('publishes the outcomes the policy lists', () => {
    expect(
      (['exempt', 'mitigate', 'refuse'] as const).map((o) => publicityRequired(defaultPolicy, o)),
    ).toEqual([true, true, false]);
    const refusalsOnly: EffectivePolicy = {
      ...defaultPolicy,
      publicity: { publishOutcomes: ['refuse'], requireConsent: false },
    };
    expect(
      (['exempt', 'mitigate', 'refuse'] as const).map((o) => publicityRequired(refusalsOnly, o)),
    ).toEqual([false, false, true]);
  });
});
