import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  dayOfWeek,
  endOfBeijingDay,
  isLocalDate,
  parseLocalDate,
  startOfBeijingDay,
  toBeijingDate,
  type LocalDate,
} from './local-date.ts';

const d = (value: string) => parseLocalDate(value);

describe('LocalDate parsing', () => {
  it.each(['2024-02-29', '2025-12-31', '2019-01-01'])('accepts %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
    expect(parseLocalDate(value)).toBe(value);
  });

  it.each([
    '2025-02-30',
    '2023-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-2-3',
    '2025-02-03T00:00',
    '',
    20250203,
  ])('rejects %s with date.invalid naming the field', (value) => {
    expect(isLocalDate(value)).toBe(false);
    const error = catchError(() => parseLocalDate(value, 'conductDate'));
    expect(error.code).toBe('date.invalid');
    expect(error.field).toBe('conductDate');
    expect(error.messageEn).toContain(String(value));
  });
});

describe('calendar arithmetic', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addCalendarDays(d('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addCalendarDays(d('2025-03-01'), -1)).toBe('2025-02-28');
    expect(calendarDaysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
  });

  it('clamps month arithmetic to the end of a shorter month (民法典 第二百零二条)', () => {
    expect(addMonths(d('2024-01-31'), 1)).toBe('2024-02-29');
    expect(addMonths(d('2023-01-31'), 1)).toBe('2023-02-28');
    expect(addMonths(d('2024-03-31'), -1)).toBe('2024-02-29');
    expect(addMonths(d('2024-05-31'), 1)).toBe('2024-06-30');
    expect(addMonths(d('2024-12-15'), 1)).toBe('2025-01-15');
    expect(addMonths(d('2024-01-31'), 13)).toBe('2025-02-28');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek(d('2024-02-04'))).toBe(0); // a Sunday, worked (调休)
    expect(dayOfWeek(d('2025-10-11'))).toBe(6);
  });
});

describe('Beijing time', () => {
  it('converts instants to the Beijing calendar date at UTC+8', () => {
    expect(toBeijingDate(new Date('2024-02-09T15:59:59.999Z'))).toBe('2024-02-09');
    expect(toBeijingDate(new Date('2024-02-09T16:00:00.000Z'))).toBe('2024-02-10');
    expect(toBeijingDate(new Date('2024-12-31T16:30:00.000Z'))).toBe('2025-01-01');
  });

  it('gives the first and last instants of a Beijing day', () => {
    const day = '2024-02-10' as LocalDate;
    expect(startOfBeijingDay(day).toISOString()).toBe('2024-02-09T16:00:00.000Z');
    expect(endOfBeijingDay(day).toISOString()).toBe('2024-02-10T15:59:59.999Z');
    expect(toBeijingDate(endOfBeijingDay(day))).toBe(day);
    expect(toBeijingDate(new Date(endOfBeijingDay(day).getTime() + 1))).toBe('2024-02-11');
  });
});

function catchError(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
