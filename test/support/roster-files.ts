/** Roster files built in code for import tests: valid rows with real checksums, plus chosen defects. */
import iconv from 'iconv-lite';
import { residentIdCheckChar } from '../../src/domain/identity.ts';
import { exportRosterXlsx, type ExportRow } from '../../src/roster/export.ts';

/** A valid, clearly fictional (region 9999xx) resident ID for the n-th test person. */
export function testResidentId(n: number, gender: 'male' | 'female' = 'male', birth = '19850315'): string {
  const seq = String((n % 99) + 1).padStart(2, '0') + (gender === 'male' ? '1' : '2');
  const first17 = `999988${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

const GIVEN = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';

/** Distinct fictional names made of Chinese characters only (the roster refuses digits in names). */
export function testName(i: number): string {
  return `试${GIVEN[i % GIVEN.length]}${GIVEN[Math.floor(i / GIVEN.length) % GIVEN.length]}`;
}

export function testRows(count: number, unitName = '县财政局'): ExportRow[] {
  return Array.from({ length: count }, (_, i) => ({
    name: testName(i),
    gender: i % 2 === 0 ? 'male' : 'female',
    birthMonth: '1985-03',
    unitName,
    position: '科员',
    rank: '一级科员',
    partyMembership: 'member',
    status: 'in_office',
    idNumber: testResidentId(i, i % 2 === 0 ? 'male' : 'female'),
    mobile: `1700000${String(i).padStart(4, '0')}`,
  }));
}

export function xlsx(rows: ExportRow[]): Promise<Uint8Array> {
  return exportRosterXlsx(rows, { masked: false });
}

export const CSV_HEADER = '姓名,性别,出生年月,单位,职务,职级,政治面貌,身份证号,手机号';

export function csv(lines: string[], encoding: 'utf-8' | 'gb18030' = 'utf-8'): Uint8Array {
  const text = [CSV_HEADER, ...lines].join('\r\n') + '\r\n';
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
}

export function csvLine(r: ExportRow): string {
  return [r.name, r.gender === 'male' ? '男' : '女', r.birthMonth, r.unitName, r.position, r.rank, '中共党员', r.idNumber, r.mobile ?? ''].join(',');
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipart(filename: string, bytes: Uint8Array, contentType = 'application/octet-stream') {
  const boundary = '----rongcuo' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(bytes), tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
