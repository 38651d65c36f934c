import { describe, expect, it } from 'vitest';
import { parseRosterFile } from './parse.ts';
import { csvOf, HEADERS, validId, validRow, xlsxOf } from './test-support.ts';
import type { RosterParseResult } from './types.ts';

const NOW = new Date('2026-06-15T10:00:00+08:00');
const parse = (bytes: Uint8Array, name = 'roster.xlsx'): Promise<RosterParseResult> =>
  parseRosterFile(bytes, name, { now: NOW });
const brief = (result: RosterParseResult): string[] =>
  result.errors.map((e) => `${e.row} ${e.column} ${e.columnLetter} ${e.code}`);

describe('parseRosterFile: cell errors', () => {
  it('reports each bad cell with its row, header, column letter and code, and keeps only valid rows', async () => {
    const original = validId('19850312', 'male', '00');
    const wrongCheck = original.slice(0, 17) + (original.endsWith('0') ? '1' : '0');
    const longName = '欧'.repeat(31);
    const file = await xlsxOf([
      HEADERS,
      validRow({}, '00'), // 2
      validRow({ 姓名: '' }, '01'), // 3
      validRow({ 性别: '未知' }, '02'), // 4
      validRow({ 出生年月: '不详' }, '03'), // 5
      validRow({ 出生年月: '1930-05', 身份证号: validId('19300512', 'male') }, '04'), // 6
      validRow({ 身份证号: wrongCheck }), // 7
      validRow({ 身份证号: '99990119851345001X' }), // 8
      validRow({ 身份证号: '12345' }), // 9
      validRow({ 身份证号: validId('19850312', 'female', '05') }), // 10
      validRow({ 身份证号: validId('19860312', 'male', '06') }), // 11
      validRow({ 手机号: '1234' }, '07'), // 12
      validRow({}, '00'), // 13: same ID as row 2
      validRow({ 姓名: longName }, '08'), // 14
      validRow({ 单位: '局'.repeat(101) }, '09'), // 15
      validRow({ 姓名: 'Z3' }, '10'), // 16
      validRow({ 政治面貌: '外星人' }, '11'), // 17
      validRow({ 状态: '休假' }, '12'), // 18
      [], // 19: skipped
      validRow(
        {
          姓名: '买买提•艾力',
          单位: '县财\u0007政局\u200b',
          手机号: '+86 170-1234-5679',
          身份证号: validId('19850312', 'male', '13').toLowerCase(),
        },
        '13',
      ), // 20
    ]);
    const result = await parse(file);
    expect(brief(result)).toEqual([
      '3 姓名 A roster.required',
      '4 性别 B roster.bad_gender',
      '5 出生年月 C roster.bad_birth_month',
      '6 出生年月 C roster.birth_month_out_of_range',
      '7 身份证号 I roster.bad_id_checksum',
      '8 身份证号 I roster.bad_id_birth_date',
      '9 身份证号 I roster.bad_id_format',
      '10 身份证号 I roster.id_gender_mismatch',
      '11 身份证号 I roster.id_birth_mismatch',
      '12 手机号 J roster.bad_mobile',
      '13 身份证号 I roster.duplicate_id_number',
      '14 姓名 A roster.too_long',
      '15 单位 D roster.too_long',
      '16 姓名 A roster.bad_name',
      '17 政治面貌 G roster.bad_party',
      '18 状态 H roster.bad_status',
    ]);
    expect(result.totalRows).toBe(18);
    expect(result.rows.map((row) => row.row)).toEqual([2, 20]);
    expect(result.rows[1]).toMatchObject({
      name: '买买提·艾力',
      unitName: '县财政局',
      mobile: '17012345679',
    });
    expect(result.rows[1]!.idNumber).toBe(validId('19850312', 'male', '13'));

    const byRow = new Map(result.errors.map((e) => [e.row, e]));
    expect(byRow.get(10)).toMatchObject({
      value: validId('19850312', 'female', '05'),
      messageZh: '身份证号第 17 位表示性别为女，与性别“男”不一致',
      messageEn: '身份证号 (17th digit) indicates female, but 性别 is "男"',
    });
    expect(byRow.get(11)!.messageZh).toBe('身份证号中的出生年月 1986-03 与出生年月“1985-03”不一致');
    expect(byRow.get(13)).toMatchObject({
      messageZh: '身份证号与第 2 行重复',
      messageEn: 'The ID number repeats row 2',
    });
    expect(byRow.get(6)!.messageZh).toBe('出生年月 1930-05 不在合理范围（1940-01 至 2010-06）内');
    expect(byRow.get(8)!.messageEn).toBe('The birth date 19851345 inside the ID number is not a valid date');
    expect(byRow.get(14)).toMatchObject({ value: longName, messageZh: '姓名不能超过 30 个字符' });
    expect(byRow.get(4)).toMatchObject({
      value: '未知',
      messageEn: 'Gender must be 男 (male) or 女 (female)',
    });
  });

  it('reports every bad cell of a row, not just the first', async () => {
    const result = await parse(
      await xlsxOf([HEADERS, validRow({ 姓名: '', 性别: 'x', 职务: '', 手机号: '999' })]),
    );
    expect(brief(result)).toEqual([
      '2 姓名 A roster.required',
      '2 性别 B roster.bad_gender',
      '2 职务 E roster.required',
      '2 手机号 J roster.bad_mobile',
    ]);
    expect(result.rows).toEqual([]);
  });

  it('explains an ID number Excel stored as a number, in .xlsx and in a CSV saved from it', async () => {
    const xlsx = await parse(await xlsxOf([HEADERS, validRow({ 身份证号: 110101198503121234 })]));
    expect(brief(xlsx)).toEqual(['2 身份证号 I roster.id_stored_as_number']);
    expect(xlsx.errors[0]!.messageZh).toBe(
      '身份证号被 Excel 存成数字，后几位已丢失，请将该列设置为文本后重新录入',
    );
    const csv = await parse(csvOf([HEADERS, validRow({ 身份证号: '1.10101E+17' })]), 'r.csv');
    expect(brief(csv)).toEqual(['2 身份证号 I roster.id_stored_as_number']);
  });
});

