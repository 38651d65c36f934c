import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { defaultPeriodKey, parsePeriod } from './scorecard-period.ts';
import type { LocalDate } from '../calendar/local-date.ts';

const open = { wholeMonths: false };
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
  return 'no error';
};

describe('scorecard periods', () => {
  it('reads a year, a quarter and a month as whole calendar periods', () => {
    expect(parsePeriod('2025', open)).toMatchObject({
      kind: 'year',
      from: '2025-01-01',
      to: '2025-12-31',
      label: { zh: '2025年' },
    });
    expect(parsePeriod('2025-q2', open)).toMatchObject({
      kind: 'quarter',
      key: '2025-Q2',
      from: '2025-04-01',
      to: '2025-06-30',
      label: { zh: '2025年第二季度', en: 'Q2 2025' },
    });
    expect(parsePeriod('2024-Q1', open)).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriod('2024-02', open)).toMatchObject({
      kind: 'month',
      from: '2024-02-01',
      to: '2024-02-29',
      label: { en: 'Feb 2024' },
    });
    expect(parsePeriod('2025-02', open)).toMatchObject({ to: '2025-02-28' });
  });

  it('reads a custom range, inclusive, and refuses one that runs backwards or too long', () => {
    expect(parsePeriod('2025-03-05..2025-04-17', open)).toMatchObject({
      kind: 'range',
      from: '2025-03-05',
      to: '2025-04-17',
    });
    expect(codeOf(() => parsePeriod('2025-04-17..2025-03-05', open))).toBe('stats.period_invalid');
    expect(parsePeriod('2016-01-01..2025-12-31', open)).toMatchObject({ from: '2016-01-01' });
    expect(codeOf(() => parsePeriod('2016-01-01..2026-01-01', open))).toBe('stats.period_too_long');
  });

  it('asks viewers whose counts are withheld for whole months, so ranges cannot be subtracted day by day', () => {
    expect(parsePeriod('2025-01-01..2025-06-30', { wholeMonths: true })).toMatchObject({
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(codeOf(() => parsePeriod('2025-01-01..2025-06-29', { wholeMonths: true }))).toBe(
      'stats.period_whole_months',
    );
    expect(codeOf(() => parsePeriod('2025-01-02..2025-06-30', { wholeMonths: true }))).toBe(
      'stats.period_whole_months',
    );
    // Calendar periods are whole months already.
    expect(parsePeriod('2025-Q3', { wholeMonths: true }).to).toBe('2025-09-30');
  });

  it('defaults to the twelve whole months up to this one, labelled as months', () => {
    expect(defaultPeriodKey('2026-01-05' as LocalDate)).toBe('2025-02-01..2026-01-31');
    expect(defaultPeriodKey('2025-12-31' as LocalDate)).toBe('2025-01-01..2025-12-31');
    expect(parsePeriod(defaultPeriodKey('2024-03-15' as LocalDate), { wholeMonths: true })).toMatchObject({
      from: '2023-04-01',
      to: '2024-03-31',
      label: { zh: '2023年4月至2024年3月', en: 'Apr 2023 – Mar 2024' },
    });
  });

  it('refuses what it cannot read', () => {
    for (const bad of [
      '',
      '25',
      '2025-Q5',
      '2025-13',
      '2025-02-30..2025-03-01',
      '1999',
      'abc',
      '2025-1',
      '2025-01-01..',
    ])
      expect(
        codeOf(() => parsePeriod(bad, open)),
        bad,
      ).toBe('stats.period_unparsable');
  });
});
