import { describe, expect, it } from 'vitest';
import { toSchedule, toValues } from './yearSchedule.ts';

describe('year schedule form', () => {
  it('reads one date per line, ignoring blank lines and spaces, and round-trips', () => {
    const schedule = toSchedule({
      year: 2027,
      source: ' 国办发明电〔2026〕7号 \n',
      holidays: [{ name: ' 元旦 ', nameEn: "New Year's Day", days: '2027-01-01\n\n 2027-01-02 ' }],
      makeup: '',
    });
    expect(schedule).toEqual({
      year: 2027,
      source: ['国办发明电〔2026〕7号'],
      holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01', '2027-01-02'] }],
      makeupWorkdays: [],
    });
    expect(toSchedule(toValues(schedule))).toEqual(schedule);
  });
});
