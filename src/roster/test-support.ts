/** Builders for roster test files (used only by *.test.ts beside it). */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { residentIdCheckChar } from '../domain/identity.ts';
import { readZipEntry, zipEntryNames } from '../documents/zip-entry.ts';

/** A valid resident ID with the fictional 999901 region for the given birth date and gender. */
export function validId(yyyymmdd: string, gender: 'male' | 'female', serial = '00'): string {
  const body = `999901${yyyymmdd}${serial}${gender === 'male' ? '1' : '2'}`;
  return body + residentIdCheckChar(body);
}

export const HEADERS = [
  '姓名',
  '性别',
  '出生年月',
  '单位',
  '职务',
  '职级',
  '政治面貌',
  '状态',
  '身份证号',
  '手机号',
];

/** A valid data row in HEADERS order; override cells by header name. */
export function validRow(
  overrides: Record<string, ExcelJS.CellValue> = {},
  serial = '00',
): ExcelJS.CellValue[] {
  const base: Record<string, ExcelJS.CellValue> = {
    姓名: '张三丰',
    性别: '男',
    出生年月: '1985-03',
    单位: '县财政局',
    职务: '科员',
    职级: '一级科员',
    政治面貌: '中共党员',
    状态: '在职',
    身份证号: validId('19850312', 'male', serial),
    手机号: '17012345678',
  };
  return HEADERS.map((header) => (header in overrides ? overrides[header]! : base[header]!));
}

/** An .xlsx whose first sheet holds the rows (first row = headers), optionally with a second sheet. */
export async function xlsxOf(
  rows: readonly ExcelJS.CellValue[][],
  otherSheet?: ExcelJS.CellValue[][],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  if (otherSheet) workbook.addWorksheet('Sheet2').addRows(otherSheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CSV text (fields quoted only when needed) in UTF-8, UTF-8 with BOM, or GB18030. */
export function csvOf(
  rows: readonly (readonly unknown[])[],
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8',
): Uint8Array {
  const quote = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gb18030') return new Uint8Array(iconv.encode(text, 'gb18030'));
  return new TextEncoder().encode((encoding === 'utf-8-bom' ? '\ufeff' : '') + text);
}

/**
 * The same .xlsx with its first two tabs swapped in xl/workbook.xml but the sheets' files left in
 * place — what Excel leaves after a tab is dragged to the front: the first tab is then stored after
 * another sheet. Rewritten as a ZIP of stored (uncompressed) entries in the original order.
 */
export function swapFirstTwoTabs(xlsx: Uint8Array): Uint8Array {
  const names = zipEntryNames(xlsx)!;
  const entries = names.map((name) => {
    let data = Buffer.from(readZipEntry(xlsx, name)!);
    if (name === 'xl/workbook.xml') {
      const [first, second] = data.toString('utf8').match(/<sheet [^>]*\/>/g)!;
      data = Buffer.from(data.toString('utf8').replace(`${first}${second}`, `${second}${first}`));
    }
    return { name: Buffer.from(name), data };
  });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(0x06054b50, 0);
  tail.writeUInt16LE(entries.length, 8);
  tail.writeUInt16LE(entries.length, 10);
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, tail]));
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
