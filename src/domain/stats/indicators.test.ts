import { describe, expect, it } from 'vitest';
import { applicationsPer1000, indicatorsOf, showIndicators } from './indicators.ts';
import { emptyMetrics, type Metrics } from './metrics.ts';

function metrics(values: Partial<Metrics>): Metrics {
  return { ...emptyMetrics(), ...values };
}

const sample = metrics({
  applied: 12,
  accepted: 9,
  decided: 7,
  notified: 6,
  closed: 3,
  not_accepted: 2,
  withdrawn: 1,
  'outcome.exempt': 5,
  'outcome.mitigate': 2,
  'route.own_application': 8,
  'route.ex_officio': 4,
  'days.acceptance.sum': 21,
  'days.acceptance.n': 7,
  'days.verification.sum': 100,
  'days.verification.n': 7,
  'days.decision.sum': 5,
  'days.decision.n': 3,
  appealed: 1,
  reviewed: 1,
});

describe('indicators', () => {
  it('derives in-progress counts and average working days per step', () => {
    const raw = indicatorsOf(sample, 2);
    expect(raw.funnel).toEqual({ applied: 12, accepted: 9, decided: 7, notified: 6, closed: 3 });
    expect(raw.exits).toEqual({ notAccepted: 2, withdrawn: 1, converted: 0 });
    expect(raw.inProgress).toBe(6);
    expect(raw.daysPerStep.acceptance).toEqual({ averageWorkingDays: 3, matters: 7 });
    expect(raw.daysPerStep.verification.averageWorkingDays).toBe(14.3);
    expect(indicatorsOf(emptyMetrics(), 0).daysPerStep.decision).toEqual({
      averageWorkingDays: null,
      matters: 0,
    });
  });

  it('shows 1–4 as "<5" when suppressing, keeps 0 and 5+, and hides averages over fewer than five matters', () => {
    const shown = showIndicators(indicatorsOf(sample, 2), true);
    expect(shown.funnel).toEqual({ applied: 12, accepted: 9, decided: 7, notified: 6, closed: '<5' });
    expect(shown.exits).toEqual({ notAccepted: '<5', withdrawn: '<5', converted: 0 });
    expect(shown.outcomes).toEqual({ exempt: 5, mitigate: '<5', refuse: 0 });
    expect(shown.overdue).toBe('<5');
    expect(shown.daysPerStep.acceptance).toEqual({ averageWorkingDays: 3, matters: 7 });
    expect(shown.daysPerStep.decision).toEqual({ averageWorkingDays: '<5', matters: '<5' });
    expect(Object.keys(shown)).toEqual([
      'funnel',
      'exits',
      'inProgress',
      'outcomes',
      'routes',
      'daysPerStep',
      'appeals',
      'overdue',
    ]);
    const { daysPerStep: _days, ...counts } = shown;
    expect(JSON.stringify(counts)).not.toMatch(/:[1-4][,}]/);
  });

  it('shows everything to viewers who may read the matters', () => {
    const shown = showIndicators(indicatorsOf(sample, 2), false);
    expect(shown.funnel.closed).toBe(3);
    expect(shown.daysPerStep.decision).toEqual({ averageWorkingDays: 1.7, matters: 3 });
  });

  it('rates applications per 1,000 cadres, hiding a rate that rests on a small count', () => {
    expect(applicationsPer1000(12, 820, true)).toBe(14.63);
    expect(applicationsPer1000(3, 820, true)).toBe('<5');
    expect(applicationsPer1000(3, 820, false)).toBe(3.66);
    expect(applicationsPer1000(0, 820, true)).toBe(0);
    expect(applicationsPer1000(5, 0, true)).toBeNull();
  });
});
