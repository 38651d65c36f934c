import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { parseRosterFile } from './parse.ts';
import { readXlsxGrid } from './xlsx-read.ts';
import { csvOf, HEADERS, swapFirstTwoTabs, validId, validRow, xlsxOf } from './test-support.ts';
import type { RosterParseResult } from './types.ts';

const NOW = new Date('2026-06-15T10:00:00+08:00');
const parse = (bytes: Uint8Array, name = 'roster.xlsx'): Promise<RosterParseResult> =>
  parseRosterFile(bytes, name, { now: NOW });
const brief = (result: RosterParseResult): string[] =>
  result.errors.map((e) => `${e.row} ${e.column} ${e.columnLetter} ${e.code}`);

async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('parseRosterFile: reading', () => {
  it('reads a valid .xlsx into typed rows with spreadsheet row numbers', async () => {
    const result = await parse(await xlsxOf([HEADERS, validRow()], [['junk on the second sheet']]));
    expect(result).toMatchObject({ format: 'xlsx', headerRow: 1, totalRows: 1, errors: [], warnings: [] });
    expect(result.encoding).toBeUndefined();
    expect(result.headerMap.idNumber).toEqual({ header: '身份证号', columnIndex: 9, columnLetter: 'I' });
    expect(result.rows).toEqual([
      {
        row: 2,
        name: '张三丰',
        gender: 'male',
        birthMonth: '1985-03',
        unitName: '县财政局',
        position: '科员',
        rank: '一级科员',
        partyMembership: 'member',
        status: 'in_office',
        idNumber: validId('19850312', 'male'),
        mobile: '17012345678',
      },
    ]);
  });

  it('reads the same CSV in UTF-8, UTF-8 with BOM and GB18030 alike', async () => {
    const rows = [HEADERS, validRow({ 姓名: '欧阳娜', 性别: '女', 身份证号: validId('19850312', 'female') })];
    const results = await Promise.all(
      (['utf-8', 'utf-8-bom', 'gb18030'] as const).map((encoding) => parse(csvOf(rows, encoding), 'r.csv')),
    );
    expect(results.map((r) => [r.format, r.encoding])).toEqual([
      ['csv', 'utf-8'],
      ['csv', 'utf-8'],
      ['csv', 'gb18030'],
    ]);
    for (const result of results) {
      expect(result.errors).toEqual([]);
      expect(result.rows[0]).toMatchObject({
        row: 2,
        name: '欧阳娜',
        gender: 'female',
        unitName: '县财政局',
      });
    }
  });

  it('keeps commas, quotes and line breaks inside quoted CSV fields, and counts rows as Excel does', async () => {
    const bytes = csvOf([
      HEADERS,
      validRow({ 单位: '县委办公室,秘书科', 职务: '科员\n（借调）', 职级: '一级"科员"' }),
      [],
      validRow({ 身份证号: 'bad' }, '01'),
    ]);
    const result = await parse(bytes, 'r.csv');
    expect(result.rows[0]).toMatchObject({
      row: 2,
      unitName: '县委办公室,秘书科',
      position: '科员 （借调）',
      rank: '一级"科员"',
    });
    expect(brief(result)).toEqual(['4 身份证号 I roster.bad_id_format']);
    expect(result.totalRows).toBe(2);
  });

  it('reads the first tab, also when it is stored after another sheet', async () => {
    // Excel keeps a sheet's file when its tab is dragged to the front: the roster is then sheet2.xml.
    const help = [['填写说明'], ['身份证号请以文本格式填写']];
    const moved = swapFirstTwoTabs(await xlsxOf(help, [HEADERS, validRow()]));
    const result = await parse(moved);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.name)).toEqual(['张三丰']);
  });

  it('reads long Chinese text intact, however the compressed parts are cut', async () => {
    // exceljs' own streaming reader decodes each inflated chunk on its own and turns a character
    // whose bytes straddle two chunks into "��" (about one cell in ten of these).
    const texts = Array.from({ length: 200 }, (_, i) => `第${i}行：${'容错纠错机制'.repeat(150)}`);
    const grid = await readXlsxGrid(await xlsxOf(texts.map((text) => [text])));
    expect(grid.map((row) => row.cells[0]!.text)).toEqual(texts);
  });

  it('takes the result of formulas, the text of rich text, and Excel dates as birth months', async () => {
    const row = validRow({
      姓名: { richText: [{ text: '李' }, { text: '晓红', font: { bold: true } }] },
      单位: { formula: '"县"&"财政局"', result: '县财政局' },
      出生年月: new Date(Date.UTC(1985, 2, 12)),
      手机号: 17012345678,
    });
    const result = await parse(await xlsxOf([HEADERS, row]));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      name: '李晓红',
      unitName: '县财政局',
      birthMonth: '1985-03',
      mobile: '17012345678',
    });
  });

  it('reports progress and finishes at the total', async () => {
    const rows = [
      HEADERS,
      ...Array.from({ length: 2500 }, (_, i) => validRow({}, String(i % 100).padStart(2, '0'))),
    ];
    const calls: [number, number][] = [];
    await parseRosterFile(csvOf(rows), 'r.csv', {
      now: NOW,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});

describe('parseRosterFile: headers', () => {
  it.each([
    [
      'Chinese variants',
      [
        '姓 名',
        '性别',
        '出生日期',
        '工作单位',
        '现任职务',
        '级别',
        '政治面貌',
        '在职状态',
        '公民身份号码',
        '联系电话',
      ],
    ],
    [
      'English',
      ['Name', 'Gender', 'Birth Month', 'Unit', 'Position', 'Rank', 'Party', 'Status', 'ID Number', 'Mobile'],
    ],
    [
      'full-width, markers and notes',
      ['＊姓名', '性别（男/女）', ' 出生年月 ', '所在单位', '职务', '职级', '党员', '状态', '身份证', '手机'],
    ],
  ])('maps %s', async (_, headers) => {
    const result = await parse(await xlsxOf([headers, validRow()]));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.headerMap.name?.header).toBe(headers[0]!.trim());
  });

  it('finds the header below a title row and numbers rows from there', async () => {
    const result = await parse(
      await xlsxOf([
        ['K县干部名册'],
        HEADERS,
        validRow({ 性别: 'F', 身份证号: validId('19850312', 'female') }),
      ]),
    );
    expect(result.headerRow).toBe(2);
    expect(result.rows[0]).toMatchObject({ row: 3, gender: 'female' });
  });

  it('ignores unknown and repeated columns with warnings, and warns when party membership is absent', async () => {
    const headers = ['姓名', '性别', '出生年月', '单位', '职务', '职级', '身份证号', '备注', '姓名'];
    const result = await parse(
      await xlsxOf([
        headers,
        ['张三丰', '男', '1985-03', '县财政局', '科员', '一级科员', validId('19850312', 'male'), 'x', '李四'],
      ]),
    );
    expect(result.warnings.map((w) => [w.code, w.column, w.columnLetter])).toEqual([
      ['roster.unknown_column', '备注', 'H'],
      ['roster.duplicate_column', '姓名', 'I'],
      ['roster.party_column_absent', undefined, undefined],
    ]);
    expect(result.warnings[0]!.messageZh).toBe('未识别的列“备注”，已忽略');
    expect(result.rows[0]).toMatchObject({ name: '张三丰', partyMembership: 'none', status: 'in_office' });
    expect(result.rows[0]).not.toHaveProperty('mobile');
  });

  it('refuses a file missing required columns, naming them', async () => {
    const error = await domainErrorOf(
      parse(await xlsxOf([['姓名', '性别', '单位', '职务', '职级'], ['张三丰']])),
    );
    expect(error.code).toBe('import.missing_columns');
    expect(error.details.columns).toEqual(['出生年月', '身份证号']);
    expect(error.messageZh).toBe('缺少必需的列：出生年月、身份证号');
  });
});

describe('parseRosterFile: refused files', () => {
  it.each([
    ['zero bytes', async () => new Uint8Array()],
    ['a header only', async () => xlsxOf([HEADERS])],
    ['blank lines only', async () => csvOf([[''], [''], ['']])],
  ])('refuses %s as empty', async (_, build) => {
    expect((await domainErrorOf(parse(await build(), 'f.csv'))).code).toBe('import.empty');
  });

  it('refuses binary content that is not a zip, a zip that is not a workbook, and a broken zip', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x00, 0x00]);
    expect((await domainErrorOf(parse(pdf, 'a.pdf'))).code).toBe('import.unsupported_file');
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('不是名册')] }] }),
    );
    expect((await domainErrorOf(parse(new Uint8Array(docx), 'a.docx'))).code).toBe('import.unsupported_file');
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await domainErrorOf(parse(brokenZip, 'a.xlsx'))).code).toBe('import.unreadable');
  });

  it('refuses more than 200,000 data rows', async () => {
    const line = '张三丰,男,1985-03,县财政局,科员,一级科员,中共党员,在职,x,\r\n';
    const text = HEADERS.join(',') + '\r\n' + line.repeat(200_001);
    const error = await domainErrorOf(parse(new TextEncoder().encode(text), 'big.csv'));
    expect(error.code).toBe('import.too_many_rows');
    expect(error.details).toEqual({ count: 200_001, max: 200_000 });
  });
});
