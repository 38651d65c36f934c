import { describe, expect, it } from 'vitest';
import { deadlinePhrase, deadlineTone } from './deadline.ts';

describe('deadlineTone', () => {
  it('is red when overdue, amber within two working days, grey when paused', () => {
    expect(deadlineTone({ status: 'overdue', workingDaysRemaining: -3 })).toBe('overdue');
    expect(deadlineTone({ status: 'on_time', workingDaysRemaining: 2 })).toBe('soon');
    expect(deadlineTone({ status: 'due_soon', workingDaysRemaining: 0 })).toBe('soon');
    expect(deadlineTone({ status: 'on_time', workingDaysRemaining: 3 })).toBe('normal');
    expect(deadlineTone({ status: 'paused', workingDaysRemaining: 1 })).toBe('paused');
  });
});

describe('deadlinePhrase', () => {
  it('counts working days left, says "today" on the last day, and how late when overdue', () => {
    expect(deadlinePhrase({ status: 'on_time', workingDaysRemaining: 5 })).toEqual({
      key: 'remaining',
      count: 5,
    });
    expect(deadlinePhrase({ status: 'due_soon', workingDaysRemaining: 0 })).toEqual({ key: 'today' });
    expect(deadlinePhrase({ status: 'overdue', workingDaysRemaining: -2 })).toEqual({
      key: 'overdue',
      count: 2,
    });
    expect(deadlinePhrase({ status: 'paused', workingDaysRemaining: 4 })).toEqual({ key: 'paused' });
  });
});
