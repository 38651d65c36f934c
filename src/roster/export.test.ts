import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportRosterXlsx, guardFormula, maskIdNumber, maskMobile, type ExportRow } from './export.ts';
import { parseRosterFile } from './parse.ts';
import { buildRosterTemplate, TEMPLATE_SAMPLE_ROW } from './template.ts';
import { validId } from './test-support.ts';

const NOW = new Date('2026-06-15T10:00:00+08:00');

const ROWS: ExportRow[] = [
  {
    name: '王小红',
    gender: 'female',
    birthMonth: '1979-11',
    unitName: '县农业农村局',
    position: '副局长',
    rank: '副科级',
    partyMembership: 'probationary',
    status: 'retired',
    idNumber: validId('19791102', 'female'),
    mobile: '17098765432',
  },
  {
    name: '阿依古丽·买买提',
    gender: 'male',
    birthMonth: '1990-01',
    unitName: '城关镇',
    position: '=HYPERLINK("http://x","点我")',
    rank: '@SUM(1)',
    partyMembership: 'none',
    status: 'transferred_out',
    idNumber: validId('19900105', 'male', '37'),
    mobile: null,
  },
];

async function firstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook.worksheets[0]!;
}

describe('exportRosterXlsx', () => {
  it('round-trips: an unmasked export parses back to the same rows', async () => {
    const bytes = await exportRosterXlsx(ROWS, { masked: false });
    const result = await parseRosterFile(bytes, 'export.xlsx', { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows.map(({ row: _row, ...rest }) => ({ ...rest, mobile: rest.mobile ?? null }))).toEqual(
      ROWS,
    );
  });

  it('writes sheet 干部名册 with Chinese headers, text cells and guarded formula-like text', async () => {
    const sheet = await firstSheet(await exportRosterXlsx(ROWS, { masked: false }));
    expect(sheet.name).toBe('干部名册');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      ...['姓名', '性别', '出生年月', '单位', '职务', '职级', '政治面貌', '状态', '身份证号', '手机号'],
    ]);
    const id = sheet.getCell('I2');
    expect(id.type).toBe(ExcelJS.ValueType.String);
    expect(id.value).toBe(ROWS[0]!.idNumber);
    expect(id.numFmt).toBe('@');
    expect(sheet.getCell('J2').value).toBe('17098765432');
    expect(sheet.getCell('E3').value).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(sheet.getCell('F3').value).toBe("'@SUM(1)");
    expect(sheet.getCell('B2').value).toBe('女');
    expect(sheet.getCell('G2').value).toBe('中共预备党员');
  });

  it('masks ID numbers and mobiles when asked', async () => {
    const sheet = await firstSheet(await exportRosterXlsx(ROWS, { masked: true }));
    expect(sheet.getCell('I2').value).toBe(maskIdNumber(ROWS[0]!.idNumber));
    expect(sheet.getCell('I2').value).toMatch(/^999901\*{8}\d{3}[\dX]$/);
    expect(sheet.getCell('J2').value).toBe('170****5432');
  });
});

describe('masking and formula guard', () => {
  it('masks idempotently', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber(maskIdNumber('11010519491231002X'))).toBe('110105********002X');
    expect(maskMobile('17012345678')).toBe('170****5678');
    expect(maskMobile('170****5678')).toBe('170****5678');
  });

  it('prefixes an apostrophe only to text that starts like a formula', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', '科员', "'x"].map(guardFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@A1",
      "'\tx",
      "'\rx",
      '科员',
      "'x",
    ]);
  });
});

describe('buildRosterTemplate', () => {
  it('has the headers, a valid sample row, text-formatted ID and mobile columns and a help sheet', async () => {
    const bytes = await buildRosterTemplate();
    const sheet = await firstSheet(bytes);
    expect(sheet.name).toBe('干部名册');
    expect(sheet.getColumn(9).numFmt).toBe('@');
    expect(sheet.getColumn(10).numFmt).toBe('@');
    expect(sheet.getCell('B5').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });

    const result = await parseRosterFile(bytes, 'template.xlsx', { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({
        row: 2,
        name: TEMPLATE_SAMPLE_ROW.name,
        idNumber: TEMPLATE_SAMPLE_ROW.idNumber,
      }),
    ]);
  });
});
