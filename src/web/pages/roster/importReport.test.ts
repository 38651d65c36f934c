import { describe, expect, it } from 'vitest';
import type { ImportRowError } from '../../api/types.ts';
import { columnLabel, filterImportErrors, rowsWithErrors } from './importReport.ts';

const error = (
  row: number,
  column: string,
  value: string,
  messageZh: string,
  messageEn: string,
): ImportRowError => ({
  row,
  column,
  columnLetter: column === '身份证号' ? 'I' : null,
  value,
  code: 'x',
  messageZh,
  messageEn,
});

const ERRORS = [
  error(4, '身份证号', '999901197602019160', '身份证号校验位错误', 'ID number check digit wrong'),
  error(4, '性别', '未知', '性别无效', 'Invalid gender'),
  error(12, '性别', '?', '性别无效', 'Invalid gender'),
];

describe('import report helpers', () => {
  it('counts rows, not errors', () => {
    expect(rowsWithErrors({ errors: ERRORS })).toBe(2);
  });
  it('filters by column and by text in either language, value or row', () => {
    expect(filterImportErrors(ERRORS, '性别', '').map((e) => e.row)).toEqual([4, 12]);
    expect(filterImportErrors(ERRORS, undefined, 'check digit')).toHaveLength(1);
    expect(filterImportErrors(ERRORS, undefined, '未知')).toHaveLength(1);
    expect(filterImportErrors(ERRORS, '性别', '12').map((e) => e.row)).toEqual([12]);
  });
  it('adds the spreadsheet letter when known', () => {
    expect(columnLabel(ERRORS[0]!)).toBe('身份证号 (I)');
    expect(columnLabel(ERRORS[1]!)).toBe('性别');
  });
});