describe('parseRosterFile: values', () => {
  it.each([
    ['1985-03', '1985-03'],
    ['1985.03', '1985-03'],
    ['1985.3', '1985-03'],
    ['1985.10', '1985-10'],
    ['1985年3月', '1985-03'],
    ['1985年03月12日', '1985-03'],
    ['198503', '1985-03'],
    ['19850312', '1985-03'],
    ['1985/3', '1985-03'],
    ['1985/3/12', '1985-03'],
    ['1985-03-12', '1985-03'],
    ['１９８５－０３', '1985-03'],
  ])('reads the birth month %s as %s', async (written, month) => {
    const id = validId(`${month.replace('-', '')}12`, 'male');
    const result = await parse(csvOf([HEADERS, validRow({ 出生年月: written, 身份证号: id })]), 'r.csv');
    expect(result.errors).toEqual([]);
    expect(result.rows[0]!.birthMonth).toBe(month);
  });

  it('reads numeric birth months but refuses 1985.1, which Excel made of 1985.10', async () => {
    const result = await parse(
      await xlsxOf([
        HEADERS,
        validRow({ 出生年月: 198503 }, '01'),
        validRow({ 出生年月: 1985.03 }, '02'),
        validRow({ 出生年月: 1985.1 }, '03'),
        validRow({ 出生年月: '1985-13' }, '04'),
      ]),
    );
    expect(result.rows.map((row) => row.birthMonth)).toEqual(['1985-03', '1985-03']);
    expect(brief(result)).toEqual([
      '4 出生年月 C roster.birth_month_ambiguous',
      '5 出生年月 C roster.bad_birth_month',
    ]);
  });

  it('accepts birth months up to 16 years before now', async () => {
    const rows = [
      validRow({ 出生年月: '2010-06', 身份证号: validId('20100601', 'male') }),
      validRow({ 出生年月: '2010-07', 身份证号: validId('20100701', 'male') }),
      validRow({ 出生年月: '1940-01', 身份证号: validId('19400101', 'male') }),
    ];
    const result = await parse(await xlsxOf([HEADERS, ...rows]));
    expect(brief(result)).toEqual(['3 出生年月 C roster.birth_month_out_of_range']);
  });

  it('maps gender, party membership and status words', async () => {
    const female = validId('19850312', 'female', '01');
    const male = (serial: string): string => validId('19850312', 'male', serial);
    const result = await parse(
      await xlsxOf([
        HEADERS,
        validRow({ 性别: 'female', 政治面貌: '中共预备党员', 状态: '退休', 身份证号: female }),
        validRow({ 性别: 'M', 政治面貌: '群众', 状态: '调出', 身份证号: male('02') }),
        validRow({ 性别: '男性', 政治面貌: '民盟盟员', 状态: '去世', 身份证号: male('03') }),
        validRow({ 性别: ' 男 ', 政治面貌: '', 状态: '', 身份证号: male('04') }),
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.gender, r.partyMembership, r.status])).toEqual([
      ['female', 'probationary', 'retired'],
      ['male', 'none', 'transferred_out'],
      ['male', 'none', 'deceased'],
      ['male', 'none', 'in_office'],
    ]);
  });

  it('takes off the apostrophe the export puts before formula-like text', async () => {
    const result = await parse(await xlsxOf([HEADERS, validRow({ 职务: "'=副局长", 职级: "'-" })]));
    expect(result.rows[0]).toMatchObject({ position: '=副局长', rank: '-' });
  });
});
